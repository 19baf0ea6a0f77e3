package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How an estimated number of matches is put to a teacher: no false precision. */
class SearchResultsViewTests {

    @Test
    void roundsAnEstimateToTwoSignificantFigures() {
        assertThat(SearchResultsView.round(210_815)).isEqualTo(210_000);
        assertThat(SearchResultsView.round(36_835)).isEqualTo(37_000);
        assertThat(SearchResultsView.round(1_249)).isEqualTo(1_200);
        assertThat(SearchResultsView.round(87)).isEqualTo(87);
    }

    @Test
    void saysLargeEstimatesInWan() {
        assertThat(estimated(210_815).totalInWan()).isEqualTo("21");
        assertThat(estimated(36_835).totalInWan()).isEqualTo("3.7");
        assertThat(estimated(10_400).totalInWan()).isEqualTo("1");
        assertThat(estimated(36_835).roundedTotal()).isEqualTo(37_000);
    }

    private static SearchResultsView estimated(long total) {
        return new SearchResultsView("教学反思", "教学反思", total, false, 0, 20, 500, List.of(), List.of(), List.of());
    }
}
