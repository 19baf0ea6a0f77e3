package org.lessoncommons.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.lessoncommons.search.IndexedMaterial;
import org.lessoncommons.search.SearchIndex;
import org.lessoncommons.search.Sharing;
import org.lessoncommons.storage.BlobNotFound;
import org.lessoncommons.storage.BlobStore;
import org.lessoncommons.storage.Downloads;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;

/**
 * Puts materials into the search index. Extracted text is kept in the object store next to the
 * file, so the index can be rebuilt from storage without running Tika again.
 */
public class Indexing {

    /** Stateless: reads semester, edition and unit from names and text. */
    private static final MetadataInference TEXTBOOK = new MetadataInference();

    private final SearchIndex index;
    private final BlobStore blobStore;
    private final Schools schools;
    private final Downloads downloads;

    Indexing(SearchIndex index, BlobStore blobStore, Schools schools, Downloads downloads) {
        this.index = index;
        this.blobStore = blobStore;
        this.schools = schools;
        this.downloads = downloads;
    }

    static String textKey(Material material) {
        return "text/" + material.sha256() + ".txt";
    }

    static String subtitlesKey(java.util.UUID materialId) {
        return "subtitles/" + materialId + ".txt";
    }

    void keepSubtitles(java.util.UUID materialId, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        blobStore.put(
                subtitlesKey(materialId), new ByteArrayInputStream(bytes), bytes.length, "text/plain; charset=UTF-8");
    }

    /** The lines of a video's sidecar subtitles, if one was uploaded with it. */
    Optional<String> subtitles(Material material) {
        return read(subtitlesKey(material.id()));
    }

    void keepText(Material material, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        blobStore.put(textKey(material), new ByteArrayInputStream(bytes), bytes.length, "text/plain; charset=UTF-8");
    }

    /** The extracted text kept for this material, if extraction ever succeeded. */
    public Optional<String> keptText(Material material) {
        return read(textKey(material));
    }

    private Optional<String> read(String key) {
        try (InputStream in = blobStore.get(key)) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (BlobNotFound e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isIndexed(Material material) {
        return index.contains(material.id().toString());
    }

    /**
     * Searchable on return; the stage completes once the index commit holding it is durable. A
     * deleted material leaves the index instead (it may have been deleted while being extracted).
     */
    CompletionStage<Void> index(Material material, String text) {
        return write(material, text, index::index);
    }

    /**
     * For the pipeline: the stage completes once the index commit holding it is durable and
     * searches see it (one refresh per group commit instead of one per document). A deleted
     * material leaves the index instead.
     */
    CompletionStage<Void> indexLater(Material material, String text) {
        return write(material, text, index::indexLater);
    }

    private CompletionStage<Void> write(
            Material material, String text, Function<IndexedMaterial, CompletionStage<Void>> writing) {
        if (material.isDeleted()) {
            index.remove(material.id().toString());
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        return writing.apply(toIndexed(material, text));
    }

    /** Makes every index write so far durable. */
    void commit() {
        index.commit();
    }

    /** With the semester, edition and unit its name (or the start of its text) gives, as search codes. */
    IndexedMaterial toIndexed(Material material, String text) {
        var school = schools.findById(material.schoolId());
        ProposedMetadata textbook = TEXTBOOK.infer(material.title() + " " + material.fileName(), "", text);
        return new IndexedMaterial(
                        material.id().toString(),
                        material.title(),
                        material.description().isEmpty() ? text : material.description() + "\n\n" + text,
                        material.subject().name(),
                        material.grade().name(),
                        material.resourceType().name(),
                        material.schoolId().toString(),
                        school.map(School::name).orElse(""),
                        school.map(s -> s.allianceId().toString()).orElse(""),
                        material.uploaderId() == null
                                ? null
                                : material.uploaderId().toString(),
                        Sharing.valueOf(material.sharing().name()),
                        material.fileName(),
                        material.contentType(),
                        material.createdAt())
                .withTextbook(
                        TextbookCodes.edition(textbook.edition()),
                        TextbookCodes.semester(textbook.semester()),
                        textbook.unit().orElse(null))
                .withDownloads(downloads.of(material.id()));
    }
}
