package org.lessoncommons.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.web.accounts.RecentReads;
import org.lessoncommons.web.accounts.Viewer;
import org.springframework.data.relational.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The schools a viewer knows of, core schools first: their alliance's, or every school for a system
 * administrator. Names of other schools are never shown, not even for an id typed by hand. Every
 * search asks, and schools seldom change: the lists are kept until a school is saved or deleted
 * (and for at most {@link RecentReads#FRESH}, for changes made by another instance).
 */
@Component
class KnownSchools {

    /** The key of the list of every school. */
    private static final UUID ALL = new UUID(0, 0);

    private final Schools schools;
    private final RecentReads<UUID, List<School>> kept = new RecentReads<>();

    KnownSchools(Schools schools) {
        this.schools = schools;
    }

    List<School> of(Viewer viewer) {
        UUID key = viewer.role() == Role.SYSTEM_ADMIN ? ALL : viewer.allianceId();
        return kept.get(key, this::read).orElseThrow();
    }

    private Optional<List<School>> read(UUID key) {
        return Optional.of(
                key.equals(ALL)
                        ? schools.findAll().stream()
                                .sorted(Comparator.comparing(School::membership).thenComparing(School::name))
                                .toList()
                        : List.copyOf(schools.findByAllianceIdOrderByMembershipAscNameAsc(key)));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void saved(AfterSaveEvent<?> event) {
        if (event.getType() == School.class) {
            kept.forgetAll();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void deleted(AfterDeleteEvent<?> event) {
        if (event.getType() == School.class) {
            kept.forgetAll();
        }
    }
}
