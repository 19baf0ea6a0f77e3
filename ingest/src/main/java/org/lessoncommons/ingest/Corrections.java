package org.lessoncommons.ingest;

import java.util.Optional;
import java.util.UUID;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.Materials;

/**
 * Metadata the teacher confirms or corrects after upload, and what the system proposes from the
 * file's name and its extracted text. A correction is saved and re-indexed at once.
 */
public class Corrections {

    private final Materials materials;
    private final Indexing indexing;
    private final MetadataInference inference;

    Corrections(Materials materials, Indexing indexing, MetadataInference inference) {
        this.materials = materials;
        this.indexing = indexing;
        this.inference = inference;
    }

    /** Proposals from the file name and, once extracted, the opening of its text. */
    public Optional<ProposedMetadata> propose(UUID id) {
        return materials
                .findById(id)
                .map(m -> inference.infer(m.fileName(), "", indexing.keptText(m).orElse("")));
    }

    public Optional<Material> correct(UUID id, Correction c) {
        return materials.findById(id).map(m -> {
            Material corrected = materials.save(new Material(
                    m.id(),
                    m.schoolId(),
                    m.uploaderId(),
                    c.title() == null || c.title().isBlank()
                            ? m.title()
                            : c.title().strip(),
                    c.description() == null ? m.description() : c.description().strip(),
                    c.subject() == null ? m.subject() : c.subject(),
                    c.grade() == null ? m.grade() : c.grade(),
                    c.resourceType() == null ? m.resourceType() : c.resourceType(),
                    m.fileName(),
                    m.contentType(),
                    m.sizeBytes(),
                    m.sha256(),
                    m.status(),
                    m.failureReason(),
                    m.createdAt(),
                    java.time.Instant.now(),
                    c.sharing() == null ? m.sharing() : c.sharing(),
                    m.deletedAt(),
                    m.version()));
            // Not yet extracted: the worker indexes it with the corrected values when it gets there.
            if (indexing.isIndexed(corrected)) {
                // Waits for the commit: nothing else would redo the correction after a crash.
                indexing.index(corrected, indexing.keptText(corrected).orElse(""))
                        .toCompletableFuture()
                        .join();
            }
            return corrected;
        });
    }
}
