package org.lessoncommons.storage.observation;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each alliance's rubric. An alliance that never defined one gets the usual five criteria of
 * 听课评课 (20 points each) on first use.
 */
@Component
public class RubricCriteria {

    /** The default rubric: name and maximum score. */
    public static final List<Line> DEFAULT = List.of(
            new Line("教学目标", 20),
            new Line("教学过程", 20),
            new Line("教学方法", 20),
            new Line("学生活动", 20),
            new Line("教学效果", 20));

    public record Line(String name, int maxScore) {}

    private final JdbcClient jdbc;

    RubricCriteria(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The criteria in use, in order. */
    @Transactional
    public List<Criterion> of(UUID allianceId) {
        List<Criterion> current = active(allianceId);
        if (!current.isEmpty() || defined(allianceId)) {
            return current;
        }
        return define(allianceId, DEFAULT);
    }

    /**
     * Makes {@code lines} the rubric. A criterion whose name is kept keeps its id (and its scores);
     * the others are retired, so old evaluations still show them.
     */
    @Transactional
    public List<Criterion> define(UUID allianceId, List<Line> lines) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(CAST(:alliance AS text)))")
                .param("alliance", allianceId)
                .query(Object.class)
                .list();
        jdbc.sql("UPDATE rubric_criterion SET retired = true WHERE alliance_id = :alliance")
                .param("alliance", allianceId)
                .update();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            int revived = jdbc.sql("""
                            UPDATE rubric_criterion SET retired = false, max_score = :max, position = :p
                            WHERE alliance_id = :alliance AND name = :name
                            """)
                    .param("alliance", allianceId)
                    .param("name", line.name())
                    .param("max", line.maxScore())
                    .param("p", i + 1)
                    .update();
            if (revived == 0) {
                jdbc.sql("""
                                INSERT INTO rubric_criterion (id, alliance_id, name, max_score, position)
                                VALUES (:id, :alliance, :name, :max, :p)
                                """)
                        .param("id", UUID.randomUUID())
                        .param("alliance", allianceId)
                        .param("name", line.name())
                        .param("max", line.maxScore())
                        .param("p", i + 1)
                        .update();
            }
        }
        return active(allianceId);
    }

    private List<Criterion> active(UUID allianceId) {
        return jdbc.sql("""
                        SELECT id, name, max_score, position FROM rubric_criterion
                        WHERE alliance_id = :alliance AND NOT retired ORDER BY position
                        """)
                .param("alliance", allianceId)
                .query((rs, row) -> new Criterion(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getInt("max_score"),
                        rs.getInt("position")))
                .list();
    }

    private boolean defined(UUID allianceId) {
        return jdbc.sql("SELECT count(*) > 0 FROM rubric_criterion WHERE alliance_id = :alliance")
                .param("alliance", allianceId)
                .query(Boolean.class)
                .single();
    }
}
