package org.lessoncommons.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.lessoncommons.storage.BlobStore;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.MaterialStatus;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.storage.Schools;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts uploads. The file streams straight into the object store while its SHA-256 is computed
 * (nothing is held whole in memory); then its blob, material row and ingest job are saved in one
 * transaction. Extraction and indexing happen later, from the queue.
 */
public class Ingestion {

    private static final int SNIFF_BYTES = 64 * 1024;

    private final BlobStore blobStore;
    private final Materials materials;
    private final Schools schools;
    private final JdbcClient jdbc;
    private final IngestQueue queue;
    private final TransactionTemplate transaction;
    private final Detector detector;
    private final IngestProperties properties;
    private final Runnable wakeWorkers;
    private final Indexing indexingText;

    Ingestion(
            BlobStore blobStore,
            Materials materials,
            Schools schools,
            JdbcClient jdbc,
            IngestQueue queue,
            TransactionTemplate transaction,
            Detector detector,
            IngestProperties properties,
            Runnable wakeWorkers,
            Indexing indexingText) {
        this.indexingText = indexingText;
        this.blobStore = blobStore;
        this.materials = materials;
        this.schools = schools;
        this.jdbc = jdbc;
        this.queue = queue;
        this.transaction = transaction;
        this.detector = detector;
        this.properties = properties;
        this.wakeWorkers = wakeWorkers;
    }

    /**
     * Stores the upload and queues it for extraction. Returns once the bytes and the row are
     * durable; the material is then {@link MaterialStatus#PENDING}.
     *
     * @throws UnknownSchool when the school does not exist
     * @throws UploadTooLarge when the stream passes the size limit (nothing is kept)
     */
    public Material accept(Upload upload) {
        return accept(upload, false);
    }

    /**
     * As {@link #accept}, but refuses a file whose bytes its school already holds in a material that
     * is not deleted (a teacher uploading the same file twice); the same file from another school is
     * still accepted and stored once.
     *
     * @throws DuplicateUpload naming the school's existing material (nothing is kept)
     */
    public Material acceptNew(Upload upload) {
        return accept(upload, true);
    }

    private Material accept(Upload upload, boolean refuseDuplicate) {
        if (!schools.existsById(upload.schoolId())) {
            throw new UnknownSchool(upload.schoolId());
        }
        String key = "blobs/" + UUID.randomUUID();
        MessageDigest sha256 = sha256();
        SizeLimitedInputStream limited = new SizeLimitedInputStream(upload.content(), properties.maxUploadSize());
        var content = new BufferedInputStream(new DigestInputStream(limited, sha256), SNIFF_BYTES);
        String contentType = sniff(content, upload.fileName());
        try {
            blobStore.put(key, content, -1, contentType);
        } catch (RuntimeException e) {
            deleteQuietly(key, e);
            throw limited.exceeded() ? new UploadTooLarge(properties.maxUploadSize()) : e;
        }
        String hex = HexFormat.of().formatHex(sha256.digest());
        UUID id = UUID.randomUUID();
        Stored stored;
        try {
            // Before the row exists, so the worker never sees the video without its subtitles.
            if (upload.subtitles() != null) {
                indexingText.keepSubtitles(id, Subtitles.text(upload.subtitles()));
            }
            stored = transaction.execute(status -> {
                if (refuseDuplicate) {
                    refuseDuplicate(upload.schoolId(), hex);
                }
                return save(id, upload, key, hex, limited.count(), contentType);
            });
        } catch (RuntimeException e) {
            deleteQuietly(key, e);
            throw e;
        }
        if (!stored.blobIsNew()) {
            // Same bytes already stored (perhaps by another school): keep one copy.
            blobStore.delete(key);
        }
        wakeWorkers.run();
        return stored.material();
    }

    /**
     * Removes the bytes of an upload that failed. When the store is down this fails too; the
     * original error is what the uploader must see, and the consistency check removes the orphan.
     */
    private void deleteQuietly(String key, RuntimeException failure) {
        try {
            blobStore.delete(key);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void refuseDuplicate(UUID schoolId, String sha256) {
        jdbc.sql("""
                        SELECT id FROM material
                        WHERE sha256 = :sha AND school_id = :school AND deleted_at IS NULL
                        ORDER BY created_at LIMIT 1
                        """)
                .param("sha", sha256)
                .param("school", schoolId)
                .query(UUID.class)
                .optional()
                .ifPresent(existing -> {
                    throw new DuplicateUpload(existing);
                });
    }

    private record Stored(Material material, boolean blobIsNew) {}

    private Stored save(UUID id, Upload upload, String key, String sha256, long size, String contentType) {
        boolean blobIsNew = jdbc.sql("""
                                INSERT INTO blob (sha256, object_key, size_bytes, content_type)
                                VALUES (:sha256, :key, :size, :type) ON CONFLICT (sha256) DO NOTHING
                                """)
                        .param("sha256", sha256)
                        .param("key", key)
                        .param("size", size)
                        .param("type", contentType)
                        .update()
                == 1;
        Instant now = Instant.now();
        Material material = materials.save(new Material(
                id,
                upload.schoolId(),
                upload.uploaderId(),
                upload.effectiveTitle(),
                upload.description(),
                upload.subject(),
                upload.grade(),
                upload.resourceType(),
                upload.fileName(),
                contentType,
                size,
                sha256,
                MaterialStatus.PENDING,
                null,
                now,
                now,
                upload.sharing(),
                null,
                null));
        queue.enqueue(material.id());
        return new Stored(material, blobIsNew);
    }

    /** Detects the type from the first bytes and the name; the extension alone is not trusted. */
    private String sniff(BufferedInputStream content, String fileName) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        try {
            return detector.detect(content, metadata).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
