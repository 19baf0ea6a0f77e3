package org.lessoncommons.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lessoncommons.search.FacetField;
import org.lessoncommons.search.Filters;
import org.lessoncommons.search.SearchIndex;
import org.lessoncommons.search.SearchQuery;
import org.lessoncommons.search.SearchResults;
import org.lessoncommons.search.SortOrder;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Subject;
import org.lessoncommons.web.accounts.Viewers;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link SearchRequest} (codes or Chinese labels) into a search seen by the signed-in
 * viewer, with facet counts and the filters understood from its text, and its results into views.
 */
@Component
class Searches {

    static final int DEFAULT_PAGE_SIZE = 20;

    private static final Map<String, FacetField> FIELDS = Map.of(
            "subject", FacetField.SUBJECT,
            "grade", FacetField.GRADE,
            "type", FacetField.RESOURCE_TYPE,
            "school", FacetField.SCHOOL,
            "year", FacetField.YEAR,
            "semester", FacetField.SEMESTER,
            "edition", FacetField.EDITION);

    private final SearchIndex index;
    private final Viewers viewers;
    private final KnownSchools schools;

    Searches(SearchIndex index, Viewers viewers, KnownSchools schools) {
        this.index = index;
        this.viewers = viewers;
        this.schools = schools;
    }

    /** The request with every vocabulary value as its code, so links and filters agree. */
    SearchRequest normalise(SearchRequest r) {
        return r.with("subject", values -> codes("subject", values, Subject::parse, Subject::name))
                .with("grade", values -> codes("grade", values, Grade::parse, Grade::name))
                .with("type", values -> codes("type", values, ResourceType::parse, ResourceType::name))
                .with("school", values -> codes("school", values, Searches::schoolId, Function.identity()))
                .with("year", values -> codes("year", values, Searches::year, Function.identity()))
                .with("semester", values -> codes("semester", values, TextbookTerms::semesterCode, Function.identity()))
                .with("edition", values -> codes("edition", values, TextbookTerms::editionCode, Function.identity()))
                .atPage(r.page() == null ? 0 : r.page());
    }

    SearchResultsView search(SearchRequest raw) {
        SearchRequest r = normalise(raw);
        Filters filters = Filters.none();
        for (String name : SearchRequest.FACETS) {
            filters = filters.with(FIELDS.get(name), r.selected(name));
        }
        SearchQuery query = new SearchQuery(
                r.text(),
                filters,
                order(r.sort()),
                true,
                Set.copyOf(FIELDS.values()),
                r.page() == null ? 0 : r.page(),
                r.size() == null ? DEFAULT_PAGE_SIZE : r.size(),
                viewers.current().audience());
        SearchResults results = index.search(query);
        // Names only of schools the viewer knows of: an id typed by hand shows no other alliance's name.
        Map<String, String> schoolNames =
                schools.of(viewers.current()).stream().collect(Collectors.toMap(s -> s.id().toString(), School::name));
        return SearchResultsView.of(r, results, FIELDS, schoolNames);
    }

    static SortOrder order(@org.jspecify.annotations.Nullable String sort) {
        if (sort == null || sort.isBlank()) {
            return SortOrder.RELEVANCE;
        }
        return switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "relevance" -> SortOrder.RELEVANCE;
            case "newest" -> SortOrder.NEWEST;
            case "downloads", "most_downloaded" -> SortOrder.MOST_DOWNLOADED;
            default -> throw new InvalidField("sort", "排序方式只能是 relevance、newest 或 downloads: " + sort);
        };
    }

    private static <T> List<String> codes(
            String field,
            List<String> values,
            Function<String, java.util.Optional<T>> parse,
            Function<T, String> code) {
        return values.stream()
                .map(value -> parse.apply(value)
                        .map(code)
                        .orElseThrow(() -> new InvalidField(field, "Unknown " + field + ": " + value)))
                .distinct()
                .toList();
    }

    private static java.util.Optional<String> schoolId(String value) {
        try {
            return java.util.Optional.of(UUID.fromString(value).toString());
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static java.util.Optional<String> year(String value) {
        return value.matches("\\d{4}") ? java.util.Optional.of(value) : java.util.Optional.empty();
    }
}
