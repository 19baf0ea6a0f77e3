package org.lessoncommons.web.observation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lessoncommons.ingest.Ingestion;
import org.lessoncommons.ingest.Upload;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.storage.Sharing;
import org.lessoncommons.storage.Subject;
import org.lessoncommons.storage.observation.Criterion;
import org.lessoncommons.storage.observation.Evaluations;
import org.lessoncommons.storage.observation.FileKind;
import org.lessoncommons.storage.observation.Lesson;
import org.lessoncommons.storage.observation.ObservationSession;
import org.lessoncommons.storage.observation.ObservationSessions;
import org.lessoncommons.storage.observation.RubricCriteria;
import org.lessoncommons.storage.observation.SessionKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data for 听课评课 in the demo alliance: a 同课异构 of 分数的初步认识 two weeks ago (two lessons,
 * their plans, an evaluation record and four evaluations) and a 研讨课 in two weeks. Runs once.
 */
@Component
@Order(21)
@ConditionalOnBooleanProperty("lessoncommons.seed.enabled")
class ObservationSeed implements ApplicationRunner {

    static final String ALLIANCE = "城南教育联盟";
    static final String TOPIC = "分数的初步认识";

    private static final Logger log = LoggerFactory.getLogger(ObservationSeed.class);

    private final Alliances alliances;
    private final Accounts accounts;
    private final Materials materials;
    private final ObservationSessions sessions;
    private final RubricCriteria rubric;
    private final Evaluations evaluations;
    private final Ingestion ingestion;

    ObservationSeed(
            Alliances alliances,
            Accounts accounts,
            Materials materials,
            ObservationSessions sessions,
            RubricCriteria rubric,
            Evaluations evaluations,
            Ingestion ingestion) {
        this.alliances = alliances;
        this.accounts = accounts;
        this.materials = materials;
        this.sessions = sessions;
        this.rubric = rubric;
        this.evaluations = evaluations;
        this.ingestion = ingestion;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<Alliance> alliance = alliances.findByName(ALLIANCE);
        List<Optional<Account>> found = List.of("teacher1", "teacher2", "teacher3", "teacher4").stream()
                .map(accounts::findByUsername)
                .toList();
        if (alliance.isEmpty() || found.stream().anyMatch(Optional::isEmpty)) {
            return;
        }
        UUID allianceId = alliance.get().id();
        LocalDate today = LocalDate.now(SessionViews.SCHOOL_TIME);
        if (!sessions.list(allianceId, null, LocalDate.of(2000, 1, 1), today.plusYears(5))
                .isEmpty()) {
            return;
        }
        List<Account> t = found.stream().map(Optional::orElseThrow).toList();
        ObservationSession past = sessions.create(
                ObservationSession.of(
                        allianceId,
                        t.get(1).schoolId(),
                        SessionKind.SAME_TOPIC,
                        TOPIC,
                        Subject.MATH,
                        Grade.GRADE_3,
                        "三年级上册 第八单元",
                        today.minusDays(14),
                        "城南第二小学 录播教室",
                        t.get(1).id()),
                List.of(t.get(1).id(), t.get(0).id()),
                List.of(t.get(2).id(), t.get(3).id()));
        List<Lesson> lessons = sessions.lessons(past.id());
        materials.findBySchoolIdOrderByCreatedAtDesc(t.get(1).schoolId()).stream()
                .filter(m -> m.title().startsWith(TOPIC))
                .findFirst()
                .ifPresent(plan -> sessions.addFile(
                        past.id(),
                        plan.id(),
                        lessons.get(0).id(),
                        FileKind.PLAN,
                        t.get(1).id()));
        Material record = ingestion.accept(new Upload(
                "分数的初步认识-同课异构评课记录.txt",
                new ByteArrayInputStream(RECORD.getBytes(StandardCharsets.UTF_8)),
                t.get(2).schoolId(),
                t.get(2).id(),
                TOPIC + " · 评课记录 · 城南中学听课组",
                SessionUploads.describe(past, null),
                Subject.MATH,
                Grade.GRADE_3,
                FileKind.EVALUATION_RECORD.resourceType(),
                null,
                Sharing.ALLIANCE));
        sessions.addFile(
                past.id(),
                record.id(),
                null,
                FileKind.EVALUATION_RECORD,
                t.get(2).id());
        List<Criterion> criteria = rubric.of(allianceId);
        evaluate(lessons.get(0), t.get(2), criteria, new int[] {18, 17, 16, 15, 17}, "情境导入自然，折纸活动充分。");
        evaluate(lessons.get(0), t.get(3), criteria, new int[] {17, 18, 17, 16, 18}, "板书清晰，比较大小环节可再放慢。");
        evaluate(lessons.get(1), t.get(2), criteria, new int[] {16, 16, 18, 18, 16}, "学生活动多，小组合作有效。");
        evaluate(lessons.get(1), t.get(3), criteria, new int[] {17, 15, 17, 19, 16}, "分层练习设计好，时间略紧。");
        sessions.create(
                ObservationSession.of(
                        allianceId,
                        t.get(2).schoolId(),
                        SessionKind.SEMINAR,
                        "浮力",
                        Subject.PHYSICS,
                        Grade.GRADE_8,
                        "八年级下册 第十章",
                        today.plusDays(14),
                        "城南中学 物理实验室",
                        t.get(2).id()),
                List.of(t.get(2).id()),
                List.of(t.get(3).id()));
        log.info("Seeded a past 同课异构 session on {} and an upcoming 研讨课", TOPIC);
    }

    private void evaluate(Lesson lesson, Account observer, List<Criterion> criteria, int[] points, String comment) {
        Map<UUID, Integer> scores = new HashMap<>();
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            scores.put(c.id(), Math.min(c.maxScore(), points[i % points.length]));
        }
        evaluations.save(lesson.id(), observer.id(), comment, scores);
    }

    private static final String RECORD = """
            分数的初步认识 同课异构 评课记录（城南中学听课组）
            第一节（城南第二小学）：以分月饼导入，学生在折纸中理解平均分，教学目标达成度高。
            第二节（城南实验小学）：小组合作涂色，分层练习照顾差异，课堂节奏稍快。
            共同建议：比较几分之一大小时多用直观图，留出学生表达的时间。
            """;
}
