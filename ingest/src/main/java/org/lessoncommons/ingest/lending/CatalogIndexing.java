package org.lessoncommons.ingest.lending;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.lessoncommons.search.catalog.CatalogEntry;
import org.lessoncommons.search.catalog.CatalogIndex;
import org.lessoncommons.storage.lending.CatalogRow;
import org.lessoncommons.storage.lending.LendingQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the catalog index in step with PostgreSQL: rebuilt whole at start, and a title re-read
 * whenever one of its copies is added, requested, lent, returned or moved.
 */
@Component
public class CatalogIndexing {

    private static final Logger log = LoggerFactory.getLogger(CatalogIndexing.class);

    private final LendingQueries queries;
    private final CatalogIndex index;

    CatalogIndexing(LendingQueries queries, CatalogIndex index) {
        this.queries = queries;
        this.index = index;
    }

    /** Before the application takes requests (and before the demo seed runs). */
    @EventListener(ApplicationStartedEvent.class)
    void onStart() {
        rebuild();
    }

    /** Replaces the whole index with what PostgreSQL holds; returns how many titles it has. */
    public int rebuild() {
        List<CatalogEntry> entries =
                queries.catalog(null).stream().map(CatalogIndexing::entry).toList();
        index.replaceAll(entries);
        log.info("Catalog index rebuilt with {} titles", entries.size());
        return entries.size();
    }

    public void refresh(UUID titleId) {
        queries.catalog(titleId).stream()
                .findFirst()
                .ifPresentOrElse(row -> index.index(entry(row)), () -> index.remove(titleId.toString()));
    }

    public void refresh(Collection<UUID> titleIds) {
        titleIds.stream().distinct().forEach(this::refresh);
    }

    static CatalogEntry entry(CatalogRow row) {
        return new CatalogEntry(
                row.id().toString(),
                row.allianceId().toString(),
                row.kind().name(),
                row.title(),
                row.author(),
                row.publisher(),
                row.isbn(),
                row.model(),
                row.ownerSchoolIds().stream().map(UUID::toString).toList(),
                row.barcodes(),
                row.copies(),
                row.available());
    }
}
