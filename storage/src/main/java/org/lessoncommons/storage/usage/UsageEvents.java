package org.lessoncommons.storage.usage;

import java.sql.Timestamp;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code usage_event} table: appended to in JDBC batches, never changed. */
@Component
public class UsageEvents {

    private static final String INSERT = """
            INSERT INTO usage_event
                (at, kind, material_id, account_id, actor_school_id, material_school_id, subject, grade)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final JdbcTemplate jdbc;

    UsageEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One round trip per batch, in one statement batch (all or nothing). */
    public void insertAll(List<UsageEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, events.stream().map(UsageEvents::row).toList());
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM usage_event", Long.class);
        return count == null ? 0 : count;
    }

    private static Object[] row(UsageEvent e) {
        return new Object[] {
            Timestamp.from(e.at()),
            e.kind().name(),
            e.materialId(),
            e.accountId(),
            e.actorSchoolId(),
            e.materialSchoolId(),
            name(e.subject()),
            name(e.grade())
        };
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }
}
