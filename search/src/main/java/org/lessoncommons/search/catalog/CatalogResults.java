package org.lessoncommons.search.catalog;

import java.util.List;

public record CatalogResults(long total, int page, int size, List<CatalogHit> hits, List<CatalogFacet> facets) {

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }
}
