package org.lessoncommons.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lessoncommons.ingest.Drift.Action;
import org.lessoncommons.ingest.Drift.Kind;
import org.lessoncommons.storage.BlobStore;
import org.lessoncommons.storage.BlobStore.StoredObject;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.MaterialStatus;
import org.lessoncommons.storage.Materials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Compares PostgreSQL (the source of truth), the object store and the search index, reports every
 * drift and, when asked, repairs what is safe to repair: the index is corrected (see {@link
 * IndexConsistency}), a material whose bytes are gone or damaged is marked FAILED with the reason
 * (its row and metadata stay; it is then no longer reported), a material that fell out of the
 * queue is queued again, and an object no row refers to is deleted once it is older than the grace
 * period. Rows are never deleted.
 */
public class ConsistencyCheck {

    private static final Logger log = LoggerFactory.getLogger(ConsistencyCheck.class);
    static final String MISSING_REASON = "文件在对象存储中丢失，请重新上传";
    static final String DAMAGED_REASON = "存储的文件已损坏（大小或校验和不符），请重新上传";

    private final JdbcClient jdbc;
    private final Materials materials;
    private final BlobStore blobStore;
    private final IndexConsistency index;
    private final IngestQueue queue;
    private final OrphanObjects orphans;
    private final Clock clock;

    ConsistencyCheck(
            JdbcClient jdbc,
            Materials materials,
            BlobStore blobStore,
            IndexConsistency index,
            IngestQueue queue,
            OrphanObjects orphans,
            Clock clock) {
        this.jdbc = jdbc;
        this.materials = materials;
        this.blobStore = blobStore;
        this.index = index;
        this.queue = queue;
        this.orphans = orphans;
        this.clock = clock;
    }

    private record BlobRow(String sha256, String objectKey, long size) {}

    /** One pass over all three stores; with {@code repair}, repairs as it goes. */
    public ConsistencyReport check(boolean repair, boolean checksums) {
        Instant now = clock.instant();
        // Objects are listed before rows are read: an upload racing the check then shows at worst
        // as a young orphan (within grace), never as a row without bytes.
        Map<String, StoredObject> objects =
                blobStore.list("").collect(Collectors.toMap(StoredObject::key, o -> o, (a, b) -> a));
        Map<String, BlobRow> blobs = blobRows();
        List<Material> all = materials.findAll();
        List<Drift> drifts = new ArrayList<>();
        // Per blob, not per material: the same bytes uploaded by several schools are read once.
        Map<String, Optional<Damage>> damaged = new HashMap<>();
        for (Material material : all) {
            damaged.computeIfAbsent(material.sha256(), sha -> damage(blobs.get(sha), objects, checksums))
                    .filter(reason -> material.status() != MaterialStatus.FAILED
                            || !reason.reason().equals(material.failureReason()))
                    .ifPresent(damage -> {
                        if (repair) {
                            queue.complete(
                                    material.id(), MaterialStatus.FAILED, damage.reason(), material.contentType());
                        }
                        drifts.add(new Drift(
                                damage.kind(),
                                material.id().toString(),
                                damage.detail() + (repair ? "; marked FAILED" : ""),
                                repair ? Action.REPAIRED : Action.REPORTED));
                    });
        }
        drifts.addAll(notQueued(repair));
        drifts.addAll(orphans.find(
                objects.values(),
                blobs.values().stream().map(BlobRow::objectKey).collect(Collectors.toSet()),
                blobs.keySet(),
                now,
                repair));
        IndexConsistency.Result indexed = index.check(materials::findAll, repair);
        drifts.addAll(indexed.drifts());
        if (!drifts.isEmpty()) {
            log.warn("Consistency check found {} drifts (repair={}): {}", drifts.size(), repair, drifts);
        }
        return new ConsistencyReport(
                now, repair, checksums, all.size(), blobs.size(), objects.size(), indexed.documents(), drifts);
    }

    private record Damage(Kind kind, String detail, String reason) {}

    private Optional<Damage> damage(BlobRow blob, Map<String, StoredObject> objects, boolean checksums) {
        StoredObject object = objects.get(blob.objectKey());
        if (object == null) {
            return Optional.of(
                    new Damage(Kind.MISSING_OBJECT, "object " + blob.objectKey() + " is missing", MISSING_REASON));
        }
        if (object.size() != blob.size()) {
            return Optional.of(new Damage(
                    Kind.SIZE_MISMATCH,
                    "object " + blob.objectKey() + " has " + object.size() + " bytes, recorded " + blob.size(),
                    DAMAGED_REASON));
        }
        if (checksums) {
            String actual = sha256(blob.objectKey());
            if (!actual.equals(blob.sha256())) {
                return Optional.of(new Damage(
                        Kind.CHECKSUM_MISMATCH,
                        "object " + blob.objectKey() + " hashes to " + actual + ", recorded " + blob.sha256(),
                        DAMAGED_REASON));
            }
        }
        return Optional.empty();
    }

    /** One statement, so a job completed meanwhile cannot look missing. */
    private List<Drift> notQueued(boolean repair) {
        List<UUID> stuck = jdbc.sql("""
                        SELECT id FROM material m
                        WHERE status IN ('PENDING', 'EXTRACTING')
                          AND NOT EXISTS (SELECT 1 FROM ingest_job j WHERE j.material_id = m.id)
                        """).query(UUID.class).list();
        List<Drift> drifts = new ArrayList<>();
        for (UUID id : stuck) {
            if (repair) {
                queue.enqueue(id);
            }
            drifts.add(new Drift(
                    Kind.NOT_QUEUED,
                    id.toString(),
                    "waiting for extraction without a queued job" + (repair ? "; queued again" : ""),
                    repair ? Action.REPAIRED : Action.REPORTED));
        }
        return drifts;
    }

    private Map<String, BlobRow> blobRows() {
        return jdbc
                .sql("SELECT sha256, object_key, size_bytes FROM blob")
                .query((rs, row) -> new BlobRow(rs.getString(1).strip(), rs.getString(2), rs.getLong(3)))
                .list()
                .stream()
                .collect(Collectors.toMap(BlobRow::sha256, b -> b));
    }

    private String sha256(String key) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(blobStore.get(key), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + key + " back from the object store", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
