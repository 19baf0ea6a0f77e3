package org.lessoncommons.web.observation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.observation.Criterion;
import org.lessoncommons.storage.observation.Evaluation;
import org.lessoncommons.storage.observation.Evaluations;
import org.lessoncommons.storage.observation.FileKind;
import org.lessoncommons.storage.observation.Lesson;
import org.lessoncommons.storage.observation.Moments;
import org.lessoncommons.storage.observation.ObservationSession;
import org.lessoncommons.storage.observation.ObservationSessions;
import org.lessoncommons.storage.observation.RubricCriteria;
import org.lessoncommons.storage.observation.SessionFile;
import org.lessoncommons.web.VisibleMaterials;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.observation.ObservationViews.Detail;
import org.lessoncommons.web.observation.ObservationViews.EvaluationView;
import org.lessoncommons.web.observation.ObservationViews.FileView;
import org.lessoncommons.web.observation.ObservationViews.LessonView;
import org.lessoncommons.web.observation.ObservationViews.Score;
import org.lessoncommons.web.observation.ObservationViews.Summary;
import org.springframework.stereotype.Component;

/** Builds what a viewer sees of a session: files are shown only where their sharing allows. */
@Component
class SessionViews {

    static final ZoneId SCHOOL_TIME = ZoneId.of("Asia/Shanghai");

    private final ObservationSessions sessions;
    private final Evaluations evaluations;
    private final Moments moments;
    private final RubricCriteria rubric;
    private final VisibleMaterials visible;
    private final Schools schools;
    private final SessionAccess access;

    SessionViews(
            ObservationSessions sessions,
            Evaluations evaluations,
            Moments moments,
            RubricCriteria rubric,
            VisibleMaterials visible,
            Schools schools,
            SessionAccess access) {
        this.sessions = sessions;
        this.evaluations = evaluations;
        this.moments = moments;
        this.rubric = rubric;
        this.visible = visible;
        this.schools = schools;
        this.access = access;
    }

    Summary summary(ObservationSession s) {
        return new Summary(
                s.id(),
                s.kind().name(),
                s.kind().label(),
                s.kind().englishLabel(),
                s.topic(),
                s.subject().name(),
                s.subject().label(),
                s.grade().name(),
                s.grade().label(),
                s.chapter(),
                s.heldOn(),
                s.location(),
                s.hostSchoolId(),
                schools.findById(s.hostSchoolId()).map(School::name).orElse(""),
                sessions.lessons(s.id()).stream()
                        .map(l -> l.teacher().displayName())
                        .toList(),
                !s.heldOn().isBefore(LocalDate.now(SCHOOL_TIME)));
    }

    Detail detail(ObservationSession s, Viewer viewer) {
        List<SessionFile> files = sessions.files(s.id());
        Map<UUID, Material> seen =
                visible.of(files.stream().map(SessionFile::materialId).toList(), viewer);
        List<Criterion> criteria = rubric.of(s.allianceId());
        List<Evaluation> all = evaluations.ofSession(s.id());
        var averages = evaluations.perLesson(s.id());
        var pinned = moments.ofSession(s.id()).stream()
                .filter(m -> seen.containsKey(m.videoId()))
                .toList();
        List<LessonView> lessons = sessions.lessons(s.id()).stream()
                .map(l -> lesson(l, files, seen, all, criteria, averages, pinned))
                .toList();
        return new Detail(
                summary(s),
                lessons,
                sessions.observers(s.id()),
                files.stream()
                        .filter(f -> f.lessonId() == null)
                        .map(f -> file(f, seen.get(f.materialId())))
                        .filter(Objects::nonNull)
                        .toList(),
                criteria,
                access.organises(s, viewer),
                access.organises(s, viewer) || access.teaches(s, viewer) || access.observes(s, viewer),
                access.observes(s, viewer));
    }

    private LessonView lesson(
            Lesson l,
            List<SessionFile> files,
            Map<UUID, Material> seen,
            List<Evaluation> all,
            List<Criterion> criteria,
            List<org.lessoncommons.storage.observation.CriterionAverage> averages,
            List<org.lessoncommons.storage.observation.Moment> pinned) {
        List<FileView> own = files.stream()
                .filter(f -> l.id().equals(f.lessonId()))
                .map(f -> file(f, seen.get(f.materialId())))
                .filter(Objects::nonNull)
                .toList();
        return new LessonView(
                l.id(),
                l.teacher(),
                l.position(),
                own,
                own.stream()
                        .filter(f -> f.kind().equals(FileKind.VIDEO.name()))
                        .findFirst()
                        .orElse(null),
                all.stream()
                        .filter(e -> e.lessonId().equals(l.id()))
                        .map(e -> evaluation(e, criteria))
                        .toList(),
                averages.stream().filter(a -> a.ofId().equals(l.id())).toList(),
                pinned.stream().filter(m -> m.lessonId().equals(l.id())).toList());
    }

    private static EvaluationView evaluation(Evaluation e, List<Criterion> criteria) {
        List<Score> scores = criteria.stream()
                .filter(c -> e.scores().containsKey(c.id()))
                .map(c -> new Score(c.name(), e.scores().get(c.id()), c.maxScore()))
                .toList();
        return new EvaluationView(
                e.observer(),
                e.comment(),
                e.savedAt(),
                scores,
                scores.stream().mapToInt(Score::score).sum());
    }

    private static @Nullable FileView file(SessionFile f, @Nullable Material m) {
        if (m == null) {
            return null;
        }
        return new FileView(
                m.id(),
                f.kind().name(),
                f.kind().label(),
                m.title(),
                m.fileName(),
                m.status().name(),
                "/materials/" + m.id(),
                "/api/materials/" + m.id() + "/file");
    }
}
