package org.lessoncommons.web.reports;

import java.util.List;
import org.lessoncommons.web.reports.ReportTable.Row;

/**
 * A report's chart as inline SVG, drawn on the server: one group of horizontal bars per row (its
 * first cell is the label), one bar per chart column, with a legend. No script, so it prints and
 * works without JavaScript. Every text comes from the table and is XML-escaped (school names and
 * titles are typed by users).
 */
final class BarChart {

    static final List<String> COLOURS = List.of("#2f6fb0", "#e08a1e", "#3a9a5b", "#8e5bb5");

    private static final int WIDTH = 720;
    private static final int LABEL_WIDTH = 200;
    private static final int BAR_HEIGHT = 12;
    private static final int GROUP_GAP = 10;
    private static final int LEGEND_HEIGHT = 28;
    private static final int MAX_LABEL = 14;

    private BarChart() {}

    static String svg(ReportTable table) {
        List<Integer> series = table.chartColumns();
        if (series.isEmpty() || table.rows().isEmpty()) {
            return "";
        }
        double max = Math.max(
                1,
                table.rows().stream()
                        .flatMap(row -> series.stream().map(c -> number(row, c)))
                        .mapToDouble(Double::doubleValue)
                        .max()
                        .orElse(1));
        int groupHeight = series.size() * BAR_HEIGHT + GROUP_GAP;
        int height = LEGEND_HEIGHT + table.rows().size() * groupHeight + 4;
        int plot = WIDTH - LABEL_WIDTH - 50;
        StringBuilder svg = new StringBuilder();
        svg.append(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" aria-label=\"%s\">"
                        .formatted(WIDTH, height, WIDTH, height, escape(table.title())));
        for (int s = 0; s < series.size(); s++) {
            int x = LABEL_WIDTH + s * 130;
            svg.append("<rect x=\"%d\" y=\"6\" width=\"12\" height=\"12\" fill=\"%s\"/>".formatted(x, colour(s)));
            svg.append("<text x=\"%d\" y=\"16\" font-size=\"12\">%s</text>"
                    .formatted(x + 16, escape(table.columns().get(series.get(s)).header())));
        }
        for (int r = 0; r < table.rows().size(); r++) {
            Row row = table.rows().get(r);
            int top = LEGEND_HEIGHT + r * groupHeight;
            String label = Cells.text(row.cells().getFirst());
            svg.append("<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\"><title>%s</title>%s</text>"
                    .formatted(
                            LABEL_WIDTH - 8,
                            top + series.size() * BAR_HEIGHT / 2 + 4,
                            escape(label),
                            escape(shorten(label))));
            for (int s = 0; s < series.size(); s++) {
                double value = number(row, series.get(s));
                int y = top + s * BAR_HEIGHT;
                int width = (int) Math.round(plot * value / max);
                svg.append("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s: %s</title></rect>"
                        .formatted(
                                LABEL_WIDTH,
                                y,
                                width,
                                BAR_HEIGHT - 2,
                                colour(s),
                                escape(table.columns().get(series.get(s)).header()),
                                escape(Cells.text(row.cells().get(series.get(s))))));
                svg.append("<text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>"
                        .formatted(
                                LABEL_WIDTH + width + 4,
                                y + BAR_HEIGHT - 3,
                                escape(Cells.text(row.cells().get(series.get(s))))));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static double number(Row row, int column) {
        return row.cells().get(column) instanceof Number n ? n.doubleValue() : 0;
    }

    private static String colour(int series) {
        return COLOURS.get(series % COLOURS.size());
    }

    private static String shorten(String label) {
        return label.codePointCount(0, label.length()) <= MAX_LABEL
                ? label
                : label.substring(0, label.offsetByCodePoints(0, MAX_LABEL - 1)) + "…";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters are not allowed in XML at all.
                    if (cp >= 0x20 || cp == '\t' || cp == '\n') {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
