package org.lessoncommons.storage.lending;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A title with what its copies add to the catalog index: owners, barcodes, how many are free. */
public record CatalogRow(
        UUID id,
        UUID allianceId,
        ItemKind kind,
        String title,
        String author,
        String publisher,
        @Nullable String isbn,
        String model,
        List<UUID> ownerSchoolIds,
        List<String> barcodes,
        int copies,
        int available) {}
