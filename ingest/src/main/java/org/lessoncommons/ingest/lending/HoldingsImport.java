package org.lessoncommons.ingest.lending;

import static org.lessoncommons.ingest.lending.HoldingsColumns.Column.AUTHOR;
import static org.lessoncommons.ingest.lending.HoldingsColumns.Column.BARCODE;
import static org.lessoncommons.ingest.lending.HoldingsColumns.Column.ISBN;
import static org.lessoncommons.ingest.lending.HoldingsColumns.Column.KIND;
import static org.lessoncommons.ingest.lending.HoldingsColumns.Column.MODEL;
import static org.lessoncommons.ingest.lending.HoldingsColumns.Column.PUBLISHER;
import static org.lessoncommons.ingest.lending.HoldingsColumns.Column.TITLE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.lending.ImportReport.Outcome;
import org.lessoncommons.storage.lending.Copy;
import org.lessoncommons.storage.lending.DuplicateBarcode;
import org.lessoncommons.storage.lending.Holding;
import org.lessoncommons.storage.lending.Holdings;
import org.lessoncommons.storage.lending.ItemKind;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.stereotype.Component;

/**
 * Imports a school's books and equipment from a sheet, one copy per row. Each row is added in its
 * own transaction or reported with the reason it was not, so one bad row loses nothing else.
 * Columns: 类型 (图书/器材), 书名/名称, 作者, 出版社, ISBN, 型号, 条码/资产编号.
 */
@Component
public class HoldingsImport {

    private final Holdings holdings;
    private final CatalogIndexing indexing;

    HoldingsImport(Holdings holdings, CatalogIndexing indexing) {
        this.holdings = holdings;
        this.indexing = indexing;
    }

    public ImportReport importFile(String fileName, byte[] content, UUID schoolId, UUID allianceId) {
        List<HoldingsSheet.Line> lines = HoldingsSheet.read(content).stream()
                .filter(line -> !line.blank())
                .toList();
        if (lines.isEmpty()) {
            throw new UnreadableHoldings("文件是空的：第一行应是表头（书名、作者、出版社、ISBN、条码 …）");
        }
        HoldingsColumns columns = HoldingsColumns.of(lines.getFirst().cells());
        List<ImportReport.Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<UUID> touched = new ArrayList<>();
        for (HoldingsSheet.Line line : lines.subList(1, lines.size())) {
            ImportReport.Row row = importRow(line, columns, schoolId, allianceId, seen);
            rows.add(row);
            if (row.titleId() != null) {
                touched.add(row.titleId());
            }
        }
        indexing.refresh(touched);
        int added =
                (int) rows.stream().filter(r -> r.outcome() == Outcome.ADDED).count();
        return new ImportReport(fileName, schoolId, added, rows.size() - added, rows);
    }

    private ImportReport.Row importRow(
            HoldingsSheet.Line line, HoldingsColumns columns, UUID schoolId, UUID allianceId, Set<String> seen) {
        String title = columns.get(line.cells(), TITLE);
        String barcode = columns.get(line.cells(), BARCODE);
        try {
            Holding holding = holding(line, columns, schoolId, allianceId);
            if (!seen.add(barcode)) {
                throw new RowProblem("条码 “" + barcode + "” 在文件里出现了不止一次");
            }
            Copy copy = holdings.add(holding);
            return new ImportReport.Row(line.number(), Outcome.ADDED, barcode, title, copy.titleId(), copy.id(), null);
        } catch (RowProblem e) {
            return failed(line, barcode, title, e.getMessage());
        } catch (DuplicateBarcode e) {
            return failed(line, barcode, title, "本校已有条码为 “" + barcode + "” 的藏品");
        } catch (DataIntegrityViolationException | DbActionExecutionException e) {
            return failed(line, barcode, title, "数据库拒绝了这一行（字段过长或取值不合法）");
        }
    }

    private static Holding holding(HoldingsSheet.Line line, HoldingsColumns columns, UUID schoolId, UUID allianceId) {
        String title = required(columns.get(line.cells(), TITLE), "书名/名称", 300);
        String barcode = required(columns.get(line.cells(), BARCODE), "条码/资产编号", 64);
        String model = limited(columns.get(line.cells(), MODEL), "型号", 200);
        String isbnText = columns.get(line.cells(), ISBN);
        ItemKind kind = kind(columns.get(line.cells(), KIND), model);
        @Nullable String isbn = null;
        if (!isbnText.isEmpty()) {
            if (kind == ItemKind.EQUIPMENT) {
                throw new RowProblem("器材没有 ISBN：这一行是图书还是器材？");
            }
            isbn = Isbn.normalize(isbnText)
                    .orElseThrow(() -> new RowProblem("ISBN “" + isbnText + "” 不是有效的 ISBN（位数或校验位不对）"));
        }
        return new Holding(
                allianceId,
                schoolId,
                kind,
                title,
                limited(columns.get(line.cells(), AUTHOR), "作者", 300),
                limited(columns.get(line.cells(), PUBLISHER), "出版社", 200),
                isbn,
                model,
                barcode);
    }

    /** 图书 or 器材 (or English); a blank kind is a book unless the row names a model. */
    private static ItemKind kind(String text, String model) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "" -> model.isEmpty() ? ItemKind.BOOK : ItemKind.EQUIPMENT;
            case "图书", "书", "书籍", "圖書", "book" -> ItemKind.BOOK;
            case "器材", "设备", "器械", "設備", "equipment", "device" -> ItemKind.EQUIPMENT;
            default -> throw new RowProblem("类型 “" + text + "” 无法识别：应为 “图书” 或 “器材”");
        };
    }

    private static String required(String value, String column, int max) {
        if (value.isEmpty()) {
            throw new RowProblem("“" + column + "” 不能为空");
        }
        return limited(value, column, max);
    }

    private static String limited(String value, String column, int max) {
        if (value.length() > max) {
            throw new RowProblem("“" + column + "” 超过 " + max + " 个字");
        }
        return value;
    }

    private static ImportReport.Row failed(HoldingsSheet.Line line, String barcode, String title, String error) {
        return new ImportReport.Row(
                line.number(), Outcome.FAILED, barcode, title, null, null, "第 " + line.number() + " 行：" + error);
    }

    /** Why one row cannot be imported. */
    private static final class RowProblem extends RuntimeException {
        RowProblem(String message) {
            super(message);
        }
    }
}
