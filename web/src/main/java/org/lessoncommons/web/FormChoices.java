package org.lessoncommons.web;

import java.util.Arrays;
import java.util.Map;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.Sharing;
import org.lessoncommons.storage.Subject;
import org.lessoncommons.web.accounts.Viewers;
import org.springframework.stereotype.Component;

/** The choices the pages' forms offer: vocabularies and the schools of the viewer's alliance. */
@Component
class FormChoices {

    private final KnownSchools schools;
    private final Viewers viewers;

    FormChoices(KnownSchools schools, Viewers viewers) {
        this.schools = schools;
        this.viewers = viewers;
    }

    void addTo(Map<String, Object> model) {
        model.put("subjects", Arrays.stream(Subject.values()).map(Term::of).toList());
        model.put("grades", Arrays.stream(Grade.values()).map(Term::of).toList());
        model.put("types", Arrays.stream(ResourceType.values()).map(Term::of).toList());
        model.put("sharings", Arrays.stream(Sharing.values()).map(Term::of).toList());
        model.put("schools", viewers.find().map(schools::of).orElse(java.util.List.of()));
    }
}
