package org.lessoncommons.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lessoncommons.search.IndexedMaterial;
import org.lessoncommons.search.SearchIndex;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.MaterialStatus;
import org.lessoncommons.storage.Materials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Rebuilds the search index from PostgreSQL and the object store, the source of truth, while it
 * keeps serving. Runs by itself at start when the index is missing materials (a new or lost index,
 * or one that failed its check at start and was moved aside) or was built by a version that
 * indexed other fields.
 */
public class Reindexing {

    private static final Logger log = LoggerFactory.getLogger(Reindexing.class);
    private static final int BATCH = 200;

    private final Materials materials;
    private final Indexing indexing;
    private final SearchIndex index;
    private final IngestQueue queue;

    Reindexing(Materials materials, Indexing indexing, SearchIndex index, IngestQueue queue) {
        this.materials = materials;
        this.indexing = indexing;
        this.index = index;
        this.queue = queue;
    }

    /**
     * Re-adds every material and removes what is no longer one (deleted, or gone from the
     * database); returns how many were indexed. Searches keep answering from the same index
     * meanwhile: each material is replaced in one step, and nothing that still exists leaves it.
     */
    public int rebuild() {
        long stamp = index.beginRebuild();
        Set<String> live = new HashSet<>();
        List<IndexedMaterial> batch = new ArrayList<>(BATCH);
        int indexed = 0;
        for (Material material : materials.findAll()) {
            if (material.isDeleted()) {
                continue;
            }
            // Read after the rebuild began: a material being ingested meanwhile is live and stays.
            live.add(material.id().toString());
            if (material.status() == MaterialStatus.INDEXED || material.status() == MaterialStatus.FAILED) {
                var text = indexing.keptText(material);
                if (text.isEmpty() && material.status() == MaterialStatus.INDEXED) {
                    queue.enqueue(material.id());
                    continue;
                }
                batch.add(indexing.toIndexed(material, text.orElse("")));
                indexed++;
                if (batch.size() == BATCH) {
                    index.indexAll(batch);
                    batch.clear();
                }
            }
        }
        index.indexAll(batch);
        int removed = index.removeStale(stamp, live);
        if (removed > 0) {
            log.info("Removed {} materials from the search index that are no longer in storage", removed);
        }
        return indexed;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildWhenIndexIsBehind() {
        long searchable =
                materials.countByStatusInAndDeletedAtIsNull(List.of(MaterialStatus.INDEXED, MaterialStatus.FAILED));
        if (index.count() < searchable) {
            log.info("Search index holds {} of {} materials; rebuilding from storage", index.count(), searchable);
            log.info("Rebuilt the search index with {} materials", rebuild());
        } else if (!index.currentLayout()) {
            log.info("Search index was built by an earlier version; rebuilding from storage");
            log.info("Rebuilt the search index with {} materials", rebuild());
        }
    }
}
