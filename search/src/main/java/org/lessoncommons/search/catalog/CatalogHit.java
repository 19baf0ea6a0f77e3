package org.lessoncommons.search.catalog;

import org.jspecify.annotations.Nullable;

public record CatalogHit(
        String id,
        String kind,
        String title,
        String author,
        String publisher,
        @Nullable String isbn,
        String model,
        int copies,
        int available) {}
