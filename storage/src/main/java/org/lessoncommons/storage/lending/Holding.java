package org.lessoncommons.storage.lending;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One physical item a school adds to the catalog: what it is and its barcode or asset tag.
 *
 * @param title the book's title or the equipment's name
 * @param isbn digits only, books only
 */
public record Holding(
        UUID allianceId,
        UUID ownerSchoolId,
        ItemKind kind,
        String title,
        String author,
        String publisher,
        @Nullable String isbn,
        String model,
        String barcode) {

    public Holding {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(barcode, "barcode");
        author = author == null ? "" : author;
        publisher = publisher == null ? "" : publisher;
        model = model == null ? "" : model;
    }
}
