package org.lessoncommons.web.observation;

import java.util.UUID;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.observation.Lesson;
import org.lessoncommons.storage.observation.ObservationSession;
import org.lessoncommons.storage.observation.ObservationSessions;
import org.lessoncommons.web.accounts.Forbidden;
import org.lessoncommons.web.accounts.Viewer;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a session. Everyone in the alliance sees its sessions (they are the
 * alliance's shared activities); the organiser (its creator, the host school's administrators, the
 * alliance's administrators) manages it; its teachers and observers add files; only observers
 * evaluate. Outside the alliance a session does not exist.
 */
@Component
class SessionAccess {

    private final ObservationSessions sessions;

    SessionAccess(ObservationSessions sessions) {
        this.sessions = sessions;
    }

    ObservationSession visible(UUID id, Viewer viewer) {
        ObservationSession session = sessions.find(id).orElseThrow(() -> notFound(id));
        if (viewer.role() != Role.SYSTEM_ADMIN && !viewer.allianceId().equals(session.allianceId())) {
            throw notFound(id);
        }
        return session;
    }

    Lesson lesson(UUID lessonId, Viewer viewer) {
        Lesson lesson =
                sessions.lesson(lessonId).orElseThrow(() -> new SessionNotFound("No lesson with id " + lessonId));
        try {
            visible(lesson.sessionId(), viewer);
        } catch (SessionNotFound e) {
            throw new SessionNotFound("No lesson with id " + lessonId);
        }
        return lesson;
    }

    boolean organises(ObservationSession s, Viewer viewer) {
        return s.createdBy().equals(viewer.accountId())
                || viewer.administers(s.hostSchoolId())
                || viewer.role() == Role.ALLIANCE_ADMIN && viewer.allianceId().equals(s.allianceId());
    }

    boolean teaches(ObservationSession s, Viewer viewer) {
        return sessions.lessons(s.id()).stream()
                .anyMatch(l -> l.teacher().accountId().equals(viewer.accountId()));
    }

    boolean observes(ObservationSession s, Viewer viewer) {
        return sessions.observers(s.id()).stream().anyMatch(p -> p.accountId().equals(viewer.accountId()));
    }

    /** Uploading the session's video, plans, photos and evaluation records. */
    ObservationSession asParticipant(UUID id, Viewer viewer) {
        ObservationSession s = visible(id, viewer);
        if (!organises(s, viewer) && !teaches(s, viewer) && !observes(s, viewer)) {
            throw new Forbidden("只有授课教师、听课教师和活动组织者可以上传本次活动的资料");
        }
        return s;
    }

    ObservationSession asOrganiser(UUID id, Viewer viewer) {
        ObservationSession s = visible(id, viewer);
        if (!organises(s, viewer)) {
            throw new Forbidden("只有活动组织者、主办学校管理员或联盟管理员可以管理本次活动");
        }
        return s;
    }

    /** Evaluating a lesson: an observer of its session who is not its own teacher. */
    Lesson asEvaluator(UUID lessonId, Viewer viewer) {
        Lesson lesson = lesson(lessonId, viewer);
        ObservationSession s = visible(lesson.sessionId(), viewer);
        if (!observes(s, viewer)) {
            throw new Forbidden("只有本次活动的听课教师可以评课");
        }
        if (lesson.teacher().accountId().equals(viewer.accountId())) {
            throw new Forbidden("授课教师不能给自己的课评分");
        }
        if (s.heldOn().isAfter(java.time.LocalDate.now(SessionViews.SCHOOL_TIME))) {
            throw new InvalidInput("lessonId", "活动尚未举行，举行当天起才能评课");
        }
        return lesson;
    }

    private static SessionNotFound notFound(UUID id) {
        return new SessionNotFound("No observation session with id " + id);
    }
}
