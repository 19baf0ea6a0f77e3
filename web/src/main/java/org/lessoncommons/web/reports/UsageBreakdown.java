package org.lessoncommons.web.reports;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.Subject;
import org.lessoncommons.storage.usage.Dimension;
import org.lessoncommons.storage.usage.UsageCount;
import org.lessoncommons.storage.usage.UsageReports;
import org.lessoncommons.web.reports.ReportTable.Column;
import org.lessoncommons.web.reports.ReportTable.Row;
import org.lessoncommons.web.reports.ReportTable.Type;

/**
 * Uploads, views and downloads per school, subject, grade or month. Uploads are credited to the
 * material's school, views and downloads to the school of the person who made them.
 */
class UsageBreakdown implements ReportDefinition {

    private final Dimension dimension;
    private final UsageReports reports;
    private final Schools schools;

    UsageBreakdown(Dimension dimension, UsageReports reports, Schools schools) {
        this.dimension = dimension;
        this.reports = reports;
        this.schools = schools;
    }

    @Override
    public String id() {
        return "usage-by-" + dimension.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public ReportTable compute(ReportContext context) {
        Map<String, UsageCount> counts = reports
                .countsBy(
                        dimension,
                        context.scope().usage(),
                        context.from(),
                        context.to(),
                        context.settings().zone())
                .stream()
                .collect(Collectors.toMap(UsageCount::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, String> schoolNames = dimension == Dimension.SCHOOL ? schoolNames(counts.keySet()) : Map.of();
        List<Row> rows = new ArrayList<>();
        for (String key : keys(counts, schoolNames, context)) {
            UsageCount count = counts.getOrDefault(key, new UsageCount(key, 0, 0, 0));
            rows.add(new Row(
                    key, List.of(label(key, schoolNames, context), count.uploads(), count.views(), count.downloads())));
        }
        String name = dimension.name().toLowerCase(Locale.ROOT);
        return new ReportTable(
                id(),
                context.word("reports.usage." + name + ".title"),
                List.of(
                        new Column(context.word("reports.column." + name), Type.TEXT),
                        new Column(context.word("reports.column.uploads"), Type.COUNT),
                        new Column(context.word("reports.column.views"), Type.COUNT),
                        new Column(context.word("reports.column.downloads"), Type.COUNT)),
                rows,
                List.of(1, 2, 3));
    }

    /** Every month of the semester, even quiet ones; otherwise the keys found, in a natural order. */
    private List<String> keys(Map<String, UsageCount> counts, Map<String, String> schoolNames, ReportContext context) {
        return switch (dimension) {
            case MONTH -> {
                List<String> months = new ArrayList<>();
                YearMonth end = YearMonth.from(context.semester().endDay());
                for (YearMonth m = YearMonth.from(context.semester().firstDay());
                        m.isBefore(end);
                        m = m.plusMonths(1)) {
                    months.add(m.toString());
                }
                yield months;
            }
            case SUBJECT ->
                sorted(counts, key -> Subject.parse(key).map(Enum::ordinal).orElse(Integer.MAX_VALUE));
            case GRADE ->
                sorted(counts, key -> Grade.parse(key).map(Enum::ordinal).orElse(Integer.MAX_VALUE));
            case SCHOOL ->
                counts.keySet().stream()
                        .sorted(Comparator.comparing(key -> schoolNames.getOrDefault(key, key)))
                        .toList();
        };
    }

    private static List<String> sorted(Map<String, UsageCount> counts, Function<String, Integer> order) {
        return counts.keySet().stream()
                .sorted(Comparator.comparing(order).thenComparing(Function.identity()))
                .toList();
    }

    private String label(String key, Map<String, String> schoolNames, ReportContext context) {
        return switch (dimension) {
            case MONTH -> key;
            case SUBJECT ->
                Subject.parse(key)
                        .map(s -> context.english() ? s.englishLabel() : s.label())
                        .orElse(key);
            case GRADE ->
                Grade.parse(key)
                        .map(g -> context.english() ? g.englishLabel() : g.label())
                        .orElse(key);
            case SCHOOL -> schoolNames.getOrDefault(key, key);
        };
    }

    private Map<String, String> schoolNames(Set<String> ids) {
        List<UUID> uuids = ids.stream().map(UUID::fromString).toList();
        return schools.findAllById(uuids).stream().collect(Collectors.toMap(s -> s.id().toString(), School::name));
    }
}
