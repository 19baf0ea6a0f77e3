package org.lessoncommons.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a teacher asked for, as request parameters: free text, the selected values of each facet
 * (several per facet, repeated parameters), sort and page. The page's links (toggle a facet value,
 * remove a chip, sort, go to a page) are derived from it, so they always keep the rest of the search.
 *
 * @param subject codes or Chinese labels; likewise {@code grade} and {@code type}
 * @param school school ids
 * @param year the years materials were added ({@code 2026})
 * @param semester {@code FIRST_TERM} (上册) or {@code SECOND_TERM} (下册)
 * @param edition textbook edition codes ({@code PEP} for 人教版)
 * @param sort {@code relevance} (the default), {@code newest} or {@code downloads}
 * @param page counted from 0
 */
record SearchRequest(
        @Nullable String q,
        List<String> subject,
        List<String> grade,
        List<String> type,
        List<String> school,
        List<String> year,
        List<String> semester,
        List<String> edition,
        @Nullable String sort,
        @Nullable Integer page,
        @Nullable Integer size) {

    /** The request parameters that select facet values, in the order the sidebar shows them. */
    static final List<String> FACETS = List.of("subject", "grade", "type", "semester", "edition", "school", "year");

    SearchRequest {
        subject = clean(subject);
        grade = clean(grade);
        type = clean(type);
        school = clean(school);
        year = clean(year);
        semester = clean(semester);
        edition = clean(edition);
    }

    static SearchRequest empty() {
        return new SearchRequest(null, null, null, null, null, null, null, null, null, null, null);
    }

    public boolean isEmpty() {
        return text().isEmpty()
                && FACETS.stream().allMatch(name -> selected(name).isEmpty());
    }

    public String text() {
        return q == null ? "" : q.strip();
    }

    public List<String> selected(String facet) {
        return switch (facet) {
            case "subject" -> subject;
            case "grade" -> grade;
            case "type" -> type;
            case "school" -> school;
            case "year" -> year;
            case "semester" -> semester;
            case "edition" -> edition;
            default -> throw new IllegalArgumentException("No facet " + facet);
        };
    }

    /** Selects the value, or unselects it when it is selected; back to the first page. */
    public SearchRequest toggle(String facet, String code) {
        return with(facet, codes -> {
            List<String> changed = new ArrayList<>(codes);
            if (!changed.remove(code)) {
                changed.add(code);
            }
            return changed;
        });
    }

    /** The same search with these codes (already normalised) in place of what was asked. */
    SearchRequest with(String facet, UnaryOperator<List<String>> change) {
        Map<String, List<String>> selection = new java.util.HashMap<>();
        FACETS.forEach(name -> selection.put(name, selected(name)));
        selection.put(facet, change.apply(selected(facet)));
        return new SearchRequest(
                q,
                selection.get("subject"),
                selection.get("grade"),
                selection.get("type"),
                selection.get("school"),
                selection.get("year"),
                selection.get("semester"),
                selection.get("edition"),
                sort,
                null,
                size);
    }

    /** The search without these words of its text (a chip understood from them is removed). */
    public SearchRequest withoutWords(String words) {
        String rest = text().replace(words, " ").replaceAll("\\s+", " ").strip();
        return new SearchRequest(rest, subject, grade, type, school, year, semester, edition, sort, null, size);
    }

    public SearchRequest sortedBy(String order) {
        return new SearchRequest(q, subject, grade, type, school, year, semester, edition, order, null, size);
    }

    public SearchRequest atPage(int number) {
        return new SearchRequest(q, subject, grade, type, school, year, semester, edition, sort, number, size);
    }

    /** The facet parameters, for the page's hidden fields. */
    public List<String> facets() {
        return FACETS;
    }

    /** The search page showing this search. */
    public String href() {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/");
        if (!text().isEmpty()) {
            uri.queryParam("q", text());
        }
        FACETS.forEach(name -> selected(name).forEach(code -> uri.queryParam(name, code)));
        if (sort != null && !sort.isBlank()) {
            uri.queryParam("sort", sort);
        }
        if (page != null && page > 0) {
            uri.queryParam("page", page);
        }
        if (size != null) {
            uri.queryParam("size", size);
        }
        return uri.encode().build().toUriString();
    }

    private static List<String> clean(@Nullable List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .filter(v -> v != null && !v.isBlank())
                .map(String::strip)
                .distinct()
                .toList();
    }
}
