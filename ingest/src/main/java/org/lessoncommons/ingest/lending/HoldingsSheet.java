package org.lessoncommons.ingest.lending;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The rows of a holdings file as text: the first sheet of an Excel workbook (.xlsx or .xls), or a
 * CSV file in UTF-8 (with or without BOM) or, as Excel on Chinese Windows saves it, GBK.
 */
final class HoldingsSheet {

    /** A row and its number as a spreadsheet shows it (1 = the first line). */
    record Line(int number, List<String> cells) {

        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    static final int MAX_ROWS = 20_000;
    private static final Charset GBK = Charset.forName("GB18030");

    private HoldingsSheet() {}

    static List<Line> read(byte[] content) {
        if (isZip(content) || isOle2(content)) {
            return workbook(content);
        }
        return csv(decode(content));
    }

    /** UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312). */
    static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(content, GBK);
        }
    }

    private static List<Line> csv(String text) {
        List<Line> lines = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setIgnoreEmptyLines(false)
                .setTrim(true)
                .get();
        try (var parser = format.parse(new StringReader(text))) {
            int number = 0;
            for (CSVRecord record : parser) {
                number++;
                lines.add(new Line(number, record.toList()));
                checkSize(lines);
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new UnreadableHoldings("CSV 文件格式有误（引号不成对？）：" + e.getMessage(), e);
        }
        return lines;
    }

    private static List<Line> workbook(byte[] content) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new UnreadableHoldings("工作簿里没有工作表");
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<Line> lines = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(text(row.getCell(c), formatter));
                }
                lines.add(new Line(row.getRowNum() + 1, cells));
                checkSize(lines);
            }
            return lines;
        } catch (EncryptedDocumentException e) {
            throw new UnreadableHoldings("工作簿设置了密码，请去掉密码后再导入", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableHoldings unreadable) {
                throw unreadable;
            }
            throw new UnreadableHoldings("无法读取这个 Excel 文件：" + e.getMessage(), e);
        }
    }

    /** As the sheet shows it; a whole number (an ISBN typed as a number) without exponent or ".0". */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && !org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
            double value = cell.getNumericCellValue();
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return BigDecimal.valueOf(value).toBigInteger().toString();
            }
        }
        return formatter.formatCellValue(cell).strip();
    }

    private static void checkSize(List<Line> lines) {
        if (lines.size() > MAX_ROWS + 1) {
            throw new UnreadableHoldings("一次最多导入 " + MAX_ROWS + " 行，请把文件拆开");
        }
    }

    private static boolean isZip(byte[] content) {
        return content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    private static boolean isOle2(byte[] content) {
        return content.length > 7
                && (content[0] & 0xFF) == 0xD0
                && (content[1] & 0xFF) == 0xCF
                && (content[2] & 0xFF) == 0x11
                && (content[3] & 0xFF) == 0xE0;
    }
}
