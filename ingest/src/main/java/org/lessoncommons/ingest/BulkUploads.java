package org.lessoncommons.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.Subject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Imports a ZIP of a whole folder, file by file, recording what became of each so the uploader can
 * watch progress. One bad file never stops the rest. Entry names are only ever metadata (never
 * paths), so a name like {@code ../../x} cannot escape anywhere; zip bombs are stopped by entry
 * count, expansion ratio and total size while streaming.
 */
public class BulkUploads implements AutoCloseable {

    static final int MAX_ENTRIES = 5000;
    static final long MAX_RATIO = 200;
    static final long RATIO_GRACE_BYTES = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(BulkUploads.class);

    private final Ingestion ingestion;
    private final MetadataInference inference;
    private final JdbcClient jdbc;
    private final long maxTotalBytes;
    private final ExecutorService imports = Executors.newSingleThreadExecutor(r -> new Thread(r, "bulk-upload"));

    BulkUploads(Ingestion ingestion, MetadataInference inference, JdbcClient jdbc, long maxTotalBytes) {
        this.ingestion = ingestion;
        this.inference = inference;
        this.jdbc = jdbc;
        this.maxTotalBytes = maxTotalBytes;
    }

    /** Records the batch and imports it in the background; returns the id to poll. */
    public UUID start(BulkUpload upload) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO upload_batch (id, school_id, file_name) VALUES (:id, :school, :name)")
                .param("id", id)
                .param("school", upload.schoolId())
                .param("name", FileNames.clean(upload.fileName()))
                .update();
        imports.submit(() -> run(id, upload));
        return id;
    }

    public Optional<BatchProgress> progress(UUID id) {
        List<BatchProgress.Item> items = jdbc.sql("""
                        SELECT position, entry_name, outcome, material_id, duplicate_of, message
                        FROM upload_batch_item WHERE batch_id = :id ORDER BY position
                        """)
                .param("id", id)
                .query((rs, n) -> new BatchProgress.Item(
                        rs.getInt("position"),
                        rs.getString("entry_name"),
                        rs.getString("outcome"),
                        rs.getObject("material_id", UUID.class),
                        rs.getObject("duplicate_of", UUID.class),
                        rs.getString("message")))
                .list();
        return jdbc.sql("SELECT * FROM upload_batch WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new BatchProgress(
                        id,
                        rs.getObject("school_id", UUID.class),
                        rs.getString("file_name"),
                        rs.getString("status"),
                        rs.getString("message"),
                        rs.getInt("total"),
                        items,
                        rs.getTimestamp("created_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("finished_at"))
                                .map(java.sql.Timestamp::toInstant)
                                .orElse(null)))
                .optional();
    }

    private void run(UUID id, BulkUpload upload) {
        try (ZipFile zip = ZipArchives.open(upload.zip())) {
            if (zip.size() > MAX_ENTRIES) {
                finish(id, "FAILED", "压缩包内文件过多（" + zip.size() + " 个，上限 " + MAX_ENTRIES + "）");
                return;
            }
            List<? extends ZipEntry> entries = zip.stream().toList();
            jdbc.sql("UPDATE upload_batch SET total = :n WHERE id = :id")
                    .param("n", entries.size())
                    .param("id", id)
                    .update();
            Budget budget = new Budget(maxTotalBytes);
            int position = 0;
            for (ZipEntry entry : entries) {
                record(id, position++, entry.getName(), importEntry(zip, entry, upload, budget));
            }
            finish(id, "DONE", null);
        } catch (IOException | RuntimeException e) {
            log.warn("Bulk upload {} failed: {}", id, e.toString());
            finish(id, "FAILED", "无法读取压缩包：" + e.getMessage());
        } finally {
            delete(upload);
        }
    }

    private record Outcome(
            String outcome,
            @Nullable UUID materialId,
            @Nullable UUID duplicateOf,
            @Nullable String message) {

        static Outcome rejected(String message) {
            return new Outcome("REJECTED", null, null, message);
        }
    }

    private Outcome importEntry(ZipFile zip, ZipEntry entry, BulkUpload upload, Budget budget) {
        String name = entry.getName();
        if (ZipArchives.isClutter(name)) {
            return new Outcome("SKIPPED", null, null, null);
        }
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        String folder = name.contains("/") ? name.substring(0, name.lastIndexOf('/')) : "";
        ProposedMetadata proposed = inference.infer(fileName, folder, "");
        Optional<Subject> subject = proposed.subject().or(() -> Optional.ofNullable(upload.defaultSubject()));
        Optional<Grade> grade = proposed.grade().or(() -> Optional.ofNullable(upload.defaultGrade()));
        if (grade.isEmpty()) {
            return Outcome.rejected("无法从文件夹或文件名判断年级，请在上传时选择默认年级");
        }
        ResourceType type = proposed.resourceType()
                .or(() -> Optional.ofNullable(upload.defaultType()))
                .orElse(ResourceType.OTHER);
        Guarded content;
        try {
            content = new Guarded(zip.getInputStream(entry), entry.getCompressedSize(), budget);
        } catch (IOException e) {
            return Outcome.rejected("无法解压：" + e.getMessage());
        }
        try (content) {
            Material material = ingestion.accept(new Upload(
                    fileName,
                    content,
                    upload.schoolId(),
                    upload.uploaderId(),
                    null,
                    folder.isEmpty() ? "" : "来自压缩包 " + upload.fileName() + "：" + folder,
                    subject.orElse(Subject.OTHER),
                    grade.get(),
                    type,
                    null,
                    upload.sharing()));
            return new Outcome("ACCEPTED", material.id(), earlierCopy(material).orElse(null), null);
        } catch (UploadTooLarge e) {
            return Outcome.rejected(e.getMessage());
        } catch (RuntimeException | IOException e) {
            if (content.bomb()) {
                return Outcome.rejected("解压后体积异常（压缩比超过 " + MAX_RATIO + "），疑似压缩炸弹，已跳过");
            }
            if (budget.exhausted()) {
                return Outcome.rejected("压缩包解压后总大小超过上限，其余文件未导入");
            }
            return Outcome.rejected("导入失败：" + e.getMessage());
        }
    }

    private Optional<UUID> earlierCopy(Material material) {
        return jdbc.sql("""
                        SELECT id FROM material WHERE sha256 = :sha AND id <> :id ORDER BY created_at LIMIT 1
                        """)
                .param("sha", material.sha256())
                .param("id", material.id())
                .query(UUID.class)
                .optional();
    }

    private void record(UUID batch, int position, String name, Outcome o) {
        jdbc.sql("""
                        INSERT INTO upload_batch_item (batch_id, position, entry_name, outcome, material_id, duplicate_of, message)
                        VALUES (:batch, :position, :name, :outcome, :material, :duplicate, :message)
                        """)
                .param("batch", batch)
                .param("position", position)
                .param("name", name)
                .param("outcome", o.outcome())
                .param("material", o.materialId())
                .param("duplicate", o.duplicateOf())
                .param("message", o.message())
                .update();
    }

    private void finish(UUID id, String status, @Nullable String message) {
        jdbc.sql("UPDATE upload_batch SET status = :status, message = :message, finished_at = now() WHERE id = :id")
                .param("id", id)
                .param("status", status)
                .param("message", message)
                .update();
    }

    private static void delete(BulkUpload upload) {
        try {
            Files.deleteIfExists(upload.zip());
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", upload.zip(), e.getMessage());
        }
    }

    /** A batch that was running when the app stopped will not resume: say so instead of hanging. */
    @EventListener(ApplicationReadyEvent.class)
    void markInterrupted() {
        jdbc.sql("""
                        UPDATE upload_batch SET status = 'INTERRUPTED', finished_at = now(),
                               message = '服务重启时导入中断，已导入的文件不受影响；请重新上传剩余文件'
                        WHERE status = 'RUNNING' AND created_at < :started
                        """).param("started", java.sql.Timestamp.from(Instant.now())).update();
    }

    @Override
    public void close() {
        imports.shutdownNow();
    }

    /** Bytes the whole archive may still expand to. */
    private static final class Budget {
        private long left;
        private boolean exhausted;

        Budget(long total) {
            this.left = total;
        }

        void spend(long n) throws IOException {
            left -= n;
            if (left < 0) {
                exhausted = true;
                throw new IOException("archive expands beyond its size budget");
            }
        }

        boolean exhausted() {
            return exhausted;
        }
    }

    /** One entry's stream, stopped as soon as it expands suspiciously or the budget runs out. */
    private static final class Guarded extends FilterInputStream {
        private final long compressed;
        private final Budget budget;
        private long read;
        private boolean bomb;

        Guarded(InputStream in, long compressed, Budget budget) {
            super(in);
            this.compressed = Math.max(compressed, 1);
            this.budget = budget;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws IOException {
            read += n;
            budget.spend(n);
            if (read > RATIO_GRACE_BYTES && read / compressed > MAX_RATIO) {
                bomb = true;
                throw new IOException("entry expands more than " + MAX_RATIO + " times");
            }
        }

        boolean bomb() {
            return bomb;
        }
    }
}
