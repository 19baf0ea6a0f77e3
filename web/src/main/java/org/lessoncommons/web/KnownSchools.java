package org.lessoncommons.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.accounts.Viewers;
import org.springframework.data.relational.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The schools a viewer knows of, core schools first: their alliance's, or every school for a system
 * administrator. Names of other schools are never shown, not even for an id typed by hand. Every
 * search asks, and schools seldom change: the lists are kept until a school is saved or deleted
 * (and for at most {@link Viewers#FRESH}, for changes made by another instance).
 */
@Component
class KnownSchools {

    /** The key of the list of every school. */
    private static final UUID ALL = new UUID(0, 0);

    private final Schools schools;
    private final Map<UUID, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(List<School> schools, long readAt) {}

    KnownSchools(Schools schools) {
        this.schools = schools;
    }

    List<School> of(Viewer viewer) {
        UUID key = viewer.role() == Role.SYSTEM_ADMIN ? ALL : viewer.allianceId();
        Kept recent = kept.get(key);
        if (recent != null && System.nanoTime() - recent.readAt() < Viewers.FRESH.toNanos()) {
            return recent.schools();
        }
        long readAt = System.nanoTime();
        List<School> found = key == ALL
                ? schools.findAll().stream()
                        .sorted(Comparator.comparing(School::membership).thenComparing(School::name))
                        .toList()
                : List.copyOf(schools.findByAllianceIdOrderByMembershipAscNameAsc(key));
        kept.put(key, new Kept(found, readAt));
        return found;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void saved(AfterSaveEvent<?> event) {
        if (event.getType() == School.class) {
            kept.clear();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void deleted(AfterDeleteEvent<?> event) {
        if (event.getType() == School.class) {
            kept.clear();
        }
    }
}
