package org.lessoncommons.web.reports;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One computed report: named columns and rows of cells (text, whole numbers, or ratios), the same for
 * the page, the JSON, CSV, XLSX and PDF. {@code chartColumns} are the numeric columns the page draws
 * as bars, one bar group per row.
 */
public record ReportTable(String id, String title, List<Column> columns, List<Row> rows, List<Integer> chartColumns) {

    public enum Type {
        TEXT,
        COUNT,
        RATIO
    }

    public record Column(String header, Type type) {

        public boolean numeric() {
            return type != Type.TEXT;
        }
    }

    /** {@code key} is stable across languages (a school id, a subject code, a month). */
    public record Row(String key, List<@Nullable Object> cells) {}

    public ReportTable {
        for (Row row : rows) {
            if (row.cells().size() != columns.size()) {
                throw new IllegalArgumentException("row " + row.key() + " of " + id + " has the wrong number of cells");
            }
        }
        for (int column : chartColumns) {
            if (!columns.get(column).numeric()) {
                throw new IllegalArgumentException("column " + column + " of " + id + " is not a number");
            }
        }
    }

    /** The sum of a count column over all rows. */
    public long total(int column) {
        return rows.stream()
                .map(row -> row.cells().get(column))
                .filter(Objects::nonNull)
                .mapToLong(cell -> ((Number) cell).longValue())
                .sum();
    }
}
