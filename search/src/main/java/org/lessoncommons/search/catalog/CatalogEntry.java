package org.lessoncommons.search.catalog;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A catalog title as the index holds it.
 *
 * @param kind {@code BOOK} or {@code EQUIPMENT}
 * @param schoolIds the schools owning copies (the "owning school" facet)
 * @param codes ISBN, barcodes and asset tags: found by exact match
 * @param available copies nobody has requested or borrowed
 */
public record CatalogEntry(
        String id,
        String allianceId,
        String kind,
        String title,
        String author,
        String publisher,
        @Nullable String isbn,
        String model,
        List<String> schoolIds,
        List<String> codes,
        int copies,
        int available) {

    public CatalogEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        schoolIds = List.copyOf(schoolIds);
        codes = List.copyOf(codes);
    }

    /** The availability facet's value. */
    String availability() {
        return available > 0 ? CatalogQuery.AVAILABLE : CatalogQuery.ON_LOAN;
    }
}
