package org.lessoncommons.storage.observation;

import java.util.UUID;

/**
 * The average score of one criterion for whoever was evaluated (a teacher, a school or a lesson).
 *
 * @param ofId the teacher's account id, the school id or the lesson id
 * @param evaluations how many scores the average is of
 */
public record CriterionAverage(
        UUID ofId, String ofName, UUID criterionId, String criterion, int maxScore, double average, int evaluations) {}
