package org.lessoncommons.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.lessoncommons.ingest.Drift.Action;
import org.lessoncommons.ingest.Drift.Kind;
import org.lessoncommons.search.IndexedMaterial;
import org.lessoncommons.search.SearchIndex;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.MaterialStatus;

/**
 * The index half of the consistency check: every searchable material in the index, nothing else.
 * The index is derived data, so each repair here is safe: documents are removed or rebuilt from
 * the text kept in the object store (or the material is extracted again when none is kept).
 */
class IndexConsistency {

    private final SearchIndex index;
    private final Indexing indexing;
    private final IngestQueue queue;

    IndexConsistency(SearchIndex index, Indexing indexing, IngestQueue queue) {
        this.index = index;
        this.indexing = indexing;
        this.queue = queue;
    }

    record Result(int documents, List<Drift> drifts) {}

    /**
     * The index ids are read before the materials: a material indexed and marked INDEXED in
     * between then looks missing and is indexed again, which is harmless (writes upsert by id).
     */
    Result check(Supplier<List<Material>> readMaterials, boolean repair) {
        Set<String> ids = index.ids();
        Map<String, Material> byId =
                readMaterials.get().stream().collect(Collectors.toMap(m -> m.id().toString(), m -> m));
        List<Drift> drifts = new ArrayList<>();
        for (String id : ids) {
            Material material = byId.get(id);
            if (material == null || material.isDeleted()) {
                if (repair) {
                    index.remove(id);
                }
                drifts.add(new Drift(
                        Kind.ORPHAN_INDEX_DOCUMENT,
                        id,
                        material == null ? "no such material" : "material deleted at " + material.deletedAt(),
                        repair ? Action.REPAIRED : Action.REPORTED));
            }
        }
        List<IndexedMaterial> rebuilt = new ArrayList<>();
        for (Material material : byId.values()) {
            if (searchable(material) && !ids.contains(material.id().toString())) {
                String detail = "status " + material.status() + " but not in the index";
                if (repair) {
                    Optional<String> text = indexing.keptText(material);
                    if (text.isEmpty() && material.status() == MaterialStatus.INDEXED) {
                        queue.enqueue(material.id());
                        detail += "; no kept text, queued for extraction";
                    } else {
                        rebuilt.add(indexing.toIndexed(material, text.orElse("")));
                        detail += "; re-indexed from the kept text";
                    }
                }
                drifts.add(new Drift(
                        Kind.MISSING_FROM_INDEX,
                        material.id().toString(),
                        detail,
                        repair ? Action.REPAIRED : Action.REPORTED));
            }
        }
        if (!rebuilt.isEmpty()) {
            index.indexAll(rebuilt);
        }
        return new Result(ids.size(), drifts);
    }

    private static boolean searchable(Material material) {
        return !material.isDeleted()
                && (material.status() == MaterialStatus.INDEXED || material.status() == MaterialStatus.FAILED);
    }
}
