package org.lessoncommons.search;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Selected filter values: a material must have one of the selected codes of every field (OR within
 * a field, AND across fields). Blank codes are ignored.
 */
public record Filters(Map<FacetField, Set<String>> selected) {

    private static final Filters NONE = new Filters(Map.of());

    public Filters {
        Map<FacetField, Set<String>> copy = new EnumMap<>(FacetField.class);
        selected.forEach((field, codes) -> {
            Set<String> kept = new LinkedHashSet<>();
            codes.stream()
                    .filter(code -> code != null && !code.isBlank())
                    .map(String::strip)
                    .forEach(kept::add);
            if (!kept.isEmpty()) {
                copy.put(field, Set.copyOf(kept));
            }
        });
        selected = copy.isEmpty() ? Map.of() : Collections.unmodifiableMap(copy);
    }

    public static Filters none() {
        return NONE;
    }

    /** These filters plus {@code codes} selected in {@code field}. */
    public Filters with(FacetField field, String... codes) {
        return with(field, List.of(codes));
    }

    public Filters with(FacetField field, Collection<String> codes) {
        Map<FacetField, Set<String>> copy = new EnumMap<>(FacetField.class);
        copy.putAll(selected);
        Set<String> values = new LinkedHashSet<>(of(field));
        codes.stream().filter(code -> code != null).forEach(values::add);
        copy.put(field, values);
        return new Filters(copy);
    }

    /** These filters without any selection in {@code field}. */
    public Filters without(FacetField field) {
        Map<FacetField, Set<String>> copy = new EnumMap<>(FacetField.class);
        copy.putAll(selected);
        copy.remove(field);
        return new Filters(copy);
    }

    public Set<String> of(FacetField field) {
        return selected.getOrDefault(field, Set.of());
    }

    public boolean isEmpty() {
        return selected.isEmpty();
    }
}
