package org.lessoncommons.storage.lending;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A book (by ISBN, or by title and author) or a kind of equipment (by name and model) in an
 * alliance's catalog. Schools own copies of it.
 *
 * @param title the book's title or the equipment's name
 * @param isbn digits only, for books; null when the book has none
 */
@Table("lending_title")
public record CatalogTitle(
        @Id UUID id,
        UUID allianceId,
        ItemKind kind,
        String title,
        String author,
        String publisher,
        @Nullable String isbn,
        String model,
        Instant createdAt,
        @Nullable @Version Integer version) {

    public CatalogTitle {
        Objects.requireNonNull(title, "title");
        author = author == null ? "" : author;
        publisher = publisher == null ? "" : publisher;
        model = model == null ? "" : model;
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    }

    public static CatalogTitle book(
            UUID allianceId, String title, String author, String publisher, @Nullable String isbn) {
        return new CatalogTitle(
                UUID.randomUUID(), allianceId, ItemKind.BOOK, title, author, publisher, isbn, "", Instant.now(), null);
    }

    public static CatalogTitle equipment(UUID allianceId, String name, String model) {
        return new CatalogTitle(
                UUID.randomUUID(), allianceId, ItemKind.EQUIPMENT, name, "", "", null, model, Instant.now(), null);
    }
}
