package org.lessoncommons.web.reports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.web.reports.ReportTable.Row;
import org.springframework.stereotype.Component;

/**
 * A report as RFC 4180 CSV in UTF-8 with a byte-order mark, which is what makes Excel on Chinese
 * Windows read it as UTF-8 instead of GBK. Text cells that a spreadsheet would run as a formula
 * ({@code =}, {@code +}, {@code -}, {@code @}) get a leading apostrophe: titles are typed by users.
 */
@Component
class CsvExport {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    byte[] write(ReportTable table) {
        StringBuilder csv = new StringBuilder();
        line(csv, table.columns().stream().map(c -> (Object) c.header()).toList());
        for (Row row : table.rows()) {
            line(csv, row.cells());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void line(StringBuilder csv, List<@Nullable Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(cells.get(i)));
        }
        csv.append("\r\n");
    }

    private static String field(@Nullable Object cell) {
        String text = Cells.text(cell);
        if (cell instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
