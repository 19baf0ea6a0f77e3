package org.lessoncommons.search.catalog;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A catalog search. Every word of {@code text} must match the title, author, publisher or model (as
 * smartcn words or verbatim), or be an ISBN or barcode; a blank text browses.
 *
 * @param allianceId only this alliance's catalog; null for all (a system administrator)
 * @param availability {@link #AVAILABLE}, {@link #ON_LOAN}, or empty for both
 */
public record CatalogQuery(
        String text,
        @Nullable String allianceId,
        Set<String> kinds,
        Set<String> schools,
        Set<String> availability,
        int page,
        int size) {

    public static final String AVAILABLE = "AVAILABLE";
    public static final String ON_LOAN = "ON_LOAN";
    public static final int MAX_SIZE = 100;

    public CatalogQuery {
        text = text == null ? "" : text.strip();
        kinds = Set.copyOf(kinds);
        schools = Set.copyOf(schools);
        availability = Set.copyOf(availability);
        page = Math.max(0, page);
        size = Math.clamp(size, 1, MAX_SIZE);
    }
}
