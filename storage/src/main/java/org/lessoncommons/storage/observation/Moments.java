package org.lessoncommons.storage.observation;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Comments pinned to moments of lesson videos. */
@Component
public class Moments {

    private final JdbcClient jdbc;

    Moments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long add(UUID lessonId, UUID videoId, UUID authorId, int seconds, String body) {
        return jdbc.sql("""
                        INSERT INTO obs_moment (lesson_id, material_id, author_id, seconds, body)
                        VALUES (:lesson, :video, :author, :seconds, :body) RETURNING id
                        """)
                .param("lesson", lessonId)
                .param("video", videoId)
                .param("author", authorId)
                .param("seconds", seconds)
                .param("body", body)
                .query(Long.class)
                .single();
    }

    /** The session's pinned comments, by lesson and then by time in the video. */
    public List<Moment> ofSession(UUID sessionId) {
        return jdbc.sql("""
                        SELECT m.id, m.lesson_id, m.material_id, a.display_name, m.seconds, m.body, m.created_at
                        FROM obs_moment m JOIN obs_lesson l ON l.id = m.lesson_id JOIN account a ON a.id = m.author_id
                        WHERE l.session_id = :session ORDER BY l.position, m.seconds, m.id
                        """)
                .param("session", sessionId)
                .query((rs, row) -> new Moment(
                        rs.getLong("id"),
                        rs.getObject("lesson_id", UUID.class),
                        rs.getObject("material_id", UUID.class),
                        rs.getString("display_name"),
                        rs.getInt("seconds"),
                        rs.getString("body"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
