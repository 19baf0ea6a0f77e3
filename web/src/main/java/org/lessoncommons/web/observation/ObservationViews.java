package org.lessoncommons.web.observation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.observation.Criterion;
import org.lessoncommons.storage.observation.CriterionAverage;
import org.lessoncommons.storage.observation.Moment;
import org.lessoncommons.storage.observation.Person;

/** What the observation API answers. */
final class ObservationViews {

    private ObservationViews() {}

    record Summary(
            UUID id,
            String kind,
            String kindLabel,
            String kindEnglishLabel,
            String topic,
            String subject,
            String subjectLabel,
            String grade,
            String gradeLabel,
            String chapter,
            LocalDate heldOn,
            String location,
            UUID hostSchoolId,
            String hostSchoolName,
            List<String> teachers,
            boolean upcoming) {}

    record Detail(
            Summary session,
            List<LessonView> lessons,
            List<Person> observers,
            List<FileView> sessionFiles,
            List<Criterion> rubric,
            boolean organiser,
            boolean participant,
            boolean observer) {}

    /**
     * One teacher's lesson with its files (only those the viewer may see), the first visible video,
     * the observers' evaluations, their averages per criterion and the pinned comments.
     */
    record LessonView(
            UUID id,
            Person teacher,
            int position,
            List<FileView> files,
            @Nullable FileView video,
            List<EvaluationView> evaluations,
            List<CriterionAverage> averages,
            List<Moment> moments) {}

    record FileView(
            UUID materialId,
            String kind,
            String kindLabel,
            String title,
            String fileName,
            String status,
            String url,
            String fileUrl) {}

    record EvaluationView(Person observer, String comment, Instant savedAt, List<Score> scores, int total) {}

    record Score(String criterion, int score, int maxScore) {}
}
