package org.lessoncommons.search.catalog;

import java.util.List;

/**
 * The counts of one facet ({@code kind}, {@code school} or {@code availability}) under every other
 * selection but its own, so that a selected value can be widened again.
 */
public record CatalogFacet(String field, List<Count> counts) {

    public record Count(String value, long count, boolean selected) {}
}
