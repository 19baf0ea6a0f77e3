package org.lessoncommons.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Appends to and reads the audit log ({@code audit_event}); lines are never changed. */
@Component
public class AuditLog {

    private static final int MAX_DETAIL = 2000;

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(AuditEvent event) {
        jdbc.sql("""
                        INSERT INTO audit_event
                            (at, actor_id, actor_name, school_id, action, target_type, target_id, detail, remote_addr)
                        VALUES (:at, :actor, :actorName, :school, :action, :targetType, :targetId, :detail, :remote)
                        """)
                .param("at", Timestamp.from(event.at()))
                .param("actor", event.actorId())
                .param("actorName", clip(event.actorName(), 200))
                .param("school", event.schoolId())
                .param("action", event.action())
                .param("targetType", event.targetType())
                .param("targetId", event.targetId())
                .param("detail", clip(event.detail(), MAX_DETAIL))
                .param("remote", event.remoteAddr())
                .update();
    }

    /** Newest first; only lines about that school when {@code schoolId} is given. */
    public List<AuditEvent> recent(@Nullable UUID schoolId, @Nullable String action, int limit) {
        return jdbc.sql("""
                        SELECT * FROM audit_event
                        WHERE (CAST(:school AS uuid) IS NULL OR school_id = :school)
                          AND (CAST(:action AS text) IS NULL OR action = :action)
                        ORDER BY at DESC, id DESC LIMIT :limit
                        """)
                .param("school", schoolId)
                .param("action", action)
                .param("limit", limit)
                .query(AuditLog::event)
                .list();
    }

    /** Lines about the schools of one alliance, newest first. */
    public List<AuditEvent> recentInAlliance(UUID allianceId, @Nullable String action, int limit) {
        return jdbc.sql("""
                        SELECT e.* FROM audit_event e JOIN school s ON s.id = e.school_id
                        WHERE s.alliance_id = :alliance AND (CAST(:action AS text) IS NULL OR e.action = :action)
                        ORDER BY e.at DESC, e.id DESC LIMIT :limit
                        """)
                .param("alliance", allianceId)
                .param("action", action)
                .param("limit", limit)
                .query(AuditLog::event)
                .list();
    }

    private static AuditEvent event(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(
                rs.getLong("id"),
                rs.getTimestamp("at").toInstant(),
                rs.getObject("actor_id", UUID.class),
                rs.getString("actor_name"),
                rs.getObject("school_id", UUID.class),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("detail"),
                rs.getString("remote_addr"));
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
