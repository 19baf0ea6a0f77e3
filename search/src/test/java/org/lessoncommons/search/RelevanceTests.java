package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guards search quality: fails when a change makes the production analysis rank the labelled
 * queries worse than measured (docs/relevance.md), less a small margin.
 */
class RelevanceTests {

    /** Measured with this corpus and the production choice, see docs/relevance.md. */
    private static final double MEASURED_NDCG_10 = 0.883;

    private static final double MEASURED_RECALL_20 = 0.828;
    private static final double MARGIN = 0.02;

    private static final RelevanceCorpus CORPUS = RelevanceCorpus.load();

    @Test
    void theTestSetIsLargeEnoughAndEveryQueryHasARelevantMaterial() {
        assertThat(CORPUS.queries()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(CORPUS.materials()).hasSizeGreaterThanOrEqualTo(80);
        assertThat(CORPUS.queries()).allMatch(query -> query.grades().containsValue(3));
    }

    @Test
    void productionAnalysisRanksAtLeastAsWellAsMeasured() {
        RelevanceEvaluation.Scores scores = RelevanceEvaluation.evaluate(CORPUS, RelevanceEvaluation.PRODUCTION);

        assertThat(scores.ndcg10()).isGreaterThanOrEqualTo(MEASURED_NDCG_10 - MARGIN);
        assertThat(scores.recall20()).isGreaterThanOrEqualTo(MEASURED_RECALL_20 - MARGIN);
    }

    @Test
    void metricsAreComputedAsDefined() {
        RelevanceCorpus.Judged query = new RelevanceCorpus.Judged("q", Map.of("a", 3, "b", 1));

        assertThat(RelevanceEvaluation.ndcg(List.of("a", "b"), query, 10)).isEqualTo(1.0);
        assertThat(RelevanceEvaluation.ndcg(List.of("x", "y"), query, 10)).isZero();
        assertThat(RelevanceEvaluation.ndcg(List.of("b", "a"), query, 10))
                .isCloseTo(
                        (1 + 7 / (Math.log(3) / Math.log(2))) / (7 + 1 / (Math.log(3) / Math.log(2))),
                        org.assertj.core.data.Offset.offset(1e-9));
        assertThat(RelevanceEvaluation.recall(List.of("x", "b"), query, 20)).isEqualTo(0.5);
    }
}
