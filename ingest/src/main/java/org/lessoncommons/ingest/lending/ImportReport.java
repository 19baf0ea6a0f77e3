package org.lessoncommons.ingest.lending;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What an import did with each row of the file: every row is either added or says why not. */
public record ImportReport(String fileName, UUID schoolId, int added, int failed, List<Row> rows) {

    public enum Outcome {
        ADDED,
        FAILED
    }

    /**
     * @param row the row number as a spreadsheet shows it (the header is row 1)
     * @param error why the row was not added, in words for the person who made the sheet
     */
    public record Row(
            int row,
            Outcome outcome,
            String barcode,
            String title,
            @Nullable UUID titleId,
            @Nullable UUID copyId,
            @Nullable String error) {}
}
