package org.lessoncommons.search;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A teacher's query: free text (may be blank to browse) plus optional exact filters, seen by an
 * {@link Audience} (only what it may see is found). Pages count from 0.
 */
public record SearchQuery(
        String text,
        @Nullable String subject,
        @Nullable String grade,
        @Nullable String resourceType,
        @Nullable String schoolId,
        int page,
        int size,
        Audience audience) {

    public static final int MAX_PAGE_SIZE = 100;

    public SearchQuery {
        Objects.requireNonNull(audience, "audience");
        text = text == null ? "" : text.strip();
        if (page < 0) {
            throw new InvalidQuery("page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidQuery("size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    /** For this module's tests: a query that sees everything. */
    SearchQuery(
            String text,
            @Nullable String subject,
            @Nullable String grade,
            @Nullable String resourceType,
            @Nullable String schoolId,
            int page,
            int size) {
        this(text, subject, grade, resourceType, schoolId, page, size, Audience.everything());
    }

    static SearchQuery of(String text) {
        return of(text, Audience.everything());
    }

    public static SearchQuery of(String text, Audience audience) {
        return new SearchQuery(text, null, null, null, null, 0, 20, audience);
    }
}
