package org.lessoncommons.search;

import java.util.List;

/**
 * One page of results and the total number of matches.
 *
 * @param totalExact false when {@code totalHits} is an estimate: beyond about ten thousand matches
 *     they are estimated from a sample (see the facets' own {@link Facet#exact()})
 * @param facets the counts asked for by {@link SearchQuery#facets()}
 * @param chips the filters understood from the text (when {@link SearchQuery#understand()})
 * @param scoredText the text that was searched once the chips' words were removed
 */
public record SearchResults(
        long totalHits,
        boolean totalExact,
        List<SearchHit> hits,
        int page,
        int size,
        Facets facets,
        List<Chip> chips,
        String scoredText) {

    public SearchResults {
        hits = List.copyOf(hits);
        chips = List.copyOf(chips);
    }

    /** The pages that can be shown: no further than {@link SearchIndex#MAX_RESULT_WINDOW}. */
    public int totalPages() {
        return (int) Math.ceil((double) Math.min(totalHits, SearchIndex.MAX_RESULT_WINDOW) / size);
    }
}
