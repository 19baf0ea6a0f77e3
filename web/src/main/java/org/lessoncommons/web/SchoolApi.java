package org.lessoncommons.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.Subject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The schools and the controlled vocabularies a client needs to fill an upload form. */
@RestController
class SchoolApi {

    private final Schools schools;

    SchoolApi(Schools schools) {
        this.schools = schools;
    }

    record SchoolView(UUID id, UUID allianceId, String name, String membership) {

        static SchoolView of(School s) {
            return new SchoolView(
                    s.id(), s.allianceId(), s.name(), s.membership().name());
        }
    }

    record Vocabulary(List<Term> subjects, List<Term> grades, List<Term> resourceTypes) {}

    @GetMapping("/api/schools")
    List<SchoolView> schools() {
        return schools.findAll().stream()
                .sorted(java.util.Comparator.comparing(School::membership).thenComparing(School::name))
                .map(SchoolView::of)
                .toList();
    }

    @GetMapping("/api/vocabulary")
    Vocabulary vocabulary() {
        return new Vocabulary(
                Arrays.stream(Subject.values()).map(Term::of).toList(),
                Arrays.stream(Grade.values()).map(Term::of).toList(),
                Arrays.stream(ResourceType.values()).map(Term::of).toList());
    }
}
