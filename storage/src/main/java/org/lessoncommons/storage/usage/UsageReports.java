package org.lessoncommons.storage.usage;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Usage reports summed in SQL over {@code usage_event} and {@code material}, always within a {@link
 * UsageScope} and a half-open period {@code [from, to)}. Views and downloads come from the events;
 * uploads are the materials created in the period and still in the library, so bulk imports count
 * too and an upload deleted again counts for nobody.
 */
@Component
public class UsageReports {

    /** The events of the scope's people. */
    private static final String EVENT_SCOPE = """
            (CAST(:account AS uuid) IS NULL OR e.account_id = :account)
            AND (CAST(:school AS uuid) IS NULL OR e.actor_school_id = :school)
            AND (CAST(:alliance AS uuid) IS NULL
                 OR e.actor_school_id IN (SELECT id FROM school WHERE alliance_id = :alliance))
            """;

    /** The materials the scope contributed. */
    private static final String MATERIAL_SCOPE = """
            (CAST(:account AS uuid) IS NULL OR m.uploader_id = :account)
            AND (CAST(:school AS uuid) IS NULL OR m.school_id = :school)
            AND (CAST(:alliance AS uuid) IS NULL
                 OR m.school_id IN (SELECT id FROM school WHERE alliance_id = :alliance))
            """;

    private static final String USE = "e.kind IN ('VIEW', 'DOWNLOAD') AND e.at >= :from AND e.at < :to";

    private final JdbcClient jdbc;

    UsageReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Uploads, views and downloads per key of the dimension, keys in ascending order. */
    public List<UsageCount> countsBy(Dimension dimension, UsageScope scope, Instant from, Instant to, ZoneId zone) {
        String sql = """
                WITH used AS (
                    SELECT %s AS k,
                           count(*) FILTER (WHERE e.kind = 'VIEW') AS views,
                           count(*) FILTER (WHERE e.kind = 'DOWNLOAD') AS downloads
                    FROM usage_event e
                    WHERE %s AND %s
                    GROUP BY 1),
                uploaded AS (
                    SELECT %s AS k, count(*) AS uploads
                    FROM material m
                    WHERE m.created_at >= :from AND m.created_at < :to AND m.deleted_at IS NULL AND %s
                    GROUP BY 1)
                SELECT coalesce(used.k, uploaded.k) AS k,
                       coalesce(uploaded.uploads, 0) AS uploads,
                       coalesce(used.views, 0) AS views,
                       coalesce(used.downloads, 0) AS downloads
                FROM used FULL JOIN uploaded ON used.k = uploaded.k
                WHERE coalesce(used.k, uploaded.k) IS NOT NULL
                ORDER BY 1
                """.formatted(dimension.eventKey, USE, EVENT_SCOPE, dimension.materialKey, MATERIAL_SCOPE);
        return scoped(jdbc.sql(sql), scope, from, to)
                .param("zone", zone.getId())
                .query((rs, row) -> new UsageCount(
                        rs.getString("k"), rs.getLong("uploads"), rs.getLong("views"), rs.getLong("downloads")))
                .list();
    }

    /**
     * One row per school in the scope (core schools first). For one account's scope, the school's
     * row holds only that account's materials and that account's use of others'.
     */
    public List<Contribution> contributions(UsageScope scope, Instant from, Instant to) {
        String sql = """
                SELECT s.id, s.name,
                    (SELECT count(*) FROM material m
                     WHERE m.school_id = s.id AND m.deleted_at IS NULL
                       AND m.created_at >= :from AND m.created_at < :to
                       AND (CAST(:account AS uuid) IS NULL OR m.uploader_id = :account)) AS contributed,
                    (SELECT count(*) FROM material m
                     WHERE m.school_id = s.id AND m.deleted_at IS NULL AND m.created_at < :to
                       AND (CAST(:account AS uuid) IS NULL OR m.uploader_id = :account)) AS in_library,
                    (SELECT count(*) FROM usage_event e
                     WHERE e.material_school_id = s.id AND e.actor_school_id <> s.id AND %1$s
                       AND (CAST(:account AS uuid) IS NULL
                            OR e.material_id IN (SELECT id FROM material WHERE uploader_id = :account))) AS used_by_others,
                    (SELECT count(*) FROM usage_event e
                     WHERE e.actor_school_id = s.id AND e.material_school_id <> s.id AND %1$s
                       AND (CAST(:account AS uuid) IS NULL OR e.account_id = :account)) AS use_of_others
                FROM school s
                WHERE (CAST(:school AS uuid) IS NULL OR s.id = :school)
                  AND (CAST(:alliance AS uuid) IS NULL OR s.alliance_id = :alliance)
                ORDER BY s.membership, s.name
                """.formatted(USE);
        return scoped(jdbc.sql(sql), scope, from, to)
                .query((rs, row) -> new Contribution(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getLong("contributed"),
                        rs.getLong("in_library"),
                        rs.getLong("used_by_others"),
                        rs.getLong("use_of_others")))
                .list();
    }

    /** The materials the scope's people used most (views plus downloads), still in the library. */
    public List<MaterialUse> mostUsed(UsageScope scope, Instant from, Instant to, int limit) {
        return materialUse("(" + EVENT_SCOPE + ")", scope, null, from, to, limit);
    }

    /** The school's own shared materials that were used most, by anyone. */
    public List<MaterialUse> mostUsedOf(UUID schoolId, Instant from, Instant to, int limit) {
        return materialUse(
                "m.school_id = :materialSchool AND m.sharing <> 'PRIVATE'",
                UsageScope.everything(),
                schoolId,
                from,
                to,
                limit);
    }

    private List<MaterialUse> materialUse(
            String filter, UsageScope scope, @Nullable UUID materialSchool, Instant from, Instant to, int limit) {
        String sql = """
                SELECT m.id, m.title, s.id AS school_id, s.name AS school_name,
                       count(*) FILTER (WHERE e.kind = 'VIEW') AS views,
                       count(*) FILTER (WHERE e.kind = 'DOWNLOAD') AS downloads
                FROM usage_event e
                JOIN material m ON m.id = e.material_id
                JOIN school s ON s.id = m.school_id
                WHERE %s AND m.deleted_at IS NULL AND %s
                GROUP BY m.id, m.title, s.id, s.name
                ORDER BY count(*) DESC, m.title, m.id
                LIMIT :limit
                """.formatted(USE, filter);
        return scoped(jdbc.sql(sql), scope, from, to)
                .param("limit", limit)
                .param("materialSchool", materialSchool)
                .query((rs, row) -> new MaterialUse(
                        rs.getObject("id", UUID.class),
                        rs.getString("title"),
                        rs.getObject("school_id", UUID.class),
                        rs.getString("school_name"),
                        rs.getLong("views"),
                        rs.getLong("downloads")))
                .list();
    }

    private static JdbcClient.StatementSpec scoped(
            JdbcClient.StatementSpec statement, UsageScope scope, Instant from, Instant to) {
        return statement
                .param("account", scope.accountId())
                .param("school", scope.schoolId())
                .param("alliance", scope.allianceId())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to));
    }
}
