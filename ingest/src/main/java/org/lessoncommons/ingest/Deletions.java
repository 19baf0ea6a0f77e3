package org.lessoncommons.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.lessoncommons.search.SearchIndex;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.MaterialStatus;
import org.lessoncommons.storage.Materials;
import org.springframework.stereotype.Component;

/**
 * Soft deletion: a deleted material leaves search at once but keeps its row, bytes and extracted
 * text, so it can be restored exactly as it was.
 */
@Component
public class Deletions {

    private final Materials materials;
    private final SearchIndex index;
    private final Indexing indexing;

    Deletions(Materials materials, SearchIndex index, Indexing indexing) {
        this.materials = materials;
        this.index = index;
        this.indexing = indexing;
    }

    public void delete(UUID id) {
        materials.markDeleted(id, Timestamp.from(Instant.now()));
        index.remove(id.toString());
    }

    public void restore(UUID id) {
        materials.markDeleted(id, null);
        Material material = materials.findById(id).orElseThrow();
        // Not yet extracted: the worker indexes it when it gets there.
        if (material.status() == MaterialStatus.INDEXED || material.status() == MaterialStatus.FAILED) {
            indexing.index(material, indexing.keptText(material).orElse(""));
        }
    }
}
