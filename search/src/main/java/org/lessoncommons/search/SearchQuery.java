package org.lessoncommons.search;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A teacher's query: free text (may be blank to browse) plus filters, seen by an {@link Audience}
 * (only what it may see is found, counted or suggested). Pages count from 0.
 *
 * @param understand whether grade, subject, semester, edition and type words in the text (三年级 上册
 *     语文 教案) become filters, returned as {@link Chip}s and removed from the scored text; words in
 *     quotes ("教案") are always searched as text
 * @param facets the fields to count values of, under all other selected filters
 */
public record SearchQuery(
        String text,
        Filters filters,
        SortOrder order,
        boolean understand,
        Set<FacetField> facets,
        int page,
        int size,
        Audience audience) {

    public static final int MAX_PAGE_SIZE = 100;

    public SearchQuery {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(order, "order");
        text = text == null ? "" : text.strip();
        facets = facets.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(facets));
        if (page < 0) {
            throw new InvalidQuery("page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidQuery("size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    /** A query with at most one code per filter, by relevance, taking the text literally. */
    public SearchQuery(
            String text,
            @Nullable String subject,
            @Nullable String grade,
            @Nullable String resourceType,
            @Nullable String schoolId,
            int page,
            int size,
            Audience audience) {
        this(
                text,
                single(FacetField.SUBJECT, subject)
                        .with(FacetField.GRADE, nonNull(grade))
                        .with(FacetField.RESOURCE_TYPE, nonNull(resourceType))
                        .with(FacetField.SCHOOL, nonNull(schoolId)),
                SortOrder.RELEVANCE,
                false,
                Set.of(),
                page,
                size,
                audience);
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

    /** The first 20 results for the text, by relevance, taken literally, without facets. */
    public static SearchQuery of(String text, Audience audience) {
        return new SearchQuery(text, Filters.none(), SortOrder.RELEVANCE, false, Set.of(), 0, 20, audience);
    }

    public SearchQuery with(Filters filters) {
        return new SearchQuery(text, filters, order, understand, facets, page, size, audience);
    }

    public SearchQuery sortedBy(SortOrder order) {
        return new SearchQuery(text, filters, order, understand, facets, page, size, audience);
    }

    /** The same query, with filter words in the text understood as filters. */
    public SearchQuery understood() {
        return new SearchQuery(text, filters, order, true, facets, page, size, audience);
    }

    /** The same query, counting values of these fields. */
    public SearchQuery counting(Set<FacetField> facets) {
        return new SearchQuery(text, filters, order, understand, facets, page, size, audience);
    }

    public SearchQuery page(int page, int size) {
        return new SearchQuery(text, filters, order, understand, facets, page, size, audience);
    }

    private static Filters single(FacetField field, @Nullable String code) {
        return Filters.none().with(field, nonNull(code));
    }

    private static String[] nonNull(@Nullable String code) {
        return code == null ? new String[0] : new String[] {code};
    }
}
