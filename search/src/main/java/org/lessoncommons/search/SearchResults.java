package org.lessoncommons.search;

import java.util.List;

/**
 * One page of results and the total number of matches.
 *
 * @param facets the counts asked for by {@link SearchQuery#facets()}
 * @param chips the filters understood from the text (when {@link SearchQuery#understand()})
 * @param scoredText the text that was searched once the chips' words were removed
 */
public record SearchResults(
        long totalHits, List<SearchHit> hits, int page, int size, Facets facets, List<Chip> chips, String scoredText) {

    public SearchResults {
        hits = List.copyOf(hits);
        chips = List.copyOf(chips);
    }

    public int totalPages() {
        return (int) Math.ceil((double) totalHits / size);
    }
}
