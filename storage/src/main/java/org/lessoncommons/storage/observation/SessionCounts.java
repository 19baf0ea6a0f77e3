package org.lessoncommons.storage.observation;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Sessions hosted and attended per school: an input to the semester report. */
@Component
public class SessionCounts {

    private final JdbcClient jdbc;

    SessionCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every school of the alliance (also those with no sessions), for sessions held on a day in
     * [{@code from}, {@code to}). A session the school hosted counts as hosted only, however many of
     * its own teachers sat in.
     */
    public List<SchoolSessionCount> between(UUID allianceId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        WITH sessions AS (
                            SELECT id, host_school_id FROM obs_session
                            WHERE alliance_id = :alliance AND held_on >= :from AND held_on < :to),
                        took_part AS (
                            SELECT x.session_id, a.school_id FROM obs_observer x JOIN account a ON a.id = x.account_id
                            UNION
                            SELECT l.session_id, a.school_id FROM obs_lesson l JOIN account a ON a.id = l.teacher_id)
                        SELECT s.id, s.name,
                               (SELECT count(*) FROM sessions o WHERE o.host_school_id = s.id) AS hosted,
                               (SELECT count(DISTINCT o.id) FROM sessions o JOIN took_part t ON t.session_id = o.id
                                WHERE t.school_id = s.id AND o.host_school_id <> s.id) AS attended
                        FROM school s WHERE s.alliance_id = :alliance
                        ORDER BY s.membership, s.name
                        """)
                .param("alliance", allianceId)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, row) -> new SchoolSessionCount(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getLong("hosted"),
                        rs.getLong("attended")))
                .list();
    }

    /** One teacher's sessions held on a day in [{@code from}, {@code to}): lessons taught and sessions observed. */
    public TeacherSessionCount ofTeacher(UUID accountId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT
                          (SELECT count(DISTINCT l.session_id) FROM obs_lesson l JOIN obs_session s ON s.id = l.session_id
                           WHERE l.teacher_id = :account AND s.held_on >= :from AND s.held_on < :to) AS taught,
                          (SELECT count(DISTINCT x.session_id) FROM obs_observer x JOIN obs_session s ON s.id = x.session_id
                           WHERE x.account_id = :account AND s.held_on >= :from AND s.held_on < :to) AS observed
                        """)
                .param("account", accountId)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, row) -> new TeacherSessionCount(accountId, rs.getLong("taught"), rs.getLong("observed")))
                .single();
    }
}
