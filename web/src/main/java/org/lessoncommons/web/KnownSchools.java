package org.lessoncommons.web;

import java.util.Comparator;
import java.util.List;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.web.accounts.Viewer;
import org.springframework.stereotype.Component;

/**
 * The schools a viewer knows of, core schools first: their alliance's, or every school for a system
 * administrator. Names of other schools are never shown, not even for an id typed by hand.
 */
@Component
class KnownSchools {

    private final Schools schools;

    KnownSchools(Schools schools) {
        this.schools = schools;
    }

    List<School> of(Viewer viewer) {
        if (viewer.role() == Role.SYSTEM_ADMIN) {
            return schools.findAll().stream()
                    .sorted(Comparator.comparing(School::membership).thenComparing(School::name))
                    .toList();
        }
        return schools.findByAllianceIdOrderByMembershipAscNameAsc(viewer.allianceId());
    }
}
