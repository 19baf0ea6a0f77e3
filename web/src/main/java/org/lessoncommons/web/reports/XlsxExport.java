package org.lessoncommons.web.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reports as an Excel workbook (Apache POI), one sheet per report, numbers as numbers so that a
 * school administrator can sum and chart them. Text goes in as text, never as a formula.
 */
@Component
class XlsxExport {

    byte[] write(List<ReportTable> tables) {
        try (Workbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = headerStyle(workbook);
            CellStyle ratio = workbook.createCellStyle();
            ratio.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            Set<String> used = new HashSet<>();
            for (ReportTable table : tables) {
                sheet(workbook.createSheet(sheetName(table.title(), used)), table, header, ratio);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(Sheet sheet, ReportTable table, CellStyle header, CellStyle ratio) {
        Row head = sheet.createRow(0);
        for (int c = 0; c < table.columns().size(); c++) {
            var cell = head.createCell(c);
            cell.setCellValue(table.columns().get(c).header());
            cell.setCellStyle(header);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<@Nullable Object> cells = table.rows().get(r).cells();
            for (int c = 0; c < cells.size(); c++) {
                Object value = cells.get(c);
                var cell = row.createCell(c);
                if (value instanceof Double d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(ratio);
                } else if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (value != null) {
                    cell.setCellValue(value.toString());
                }
            }
        }
        sheet.createFreezePane(0, 1);
        for (int c = 0; c < table.columns().size(); c++) {
            // Chinese characters are about two Latin ones wide; autoSizeColumn would need AWT fonts.
            int widest = widest(table, c);
            sheet.setColumnWidth(c, Math.min(80, Math.max(8, widest + 2)) * 256);
        }
    }

    private static int widest(ReportTable table, int column) {
        int widest = width(table.columns().get(column).header());
        for (var row : table.rows()) {
            widest = Math.max(widest, width(Cells.text(row.cells().get(column))));
        }
        return widest;
    }

    private static int width(String text) {
        return text.codePoints().map(cp -> cp > 0x2E80 ? 2 : 1).sum();
    }

    private static CellStyle headerStyle(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        return style;
    }

    /** Excel allows 31 characters and no {@code []:*?/\} in a sheet name, unique in the workbook. */
    private static String sheetName(String title, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(title);
        String name = base;
        for (int i = 2; !used.add(name.toLowerCase(Locale.ROOT)); i++) {
            String suffix = " " + i;
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }
}
