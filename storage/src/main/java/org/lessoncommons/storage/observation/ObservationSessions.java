package org.lessoncommons.storage.observation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.Subject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Observation sessions with their lessons, observers and files. */
@Component
public class ObservationSessions {

    private static final String PERSON = """
            SELECT a.id, a.display_name, s.id AS school_id, s.name AS school_name
            FROM account a JOIN school s ON s.id = a.school_id
            """;

    private final JdbcClient jdbc;

    ObservationSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Saves the session with one lesson per teacher, in the order given, and its observers. */
    @Transactional
    public ObservationSession create(ObservationSession s, List<UUID> teacherIds, List<UUID> observerIds) {
        jdbc.sql("""
                        INSERT INTO obs_session (id, alliance_id, host_school_id, kind, topic, subject, grade, chapter,
                                                 held_on, location, created_by, created_at)
                        VALUES (:id, :alliance, :host, :kind, :topic, :subject, :grade, :chapter, :heldOn, :location,
                                :by, :at)
                        """)
                .param("id", s.id())
                .param("alliance", s.allianceId())
                .param("host", s.hostSchoolId())
                .param("kind", s.kind().name())
                .param("topic", s.topic())
                .param("subject", s.subject().name())
                .param("grade", s.grade().name())
                .param("chapter", s.chapter())
                .param("heldOn", Date.valueOf(s.heldOn()))
                .param("location", s.location())
                .param("by", s.createdBy())
                .param("at", Timestamp.from(s.createdAt()))
                .update();
        List<UUID> teachers = teacherIds.stream().distinct().toList();
        for (int i = 0; i < teachers.size(); i++) {
            jdbc.sql(
                            "INSERT INTO obs_lesson (id, session_id, teacher_id, position) VALUES (:id, :session, :teacher, :p)")
                    .param("id", UUID.randomUUID())
                    .param("session", s.id())
                    .param("teacher", teachers.get(i))
                    .param("p", i + 1)
                    .update();
        }
        observerIds.forEach(observer -> addObserver(s.id(), observer));
        return s;
    }

    /** Changes what the organiser may correct: topic, chapter, day and place. */
    public void reschedule(UUID id, String topic, String chapter, LocalDate heldOn, String location) {
        jdbc.sql("""
                        UPDATE obs_session SET topic = :topic, chapter = :chapter, held_on = :heldOn, location = :location
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("topic", topic)
                .param("chapter", chapter)
                .param("heldOn", Date.valueOf(heldOn))
                .param("location", location)
                .update();
    }

    /** Cancels the session with its lessons, evaluations and links; the uploaded materials stay. */
    public void delete(UUID id) {
        jdbc.sql("DELETE FROM obs_session WHERE id = :id").param("id", id).update();
    }

    public boolean removeObserver(UUID sessionId, UUID accountId) {
        return jdbc.sql("DELETE FROM obs_observer WHERE session_id = :session AND account_id = :account")
                        .param("session", sessionId)
                        .param("account", accountId)
                        .update()
                == 1;
    }

    public boolean addObserver(UUID sessionId, UUID accountId) {
        return jdbc.sql(
                                "INSERT INTO obs_observer (session_id, account_id) VALUES (:session, :account) ON CONFLICT DO NOTHING")
                        .param("session", sessionId)
                        .param("account", accountId)
                        .update()
                == 1;
    }

    public Optional<ObservationSession> find(UUID id) {
        return jdbc.sql("SELECT * FROM obs_session WHERE id = :id")
                .param("id", id)
                .query(ObservationSessions::session)
                .optional();
    }

    /**
     * The alliance's sessions held in [{@code from}, {@code to}), by date; only those a school hosted
     * or took part in (as teacher or observer) when {@code schoolId} is given.
     */
    public List<ObservationSession> list(UUID allianceId, @Nullable UUID schoolId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT o.* FROM obs_session o
                        WHERE o.alliance_id = :alliance AND o.held_on >= :from AND o.held_on < :to
                          AND (CAST(:school AS uuid) IS NULL OR o.host_school_id = :school
                               OR EXISTS (SELECT 1 FROM obs_observer x JOIN account a ON a.id = x.account_id
                                          WHERE x.session_id = o.id AND a.school_id = :school)
                               OR EXISTS (SELECT 1 FROM obs_lesson l JOIN account a ON a.id = l.teacher_id
                                          WHERE l.session_id = o.id AND a.school_id = :school))
                        ORDER BY o.held_on, o.created_at
                        """)
                .param("alliance", allianceId)
                .param("school", schoolId)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query(ObservationSessions::session)
                .list();
    }

    public List<Lesson> lessons(UUID sessionId) {
        return jdbc.sql("""
                        SELECT l.id AS lesson_id, l.session_id, l.position, a.id, a.display_name,
                               s.id AS school_id, s.name AS school_name
                        FROM obs_lesson l JOIN account a ON a.id = l.teacher_id JOIN school s ON s.id = a.school_id
                        WHERE l.session_id = :session ORDER BY l.position
                        """)
                .param("session", sessionId)
                .query((rs, row) -> new Lesson(
                        rs.getObject("lesson_id", UUID.class),
                        rs.getObject("session_id", UUID.class),
                        person(rs, row),
                        rs.getInt("position")))
                .list();
    }

    public Optional<Lesson> lesson(UUID lessonId) {
        return jdbc.sql("SELECT session_id FROM obs_lesson WHERE id = :id")
                .param("id", lessonId)
                .query(UUID.class)
                .optional()
                .flatMap(session -> lessons(session).stream()
                        .filter(l -> l.id().equals(lessonId))
                        .findFirst());
    }

    public List<Person> observers(UUID sessionId) {
        return jdbc.sql(PERSON + " JOIN obs_observer o ON o.account_id = a.id WHERE o.session_id = :session"
                        + " ORDER BY s.name, a.display_name")
                .param("session", sessionId)
                .query(ObservationSessions::person)
                .list();
    }

    public void addFile(UUID sessionId, UUID materialId, @Nullable UUID lessonId, FileKind kind, UUID addedBy) {
        jdbc.sql("""
                        INSERT INTO obs_material (session_id, material_id, lesson_id, kind, added_by)
                        VALUES (:session, :material, :lesson, :kind, :by) ON CONFLICT DO NOTHING
                        """)
                .param("session", sessionId)
                .param("material", materialId)
                .param("lesson", lessonId)
                .param("kind", kind.name())
                .param("by", addedBy)
                .update();
    }

    public List<SessionFile> files(UUID sessionId) {
        return jdbc.sql("SELECT * FROM obs_material WHERE session_id = :session ORDER BY added_at, material_id")
                .param("session", sessionId)
                .query((rs, row) -> new SessionFile(
                        rs.getObject("material_id", UUID.class),
                        rs.getObject("lesson_id", UUID.class),
                        FileKind.valueOf(rs.getString("kind")),
                        rs.getObject("added_by", UUID.class),
                        rs.getTimestamp("added_at").toInstant()))
                .list();
    }

    private static Person person(ResultSet rs, int row) throws SQLException {
        return new Person(
                rs.getObject("id", UUID.class),
                rs.getString("display_name"),
                rs.getObject("school_id", UUID.class),
                rs.getString("school_name"));
    }

    private static ObservationSession session(ResultSet rs, int row) throws SQLException {
        return new ObservationSession(
                rs.getObject("id", UUID.class),
                rs.getObject("alliance_id", UUID.class),
                rs.getObject("host_school_id", UUID.class),
                SessionKind.valueOf(rs.getString("kind")),
                rs.getString("topic"),
                Subject.valueOf(rs.getString("subject")),
                Grade.valueOf(rs.getString("grade")),
                rs.getString("chapter"),
                rs.getDate("held_on").toLocalDate(),
                rs.getString("location"),
                rs.getObject("created_by", UUID.class),
                rs.getTimestamp("created_at").toInstant());
    }
}
