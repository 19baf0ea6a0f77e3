package org.lessoncommons.storage.observation;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Observers' evaluations of lessons, and the averages per criterion over them. */
@Component
public class Evaluations {

    private static final String SCORES = """
            FROM obs_score sc
            JOIN obs_evaluation e ON e.id = sc.evaluation_id
            JOIN rubric_criterion c ON c.id = sc.criterion_id
            JOIN obs_lesson l ON l.id = e.lesson_id
            JOIN obs_session o ON o.id = l.session_id
            JOIN account t ON t.id = l.teacher_id
            JOIN school s ON s.id = t.school_id
            """;

    private final JdbcClient jdbc;

    Evaluations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Saves the observer's evaluation of the lesson, replacing an earlier one. */
    @Transactional
    public void save(UUID lessonId, UUID observerId, String comment, Map<UUID, Integer> scores) {
        UUID id = jdbc.sql("""
                        INSERT INTO obs_evaluation (id, lesson_id, observer_id, comment) VALUES (:id, :lesson, :observer, :comment)
                        ON CONFLICT (lesson_id, observer_id) DO UPDATE SET comment = excluded.comment, saved_at = now()
                        RETURNING id
                        """)
                .param("id", UUID.randomUUID())
                .param("lesson", lessonId)
                .param("observer", observerId)
                .param("comment", comment)
                .query(UUID.class)
                .single();
        jdbc.sql("DELETE FROM obs_score WHERE evaluation_id = :id")
                .param("id", id)
                .update();
        scores.forEach((criterion, score) -> jdbc.sql(
                        "INSERT INTO obs_score (evaluation_id, criterion_id, score) VALUES (:id, :criterion, :score)")
                .param("id", id)
                .param("criterion", criterion)
                .param("score", score)
                .update());
    }

    /** The evaluations of the session's lessons, by lesson, oldest first. */
    public List<Evaluation> ofSession(UUID sessionId) {
        Map<UUID, Map<UUID, Integer>> scores = new HashMap<>();
        jdbc.sql("""
                        SELECT sc.evaluation_id, sc.criterion_id, sc.score FROM obs_score sc
                        JOIN obs_evaluation e ON e.id = sc.evaluation_id JOIN obs_lesson l ON l.id = e.lesson_id
                        WHERE l.session_id = :session
                        """).param("session", sessionId).query(rs -> {
            scores.computeIfAbsent(rs.getObject("evaluation_id", UUID.class), k -> new HashMap<>())
                    .put(rs.getObject("criterion_id", UUID.class), rs.getInt("score"));
        });
        return jdbc.sql("""
                        SELECT e.id AS evaluation_id, e.lesson_id, e.comment, e.saved_at,
                               a.id, a.display_name, s.id AS school_id, s.name AS school_name
                        FROM obs_evaluation e JOIN obs_lesson l ON l.id = e.lesson_id
                        JOIN account a ON a.id = e.observer_id JOIN school s ON s.id = a.school_id
                        WHERE l.session_id = :session ORDER BY l.position, e.saved_at
                        """)
                .param("session", sessionId)
                .query((rs, row) -> {
                    UUID id = rs.getObject("evaluation_id", UUID.class);
                    return new Evaluation(
                            id,
                            rs.getObject("lesson_id", UUID.class),
                            new Person(
                                    rs.getObject("id", UUID.class),
                                    rs.getString("display_name"),
                                    rs.getObject("school_id", UUID.class),
                                    rs.getString("school_name")),
                            rs.getString("comment"),
                            rs.getTimestamp("saved_at").toInstant(),
                            scores.getOrDefault(id, Map.of()));
                })
                .list();
    }

    /** Average per criterion per lesson of the session. */
    public List<CriterionAverage> perLesson(UUID sessionId) {
        return averages("l.id", "t.display_name", "o.id = CAST(:session AS uuid)", Map.of("session", sessionId));
    }

    /**
     * Average per criterion per teaching teacher, for sessions of the alliance held in [{@code
     * from}, {@code to}); only the school's teachers, or only one teacher, when given.
     */
    public List<CriterionAverage> perTeacher(
            UUID allianceId, @Nullable UUID schoolId, @Nullable UUID teacherId, LocalDate from, LocalDate to) {
        return averages("t.id", "t.display_name", range(), params(allianceId, schoolId, teacherId, from, to));
    }

    /** Average per criterion per school of the teaching teachers, as {@link #perTeacher}. */
    public List<CriterionAverage> perSchool(UUID allianceId, @Nullable UUID schoolId, LocalDate from, LocalDate to) {
        return averages("s.id", "s.name", range(), params(allianceId, schoolId, null, from, to));
    }

    private static String range() {
        return """
                o.alliance_id = CAST(:alliance AS uuid) AND o.held_on >= :from AND o.held_on < :to
                AND (CAST(:school AS uuid) IS NULL OR s.id = CAST(:school AS uuid))
                AND (CAST(:teacher AS uuid) IS NULL OR t.id = CAST(:teacher AS uuid))
                """;
    }

    private static Map<String, Object> params(
            UUID allianceId, @Nullable UUID schoolId, @Nullable UUID teacherId, LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>();
        params.put("alliance", allianceId);
        params.put("school", schoolId);
        params.put("teacher", teacherId);
        params.put("from", Date.valueOf(from));
        params.put("to", Date.valueOf(to));
        return params;
    }

    private List<CriterionAverage> averages(String of, String name, String where, Map<String, Object> params) {
        var spec = jdbc.sql("SELECT " + of + " AS of_id, " + name + " AS of_name, c.id AS criterion_id, c.name,"
                + " c.max_score, c.position, avg(sc.score) AS average, count(*) AS n " + SCORES + " WHERE " + where
                + " GROUP BY " + of + ", " + name + ", c.id, c.name, c.max_score, c.position"
                + " ORDER BY " + name + ", c.position");
        for (var param : params.entrySet()) {
            spec = spec.param(param.getKey(), param.getValue());
        }
        return spec.query((rs, row) -> new CriterionAverage(
                        rs.getObject("of_id", UUID.class),
                        rs.getString("of_name"),
                        rs.getObject("criterion_id", UUID.class),
                        rs.getString("name"),
                        rs.getInt("max_score"),
                        rs.getDouble("average"),
                        rs.getInt("n")))
                .list();
    }
}
