package org.lessoncommons.web.observation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.Media;
import org.lessoncommons.ingest.MediaInfo;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.observation.Criterion;
import org.lessoncommons.storage.observation.CriterionAverage;
import org.lessoncommons.storage.observation.Evaluations;
import org.lessoncommons.storage.observation.FileKind;
import org.lessoncommons.storage.observation.Lesson;
import org.lessoncommons.storage.observation.Moments;
import org.lessoncommons.storage.observation.ObservationSession;
import org.lessoncommons.storage.observation.ObservationSessions;
import org.lessoncommons.storage.observation.RubricCriteria;
import org.lessoncommons.storage.observation.SchoolSessionCount;
import org.lessoncommons.storage.observation.SessionCounts;
import org.lessoncommons.web.VisibleMaterials;
import org.lessoncommons.web.accounts.Forbidden;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.accounts.Viewers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 评课: the alliance's rubric, observers' evaluations and pinned video comments, and the aggregates. */
@RestController
@RequestMapping("/api/observation")
class EvaluationApi {

    private static final int MAX_CRITERIA = 20;

    private final RubricCriteria rubric;
    private final Evaluations evaluations;
    private final Moments moments;
    private final ObservationSessions sessions;
    private final SessionCounts counts;
    private final SessionAccess access;
    private final VisibleMaterials visible;
    private final SessionViews views;
    private final Media media;
    private final Viewers viewers;

    EvaluationApi(
            RubricCriteria rubric,
            Evaluations evaluations,
            Moments moments,
            ObservationSessions sessions,
            SessionCounts counts,
            SessionAccess access,
            VisibleMaterials visible,
            SessionViews views,
            Media media,
            Viewers viewers) {
        this.rubric = rubric;
        this.evaluations = evaluations;
        this.moments = moments;
        this.sessions = sessions;
        this.counts = counts;
        this.access = access;
        this.visible = visible;
        this.views = views;
        this.media = media;
        this.viewers = viewers;
    }

    record Rubric(@Nullable List<RubricCriteria.Line> criteria) {}

    /** @param scores a score for every criterion of the rubric, by criterion id */
    record NewEvaluation(
            @Nullable Map<UUID, Integer> scores, @Nullable String comment) {}

    record NewMoment(
            @Nullable UUID videoId,
            @Nullable Integer seconds,
            @Nullable String body) {}

    /** The averages the viewer may see, and who they are of. */
    record Aggregates(
            LocalDate from, LocalDate to, List<CriterionAverage> perTeacher, List<CriterionAverage> perSchool) {}

    @GetMapping("/rubric")
    List<Criterion> rubric() {
        return rubric.of(viewers.current().allianceId());
    }

    /** Alliance administrators set the rubric; criteria dropped keep their old scores. */
    @PutMapping("/rubric")
    List<Criterion> defineRubric(@RequestBody Rubric form) {
        Viewer viewer = viewers.current();
        if (viewer.role() != Role.ALLIANCE_ADMIN && viewer.role() != Role.SYSTEM_ADMIN) {
            throw new Forbidden("只有联盟管理员可以设置评课量表");
        }
        List<RubricCriteria.Line> lines = form.criteria() == null ? List.of() : form.criteria();
        if (lines.isEmpty() || lines.size() > MAX_CRITERIA) {
            throw new InvalidInput("criteria", "评课量表需要 1 到 " + MAX_CRITERIA + " 项指标");
        }
        List<RubricCriteria.Line> cleaned = lines.stream()
                .map(l -> {
                    String name = l.name() == null ? "" : l.name().strip();
                    if (name.isEmpty() || name.length() > 100) {
                        throw new InvalidInput("criteria", "指标名称应为 1 到 100 个字");
                    }
                    if (l.maxScore() < 1 || l.maxScore() > 100) {
                        throw new InvalidInput("criteria", "指标满分应在 1 到 100 之间: " + name);
                    }
                    return new RubricCriteria.Line(name, l.maxScore());
                })
                .toList();
        if (cleaned.stream().map(RubricCriteria.Line::name).distinct().count() != cleaned.size()) {
            throw new InvalidInput("criteria", "指标名称不能重复");
        }
        return rubric.define(viewer.allianceId(), cleaned);
    }

    /** The observer's evaluation of a lesson; saving again replaces it. */
    @PostMapping("/lessons/{lessonId}/evaluations")
    ResponseEntity<ObservationViews.Detail> evaluate(@PathVariable UUID lessonId, @RequestBody NewEvaluation form) {
        Viewer viewer = viewers.current();
        Lesson lesson = access.asEvaluator(lessonId, viewer);
        ObservationSession session = access.visible(lesson.sessionId(), viewer);
        Map<UUID, Integer> given = form.scores() == null ? Map.of() : form.scores();
        Map<UUID, Integer> scores = new HashMap<>();
        for (Criterion c : rubric.of(session.allianceId())) {
            Integer score = given.get(c.id());
            if (score == null || score < 0 || score > c.maxScore()) {
                throw new InvalidInput("scores", "请为“" + c.name() + "”打 0 到 " + c.maxScore() + " 分");
            }
            scores.put(c.id(), score);
        }
        if (given.keySet().stream().anyMatch(id -> !scores.containsKey(id))) {
            throw new InvalidInput("scores", "评分中有不属于本联盟评课量表的指标");
        }
        String comment = form.comment() == null ? "" : form.comment().strip();
        if (comment.length() > 5000) {
            throw new InvalidInput("comment", "评语不能超过 5000 个字");
        }
        evaluations.save(lessonId, viewer.accountId(), comment, scores);
        return ResponseEntity.status(201).body(views.detail(session, viewer));
    }

    /** A comment pinned to a moment of one of the lesson's videos, by a participant of the session. */
    @PostMapping("/lessons/{lessonId}/moments")
    ResponseEntity<ObservationViews.Detail> pin(@PathVariable UUID lessonId, @RequestBody NewMoment form) {
        Viewer viewer = viewers.current();
        Lesson lesson = access.lesson(lessonId, viewer);
        ObservationSession session = access.asParticipant(lesson.sessionId(), viewer);
        boolean ofLesson = form.videoId() != null
                && sessions.files(session.id()).stream()
                        .anyMatch(f -> f.materialId().equals(form.videoId())
                                && lessonId.equals(f.lessonId())
                                && f.kind() == FileKind.VIDEO);
        Material video = ofLesson ? visible.find(form.videoId(), viewer).orElse(null) : null;
        if (video == null) {
            throw new InvalidInput("videoId", "请选择这节课的课堂视频");
        }
        // The length is known once the video is probed; until then only a day's worth is checked.
        double length = media.of(video.sha256()).map(MediaInfo::durationSeconds).orElse(24.0 * 3600);
        if (form.seconds() == null || form.seconds() < 0 || form.seconds() > Math.ceil(length)) {
            throw new InvalidInput("seconds", "请给出视频中的时间（秒），不超过视频长度");
        }
        String body = form.body() == null ? "" : form.body().strip();
        if (body.isEmpty() || body.length() > 2000) {
            throw new InvalidInput("body", "评论应为 1 到 2000 个字");
        }
        moments.add(lessonId, form.videoId(), viewer.accountId(), form.seconds(), body);
        return ResponseEntity.status(201).body(views.detail(session, viewer));
    }

    /**
     * Average score per criterion per teacher and per school: the alliance's administrators see
     * every school, a school's administrators their own school, a teacher only their own lessons.
     */
    @GetMapping("/aggregates")
    Aggregates aggregates(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        Viewer viewer = viewers.current();
        LocalDate start = SessionInput.date("from", from, LocalDate.of(2000, 1, 1));
        LocalDate end = SessionInput.date("to", to, LocalDate.of(2100, 1, 1));
        UUID alliance = viewer.allianceId();
        return switch (viewer.role()) {
            case ALLIANCE_ADMIN, SYSTEM_ADMIN ->
                new Aggregates(
                        start,
                        end,
                        evaluations.perTeacher(alliance, null, null, start, end),
                        evaluations.perSchool(alliance, null, start, end));
            case SCHOOL_ADMIN ->
                new Aggregates(
                        start,
                        end,
                        evaluations.perTeacher(alliance, viewer.schoolId(), null, start, end),
                        evaluations.perSchool(alliance, viewer.schoolId(), start, end));
            case TEACHER ->
                new Aggregates(
                        start, end, evaluations.perTeacher(alliance, null, viewer.accountId(), start, end), List.of());
        };
    }

    /** Sessions hosted and attended per school of the viewer's alliance. */
    @GetMapping("/counts")
    List<SchoolSessionCount> counts(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        LocalDate today = LocalDate.now(SessionViews.SCHOOL_TIME);
        return counts.between(
                viewers.current().allianceId(),
                SessionInput.date("from", from, today.minusMonths(6)),
                SessionInput.date("to", to, today.plusDays(1)));
    }
}
