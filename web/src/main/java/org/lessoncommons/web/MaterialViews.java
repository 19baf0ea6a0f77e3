package org.lessoncommons.web;

import org.lessoncommons.ingest.Media;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.web.accounts.Viewer;
import org.springframework.stereotype.Component;

/** A material as a viewer sees it: with its school, its media details and what they may do. */
@Component
class MaterialViews {

    private final Schools schools;
    private final Media media;

    MaterialViews(Schools schools, Media media) {
        this.schools = schools;
        this.media = media;
    }

    MaterialView of(Material m, Viewer viewer) {
        return MaterialView.of(
                m,
                schools.findById(m.schoolId()).orElse(null),
                media.of(m.sha256()).orElse(null),
                viewer.mayChange(m));
    }
}
