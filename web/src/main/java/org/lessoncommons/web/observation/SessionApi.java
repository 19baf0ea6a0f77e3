package org.lessoncommons.web.observation;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.Sharing;
import org.lessoncommons.storage.Subject;
import org.lessoncommons.storage.observation.FileKind;
import org.lessoncommons.storage.observation.Lesson;
import org.lessoncommons.storage.observation.ObservationSession;
import org.lessoncommons.storage.observation.ObservationSessions;
import org.lessoncommons.storage.observation.SessionKind;
import org.lessoncommons.web.accounts.Audit;
import org.lessoncommons.web.accounts.Forbidden;
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
    private final Accounts accounts;
    private final Schools schools;
    private final Viewers viewers;
    private final Audit audit;

    SessionApi(
            ObservationSessions sessions,
            SessionAccess access,
            SessionViews views,
            SessionUploads uploads,
            Accounts accounts,
            Schools schools,
            Viewers viewers,
            Audit audit) {
        this.audit = audit;
        this.sessions = sessions;
        this.access = access;
        this.views = views;
        this.uploads = uploads;
        this.accounts = accounts;
        this.schools = schools;
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
                        date("from", from, today.minusMonths(6)),
                        date("to", to, today.plusYears(1)))
                .stream()
                .map(views::summary)
                .toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Detail> create(@RequestBody NewSession form) {
        Viewer viewer = viewers.current();
        SessionKind kind = term("kind", form.kind(), SessionKind::parse, "活动类型");
        List<UUID> teachers = members("teachers", form.teachers(), viewer);
        if (teachers.isEmpty()) {
            throw new InvalidInput("teachers", "请填写授课教师");
        }
        if (kind == SessionKind.SAME_TOPIC && teachers.size() < 2) {
            throw new InvalidInput("teachers", "同课异构至少需要两位授课教师");
        }
        ObservationSession session = sessions.create(
                ObservationSession.of(
                        viewer.allianceId(),
                        host(form.hostSchoolId(), viewer),
                        kind,
                        text("topic", form.topic(), 300, "课题", true),
                        term("subject", form.subject(), Subject::parse, "学科"),
                        term("grade", form.grade(), Grade::parse, "年级"),
                        text("chapter", form.chapter(), 200, "章节", false),
                        date("heldOn", form.heldOn(), null),
                        text("location", form.location(), 200, "地点", false),
                        viewer.accountId()),
                teachers,
                members("observers", form.observers(), viewer));
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
                change.topic() == null ? s.topic() : text("topic", change.topic(), 300, "课题", true),
                change.chapter() == null ? s.chapter() : text("chapter", change.chapter(), 200, "章节", false),
                change.heldOn() == null ? s.heldOn() : date("heldOn", change.heldOn(), null),
                change.location() == null ? s.location() : text("location", change.location(), 200, "地点", false));
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
        String username = text("username", form.username(), 64, "用户名", false);
        if (!username.isEmpty() && !username.equals(viewer.username())) {
            access.asOrganiser(id, viewer);
        }
        UUID observer = username.isEmpty()
                ? viewer.accountId()
                : members("username", List.of(username), viewer).getFirst();
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
                        : term("sharing", sharing, Sharing::parse, "共享范围"),
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

    /** Accounts of the viewer's alliance by username (also separated by commas or spaces in one entry). */
    private List<UUID> members(String field, @Nullable List<String> usernames, Viewer viewer) {
        List<String> names = (usernames == null ? List.<String>of() : usernames)
                .stream()
                        .flatMap(n -> Arrays.stream(n.split("[,，、\\s]+")))
                        .filter(n -> !n.isBlank())
                        .distinct()
                        .toList();
        return names.stream()
                .map(name -> accounts.findByUsername(name)
                        .filter(Account::enabled)
                        .filter(a -> schools.findById(a.schoolId())
                                .map(s -> s.allianceId().equals(viewer.allianceId()))
                                .orElse(false))
                        .map(Account::id)
                        .orElseThrow(() -> new InvalidInput(field, "本联盟没有用户名为 " + name + " 的教师")))
                .toList();
    }

    private UUID host(@Nullable String hostSchoolId, Viewer viewer) {
        if (hostSchoolId == null || hostSchoolId.isBlank()) {
            return viewer.schoolId();
        }
        UUID id;
        try {
            id = UUID.fromString(hostSchoolId.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("hostSchoolId", "学校编号格式不正确: " + hostSchoolId);
        }
        School school = schools.findById(id).orElseThrow(() -> new InvalidInput("hostSchoolId", "没有这所学校: " + id));
        if (!id.equals(viewer.schoolId()) && !viewer.administers(school)) {
            throw new Forbidden("只能以本校的名义发起活动");
        }
        return id;
    }

    static LocalDate date(String field, @Nullable String text, @Nullable LocalDate fallback) {
        if (text == null || text.isBlank()) {
            if (fallback == null) {
                throw new InvalidInput(field, "请填写日期");
            }
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "日期格式应为 2026-03-18: " + text);
        }
    }

    private static String text(String field, @Nullable String value, int max, String label, boolean required) {
        String text = value == null ? "" : value.strip();
        if (required && text.isEmpty()) {
            throw new InvalidInput(field, "请填写" + label);
        }
        if (text.length() > max) {
            throw new InvalidInput(field, label + "不能超过 " + max + " 个字");
        }
        return text;
    }

    static <T> T term(
            String field,
            @Nullable String value,
            java.util.function.Function<String, java.util.Optional<T>> parse,
            String label) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "请选择" + label);
        }
        return parse.apply(value).orElseThrow(() -> new InvalidInput(field, "未知的" + label + ": " + value));
    }
}
