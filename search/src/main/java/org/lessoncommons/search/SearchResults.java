package org.lessoncommons.search;

import java.util.List;

/** One page of results and the total number of matches. */
public record SearchResults(long totalHits, List<SearchHit> hits, int page, int size) {

    public int totalPages() {
        return (int) Math.ceil((double) totalHits / size);
    }
}
