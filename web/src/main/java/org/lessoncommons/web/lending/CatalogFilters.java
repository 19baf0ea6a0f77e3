package org.lessoncommons.web.lending;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.search.catalog.CatalogQuery;

/** Facet selections of a catalog search from the query string, checked. */
final class CatalogFilters {

    private CatalogFilters() {}

    static Set<String> kinds(@Nullable List<String> values) {
        return values(values).stream()
                .map(value -> switch (value.toUpperCase(Locale.ROOT)) {
                    case "BOOK", "图书" -> "BOOK";
                    case "EQUIPMENT", "器材" -> "EQUIPMENT";
                    default -> throw new InvalidLendingField("kind", "类型应为 BOOK（图书）或 EQUIPMENT（器材）");
                })
                .collect(Collectors.toSet());
    }

    static Set<String> availability(@Nullable List<String> values) {
        return values(values).stream()
                .map(value -> switch (value.toUpperCase(Locale.ROOT)) {
                    case "AVAILABLE" -> CatalogQuery.AVAILABLE;
                    case "ON_LOAN" -> CatalogQuery.ON_LOAN;
                    default -> throw new InvalidLendingField("availability", "可借状态应为 AVAILABLE 或 ON_LOAN");
                })
                .collect(Collectors.toSet());
    }

    static Set<String> schools(@Nullable List<String> values) {
        return values(values).stream()
                .map(value -> {
                    try {
                        return UUID.fromString(value).toString();
                    } catch (IllegalArgumentException e) {
                        throw new InvalidLendingField("school", "学校应以 id 指定");
                    }
                })
                .collect(Collectors.toSet());
    }

    /** The query of a catalog search by a viewer of that alliance (null: every alliance). */
    static CatalogQuery query(
            String q,
            @Nullable UUID alliance,
            @Nullable List<String> kinds,
            @Nullable List<String> schools,
            @Nullable List<String> availability,
            int page,
            int size) {
        return new CatalogQuery(
                q,
                alliance == null ? null : alliance.toString(),
                kinds(kinds),
                schools(schools),
                availability(availability),
                page,
                size);
    }

    private static List<String> values(@Nullable List<String> values) {
        return values == null
                ? List.of()
                : values.stream().filter(v -> !v.isBlank()).toList();
    }
}
