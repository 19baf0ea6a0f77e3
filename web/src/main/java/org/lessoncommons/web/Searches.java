package org.lessoncommons.web;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.search.SearchHit;
import org.lessoncommons.search.SearchIndex;
import org.lessoncommons.search.SearchQuery;
import org.lessoncommons.search.SearchResults;
import org.lessoncommons.search.SortOrder;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.Subject;
import org.lessoncommons.web.accounts.Viewers;
import org.springframework.stereotype.Component;

/**
 * Turns request parameters (codes or Chinese labels) into a search seen by the signed-in viewer, and
 * its hits into views.
 */
@Component
class Searches {

    static final int DEFAULT_PAGE_SIZE = 20;

    private final SearchIndex index;
    private final Viewers viewers;

    Searches(SearchIndex index, Viewers viewers) {
        this.index = index;
        this.viewers = viewers;
    }

    record Request(
            @Nullable String q,
            @Nullable String subject,
            @Nullable String grade,
            @Nullable String type,
            @Nullable String school,
            @Nullable String sort,
            @Nullable Integer page,
            @Nullable Integer size) {

        boolean isEmpty() {
            return blank(q) && blank(subject) && blank(grade) && blank(type) && blank(school);
        }
    }

    record HitView(
            String id,
            String title,
            String titleHtml,
            String snippetHtml,
            Term subject,
            Term grade,
            Term resourceType,
            MaterialView.SchoolRef school,
            String fileName,
            String contentType,
            java.time.Instant createdAt,
            String url) {

        static HitView of(SearchHit h) {
            return new HitView(
                    h.id(),
                    h.title(),
                    h.titleHtml(),
                    h.snippetHtml(),
                    Term.subject(h.subject()),
                    Term.grade(h.grade()),
                    Term.resourceType(h.resourceType()),
                    new MaterialView.SchoolRef(UUID.fromString(h.schoolId()), h.schoolName()),
                    h.fileName(),
                    h.contentType(),
                    h.createdAt(),
                    "/api/materials/" + h.id());
        }
    }

    record ResultsView(String query, long total, int page, int size, int totalPages, List<HitView> hits) {}

    ResultsView search(Request r) {
        SearchQuery query = new SearchQuery(
                        r.q() == null ? "" : r.q(),
                        code("subject", r.subject(), Subject::parse, Subject::name),
                        code("grade", r.grade(), Grade::parse, Grade::name),
                        code("type", r.type(), ResourceType::parse, ResourceType::name),
                        school(r.school()),
                        r.page() == null ? 0 : r.page(),
                        r.size() == null ? DEFAULT_PAGE_SIZE : r.size(),
                        viewers.current().audience())
                .sortedBy(order(r.sort()));
        SearchResults results = index.search(query);
        return new ResultsView(
                query.text(),
                results.totalHits(),
                results.page(),
                results.size(),
                results.totalPages(),
                results.hits().stream().map(HitView::of).toList());
    }

    private static <T> @Nullable String code(
            String field,
            @Nullable String value,
            Function<String, java.util.Optional<T>> parse,
            Function<T, String> name) {
        if (blank(value)) {
            return null;
        }
        return parse.apply(value)
                .map(name)
                .orElseThrow(() -> new InvalidField(field, "Unknown " + field + ": " + value));
    }

    /** {@code relevance} (the default), {@code newest} or {@code downloads}. */
    private static SortOrder order(@Nullable String value) {
        if (blank(value)) {
            return SortOrder.RELEVANCE;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "relevance" -> SortOrder.RELEVANCE;
            case "newest" -> SortOrder.NEWEST;
            case "downloads", "most_downloaded" -> SortOrder.MOST_DOWNLOADED;
            default -> throw new InvalidField("sort", "Unknown sort: " + value + " (relevance, newest or downloads)");
        };
    }

    private static @Nullable String school(@Nullable String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidField("school", "Not a school id: " + value);
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
