package org.lessoncommons.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.search.Chip;
import org.lessoncommons.search.Facet;
import org.lessoncommons.search.FacetCount;
import org.lessoncommons.search.FacetField;
import org.lessoncommons.search.SearchHit;
import org.lessoncommons.search.SearchResults;
import org.lessoncommons.storage.Grade;

/**
 * One page of search results as the page and {@code /api/search} show them.
 *
 * @param chips the active filters: those selected ({@code words} null) and those understood from
 *     the text ({@code words} as typed; removing the words removes the filter)
 * @param totalExact false when {@code total} is an estimate (beyond about ten thousand matches)
 * @param facets value counts per facet, each counted as if its own selection were not applied
 * @param scoredText the text searched once the understood words were taken out
 */
record SearchResultsView(
        String query,
        String scoredText,
        long total,
        boolean totalExact,
        int page,
        int size,
        int totalPages,
        List<HitView> hits,
        List<ChipView> chips,
        List<FacetView> facets) {

    /** An estimated total to two significant figures (210,815 → 210,000): no false precision. */
    public long roundedTotal() {
        return round(total);
    }

    /** The same in 万 (210,815 → 21; 36,835 → 3.7), as a Chinese reader says a large estimate. */
    public String totalInWan() {
        double wan = round(total) / 10_000.0;
        return wan >= 10 || wan == Math.rint(wan)
                ? String.valueOf(Math.round(wan))
                : String.format(Locale.ROOT, "%.1f", wan);
    }

    static long round(long count) {
        if (count < 100) {
            return count;
        }
        long unit = (long) Math.pow(10, Math.floor(Math.log10(count)) - 1);
        return Math.round((double) count / unit) * unit;
    }

    /** The page numbers (from 0) the pager links to: up to three either side of this one. */
    public List<Integer> pageNumbers() {
        int first = Math.max(0, page - 3);
        int last = Math.min(totalPages - 1, page + 3);
        return java.util.stream.IntStream.rangeClosed(first, last).boxed().toList();
    }

    /**
     * @param kind what the file is, for its icon: pdf, word, slides, sheet, video, audio, image,
     *     text or file
     */
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
            String kind,
            Instant createdAt,
            long downloads,
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
                    FileKinds.of(h.contentType(), h.fileName()),
                    h.createdAt(),
                    h.downloads(),
                    "/api/materials/" + h.id());
        }
    }

    record ChipView(
            String facet,
            String code,
            String label,
            String englishLabel,
            @Nullable String words) {}

    /**
     * @param facet the request parameter that selects its values
     * @param exact false when the counts are estimated (a search with very many matches)
     */
    record FacetView(String facet, boolean exact, List<GroupView> groups) {}

    /** @param stage the 学段 of a group of grades ({@code PRIMARY}), null for other facets */
    record GroupView(@Nullable String stage, long count, List<ValueView> values) {

        /** The count to two significant figures, for an estimate. */
        public long rounded() {
            return round(count);
        }
    }

    record ValueView(String code, String label, String englishLabel, long count, boolean selected) {

        /** The count to two significant figures, for an estimate. */
        public long rounded() {
            return round(count);
        }
    }

    static SearchResultsView of(
            SearchRequest request, SearchResults results, Map<String, FacetField> fields, Map<String, String> schools) {
        Map<FacetField, String> names = new LinkedHashMap<>();
        SearchRequest.FACETS.forEach(name -> names.put(fields.get(name), name));
        List<ChipView> chips = new ArrayList<>();
        SearchRequest.FACETS.forEach(name -> request.selected(name).forEach(code -> {
            Term term = label(name, code, schools);
            chips.add(new ChipView(name, code, term.label(), term.englishLabel(), null));
        }));
        for (Chip chip : results.chips()) {
            String name = names.getOrDefault(chip.field(), chip.field().name().toLowerCase(Locale.ROOT));
            Term term = names.containsKey(chip.field())
                    ? label(name, chip.code(), schools)
                    : new Term(chip.code(), chip.words(), chip.words());
            chips.add(new ChipView(name, chip.code(), term.label(), term.englishLabel(), chip.words()));
        }
        List<FacetView> facets = new ArrayList<>();
        for (Facet facet : results.facets().facets()) {
            String name = names.get(facet.field());
            if (name != null && !facet.values().isEmpty()) {
                facets.add(new FacetView(name, facet.exact(), groups(name, facet, schools)));
            }
        }
        return new SearchResultsView(
                request.text(),
                results.scoredText(),
                results.totalHits(),
                results.totalExact(),
                results.page(),
                results.size(),
                results.totalPages(),
                results.hits().stream().map(HitView::of).toList(),
                chips,
                facets);
    }

    /** Grades grouped by 学段 in school order; other facets as one group, most frequent first. */
    private static List<GroupView> groups(String name, Facet facet, Map<String, String> schools) {
        List<ValueView> values =
                facet.values().stream().map(v -> value(name, v, schools)).toList();
        if (facet.field() != FacetField.GRADE) {
            return List.of(new GroupView(null, sum(values), values));
        }
        Map<Grade.Stage, List<ValueView>> byStage = new java.util.TreeMap<>();
        List<ValueView> unknown = new ArrayList<>();
        for (ValueView v : values) {
            Grade.parse(v.code())
                    .ifPresentOrElse(
                            g -> byStage.computeIfAbsent(g.stage(), s -> new ArrayList<>())
                                    .add(v),
                            () -> unknown.add(v));
        }
        List<GroupView> groups = new ArrayList<>();
        byStage.forEach((stage, grades) -> {
            grades.sort(Comparator.comparing(v -> Grade.valueOf(v.code())));
            groups.add(new GroupView(stage.name(), sum(grades), List.copyOf(grades)));
        });
        if (!unknown.isEmpty()) {
            groups.add(new GroupView(null, sum(unknown), unknown));
        }
        return groups;
    }

    private static ValueView value(String name, FacetCount count, Map<String, String> schools) {
        Term term = label(name, count.code(), schools);
        return new ValueView(count.code(), term.label(), term.englishLabel(), count.count(), count.selected());
    }

    private static Term label(String name, String code, Map<String, String> schools) {
        return switch (name) {
            case "subject" -> Term.subject(code);
            case "grade" -> Term.grade(code);
            case "type" -> Term.resourceType(code);
            case "school" -> {
                String school = schools.getOrDefault(code, code);
                yield new Term(code, school, school);
            }
            case "semester" -> TextbookTerms.semester(code);
            case "edition" -> TextbookTerms.edition(code);
            default -> new Term(code, code, code);
        };
    }

    private static long sum(List<ValueView> values) {
        return values.stream().mapToLong(ValueView::count).sum();
    }
}
