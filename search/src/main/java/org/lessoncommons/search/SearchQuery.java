package org.lessoncommons.search;

import org.jspecify.annotations.Nullable;

/**
 * A teacher's query: free text (may be blank to browse) plus optional exact filters. Pages count
 * from 0.
 */
public record SearchQuery(
        String text,
        @Nullable String subject,
        @Nullable String grade,
        @Nullable String resourceType,
        @Nullable String schoolId,
        int page,
        int size) {

    public static final int MAX_PAGE_SIZE = 100;

    public SearchQuery {
        text = text == null ? "" : text.strip();
        if (page < 0) {
            throw new InvalidQuery("page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidQuery("size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, null, null, null, 0, 20);
    }
}
