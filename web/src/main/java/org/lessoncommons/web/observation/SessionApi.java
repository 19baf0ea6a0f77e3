package org.lessoncommons.web.observation;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.Sharing;
import org.lessoncommons.storage.Subject;
import org.lessoncommons.storage.observation.FileKind;
import org.lessoncommons.storage.observation.Lesson;
import org.lessoncommons.storage.observation.ObservationSession;
import org.lessoncommons.storage.observation.ObservationSessions;
import org.lessoncommons.storage.observation.SessionKind;
import org.lessoncommons.web.accounts.Audit;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.accounts.Viewers;
import org.lessoncommons.web.observation.ObservationViews.Detail;
import org.lessoncommons.web.observation.ObservationViews.Summary;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Observation sessions of the viewer's alliance: the calendar, one session, its observers and files. */
@RestController
@RequestMapping("/api/observation/sessions")
class SessionApi {

    private final ObservationSessions sessions;
    private final SessionAccess access;
    private final SessionViews views;
    private final SessionUploads uploads;
    private final Viewers viewers;
    private final SessionInput input;
    private final Audit audit;

    SessionApi(
            ObservationSessions sessions,
            SessionAccess access,
            SessionViews views,
            SessionUploads uploads,
            Viewers viewers,
            Audit audit,
            SessionInput input) {
        this.input = input;
        this.audit = audit;
        this.sessions = sessions;
        this.access = access;
        this.views = views;
        this.uploads = uploads;
        this.viewers = viewers;
    }

    /**
     * @param teachers usernames of the teaching teachers, one lesson each (two or more for 同课异构)
     * @param observers usernames of the observers
     * @param hostSchoolId the viewer's school unless they administer another
     */
    record NewSession(
            @Nullable String kind,
            @Nullable String topic,
            @Nullable String subject,
            @Nullable String grade,
            @Nullable String chapter,
            @Nullable String heldOn,
            @Nullable String location,
            @Nullable String hostSchoolId,
            @Nullable List<String> teachers,
            @Nullable List<String> observers) {}

    record NewObserver(@Nullable String username) {}

    /** Fields left out keep their value. */
    record Change(
            @Nullable String topic,
            @Nullable String chapter,
            @Nullable String heldOn,
            @Nullable String location) {}

    /** Sessions held in [from, to) (default: half a year back to a year ahead), of one school if given. */
    @GetMapping
    List<Summary> list(
            @RequestParam(required = false) @Nullable UUID school,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        Viewer viewer = viewers.current();
        LocalDate today = LocalDate.now(SessionViews.SCHOOL_TIME);
        return sessions
                .list(
                        viewer.allianceId(),
                        school,
                        SessionInput.date("from", from, today.minusMonths(6)),
                        SessionInput.date("to", to, today.plusYears(1)))
                .stream()
                .map(views::summary)
                .toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Detail> create(@RequestBody NewSession form) {
        Viewer viewer = viewers.current();
        SessionKind kind = SessionInput.term("kind", form.kind(), SessionKind::parse, "活动类型");
        List<UUID> teachers = input.members("teachers", form.teachers(), viewer);
        if (teachers.isEmpty()) {
            throw new InvalidInput("teachers", "请填写授课教师");
        }
        if (kind == SessionKind.SAME_TOPIC && teachers.size() < 2) {
            throw new InvalidInput("teachers", "同课异构至少需要两位授课教师");
        }
        ObservationSession session = sessions.create(
                ObservationSession.of(
                        viewer.allianceId(),
                        input.host(form.hostSchoolId(), viewer),
                        kind,
                        SessionInput.text("topic", form.topic(), 300, "课题", true),
                        SessionInput.term("subject", form.subject(), Subject::parse, "学科"),
                        SessionInput.term("grade", form.grade(), Grade::parse, "年级"),
                        SessionInput.text("chapter", form.chapter(), 200, "章节", false),
                        SessionInput.date("heldOn", form.heldOn(), null),
                        SessionInput.text("location", form.location(), 200, "地点", false),
                        viewer.accountId()),
                teachers,
                input.members("observers", form.observers(), viewer));
        audit.record(
                viewer, "observation.create", session.hostSchoolId(), "obs_session", session.id(), session.topic());
        return ResponseEntity.created(URI.create("/api/observation/sessions/" + session.id()))
                .body(views.detail(session, viewer));
    }

    @GetMapping("/{id}")
    Detail show(@PathVariable UUID id) {
        Viewer viewer = viewers.current();
        return views.detail(access.visible(id, viewer), viewer);
    }

    /** The organiser corrects the topic, chapter, day or place. */
    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Detail change(@PathVariable UUID id, @RequestBody Change change) {
        Viewer viewer = viewers.current();
        ObservationSession s = access.asOrganiser(id, viewer);
        sessions.reschedule(
                id,
                change.topic() == null ? s.topic() : SessionInput.text("topic", change.topic(), 300, "课题", true),
                change.chapter() == null
                        ? s.chapter()
                        : SessionInput.text("chapter", change.chapter(), 200, "章节", false),
                change.heldOn() == null ? s.heldOn() : SessionInput.date("heldOn", change.heldOn(), null),
                change.location() == null
                        ? s.location()
                        : SessionInput.text("location", change.location(), 200, "地点", false));
        return views.detail(access.visible(id, viewer), viewer);
    }

    /** Cancels the session; the files uploaded from it stay in the repository. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> cancel(@PathVariable UUID id) {
        Viewer viewer = viewers.current();
        ObservationSession s = access.asOrganiser(id, viewer);
        sessions.delete(id);
        audit.record(viewer, "observation.cancel", s.hostSchoolId(), "obs_session", id, s.topic());
        return ResponseEntity.noContent().build();
    }

    /** An observer withdraws, or the organiser takes one off the list. */
    @DeleteMapping("/{id}/observers/{accountId}")
    ResponseEntity<Void> removeObserver(@PathVariable UUID id, @PathVariable UUID accountId) {
        Viewer viewer = viewers.current();
        if (!accountId.equals(viewer.accountId())) {
            access.asOrganiser(id, viewer);
        } else {
            access.visible(id, viewer);
        }
        sessions.removeObserver(id, accountId);
        return ResponseEntity.noContent().build();
    }

    /** The organiser adds an observer; any teacher of the alliance may sign themselves up. */
    @PostMapping("/{id}/observers")
    Detail addObserver(@PathVariable UUID id, @RequestBody NewObserver form) {
        Viewer viewer = viewers.current();
        ObservationSession session = access.visible(id, viewer);
        String username = SessionInput.text("username", form.username(), 64, "用户名", false);
        if (!username.isEmpty() && !username.equals(viewer.username())) {
            access.asOrganiser(id, viewer);
        }
        UUID observer = username.isEmpty()
                ? viewer.accountId()
                : input.members("username", List.of(username), viewer).getFirst();
        sessions.addObserver(session.id(), observer);
        return views.detail(session, viewer);
    }

    /**
     * Uploads the session's files in one request, each through the ingest path and linked to the
     * session (and to one lesson, when {@code lessonId} names one).
     */
    @PostMapping(path = "/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Detail> upload(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String lessonId,
            @RequestParam(required = false) @Nullable String sharing,
            @RequestParam(required = false) @Nullable MultipartFile video,
            @RequestParam(required = false) @Nullable MultipartFile plan,
            @RequestParam(required = false) @Nullable MultipartFile courseware,
            @RequestParam(required = false) @Nullable List<MultipartFile> photos,
            @RequestParam(required = false) @Nullable List<MultipartFile> evaluationRecords) {
        Viewer viewer = viewers.current();
        ObservationSession session = access.asParticipant(id, viewer);
        Lesson lesson = lessonId == null || lessonId.isBlank() ? null : lessonOf(session, lessonId);
        List<SessionUploads.Part> parts = new ArrayList<>();
        add(parts, FileKind.VIDEO, video);
        add(parts, FileKind.PLAN, plan);
        add(parts, FileKind.COURSEWARE, courseware);
        (photos == null ? List.<MultipartFile>of() : photos).forEach(p -> add(parts, FileKind.PHOTO, p));
        (evaluationRecords == null ? List.<MultipartFile>of() : evaluationRecords)
                .forEach(r -> add(parts, FileKind.EVALUATION_RECORD, r));
        uploads.upload(
                session,
                lesson,
                parts,
                sharing == null || sharing.isBlank()
                        ? Sharing.ALLIANCE
                        : SessionInput.term("sharing", sharing, Sharing::parse, "共享范围"),
                viewer);
        return ResponseEntity.status(201).body(views.detail(session, viewer));
    }

    private Lesson lessonOf(ObservationSession session, String lessonId) {
        UUID wanted = SessionUploads.lessonId(lessonId);
        return sessions.lessons(session.id()).stream()
                .filter(l -> l.id().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidInput("lessonId", "本次活动没有这节课: " + lessonId));
    }

    private static void add(List<SessionUploads.Part> parts, FileKind kind, @Nullable MultipartFile file) {
        if (file != null && !file.isEmpty()) {
            parts.add(new SessionUploads.Part(kind, file));
        }
    }
}
