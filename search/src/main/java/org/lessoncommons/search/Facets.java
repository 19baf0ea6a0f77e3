package org.lessoncommons.search;

import java.util.List;
import java.util.Optional;

/** The counted facets of a search, in the order of {@link FacetField}. */
public record Facets(List<Facet> facets) {

    private static final Facets NONE = new Facets(List.of());

    public Facets {
        facets = List.copyOf(facets);
    }

    public static Facets none() {
        return NONE;
    }

    public Optional<Facet> of(FacetField field) {
        return facets.stream().filter(facet -> facet.field() == field).findFirst();
    }
}
