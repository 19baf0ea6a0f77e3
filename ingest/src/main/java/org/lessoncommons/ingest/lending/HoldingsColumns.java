package org.lessoncommons.ingest.lending;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Which column of a holdings sheet holds what, read from the header row in Chinese or English. */
final class HoldingsColumns {

    enum Column {
        KIND("类型", "种类", "类别", "kind", "type"),
        TITLE("书名", "题名", "名称", "器材名称", "设备名称", "title", "name"),
        AUTHOR("作者", "著者", "author"),
        PUBLISHER("出版社", "publisher"),
        ISBN("isbn", "isbn号", "书号"),
        MODEL("型号", "规格型号", "规格", "model"),
        BARCODE("条码", "条形码", "条码号", "资产编号", "资产编码", "资产标签", "barcode", "asset tag", "asset");

        private final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }
    }

    private final Map<Column, Integer> positions;

    private HoldingsColumns(Map<Column, Integer> positions) {
        this.positions = positions;
    }

    static HoldingsColumns of(List<String> header) {
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT).replace("（", "(");
            String bare =
                    name.contains("(") ? name.substring(0, name.indexOf('(')).strip() : name;
            for (Column column : Column.values()) {
                if (column.names.contains(bare)) {
                    positions.putIfAbsent(column, i);
                }
            }
        }
        if (!positions.containsKey(Column.TITLE)) {
            throw new UnreadableHoldings("第 1 行（表头）缺少“书名”或“名称”列");
        }
        if (!positions.containsKey(Column.BARCODE)) {
            throw new UnreadableHoldings("第 1 行（表头）缺少“条码”或“资产编号”列");
        }
        return new HoldingsColumns(positions);
    }

    String get(List<String> cells, Column column) {
        return Optional.ofNullable(positions.get(column))
                .filter(i -> i < cells.size())
                .map(cells::get)
                .map(String::strip)
                .orElse("");
    }
}
