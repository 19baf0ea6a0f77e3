package org.lessoncommons.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values of one field among the matches, most frequent first (then by code).
 *
 * @param exact false when the counts are estimated (a search with very many matches)
 */
public record Facet(FacetField field, List<FacetCount> values, boolean exact) {

    /** A group of values (the grades of one 学段), with the sum of their counts. */
    public record Group(String label, long count, List<FacetCount> values) {}

    public Facet {
        values = List.copyOf(values);
    }

    /** The values grouped by {@link FacetCount#group()}, groups in order of first appearance. */
    public List<Group> groups() {
        Map<String, List<FacetCount>> grouped = new LinkedHashMap<>();
        for (FacetCount value : values) {
            grouped.computeIfAbsent(Objects.requireNonNullElse(value.group(), ""), g -> new ArrayList<>())
                    .add(value);
        }
        List<Group> groups = new ArrayList<>();
        grouped.forEach((label, counts) -> groups.add(
                new Group(label, counts.stream().mapToLong(FacetCount::count).sum(), List.copyOf(counts))));
        return groups;
    }
}
