package org.lessoncommons.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lessoncommons.web.reports.ReportTable.Column;
import org.lessoncommons.web.reports.ReportTable.Row;
import org.lessoncommons.web.reports.ReportTable.Type;

class ExportsTests {

    private final ReportTable table = new ReportTable(
            "most-used",
            "使用最多的资源",
            List.of(
                    new Column("资源", Type.TEXT),
                    new Column("学校", Type.TEXT),
                    new Column("查看", Type.COUNT),
                    new Column("比", Type.RATIO)),
            List.of(
                    new Row("a", Arrays.asList("=HYPERLINK(\"http://x\")", "城南<小学>", 12L, 1.5)),
                    new Row("b", Arrays.asList("分数, 小数与\"百分数\"", "育英 & 二小", 3L, null))),
            List.of(2));

    @Test
    void csvQuotesSeparatorsAndDefusesFormulas() {
        byte[] csv = new CsvExport().write(table);

        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text)
                .isEqualTo("资源,学校,查看,比\r\n"
                        + "\"'=HYPERLINK(\"\"http://x\"\")\",城南<小学>,12,1.50\r\n"
                        + "\"分数, 小数与\"\"百分数\"\"\",育英 & 二小,3,\r\n");
    }

    @Test
    void theChartEscapesWhatUsersTyped() {
        String svg = BarChart.svg(table);

        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(svg).contains(">=HYPERLINK(&quot;http://x&quot;)<", "分数, 小数与&quot;百分数&quot;");
        assertThat(svg).doesNotContain("\"http://x\"");
        assertThat(svg).contains("width=\"470\"").contains(">12<").contains(">3<");
    }

    @Test
    void aTableWithoutRowsHasNoChart() {
        ReportTable empty = new ReportTable("x", "空", table.columns(), List.of(), List.of(2));

        assertThat(BarChart.svg(empty)).isEmpty();
    }
}
