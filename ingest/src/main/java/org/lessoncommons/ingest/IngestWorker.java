package org.lessoncommons.ingest;

import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.lessoncommons.storage.Blob;
import org.lessoncommons.storage.BlobStore;
import org.lessoncommons.storage.Blobs;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.MaterialStatus;
import org.lessoncommons.storage.Materials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Works through the ingest queue: extract → keep text → index → mark INDEXED. Every step is safe
 * to repeat, so a job retried after a crash indexes nothing twice (the index upserts by id).
 */
class IngestWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestWorker.class);

    private final IngestQueue queue;
    private final Materials materials;
    private final Blobs blobs;
    private final BlobStore blobStore;
    private final TextExtractor extractor;
    private final Indexing indexing;
    private final JdbcClient jdbc;
    private final IngestProperties properties;
    private final Media media;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private ExecutorService threads = Executors.newSingleThreadExecutor();

    IngestWorker(
            IngestQueue queue,
            Materials materials,
            Blobs blobs,
            BlobStore blobStore,
            TextExtractor extractor,
            Indexing indexing,
            JdbcClient jdbc,
            IngestProperties properties,
            Media media) {
        this.media = media;
        this.queue = queue;
        this.materials = materials;
        this.blobs = blobs;
        this.blobStore = blobStore;
        this.extractor = extractor;
        this.indexing = indexing;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Tells idle workers there is new work, so they need not wait for the next poll. */
    void wake() {
        if (signal.availablePermits() < properties.workers()) {
            signal.release();
        }
    }

    @Override
    public void start() {
        running = true;
        AtomicInteger n = new AtomicInteger();
        threads =
                Executors.newFixedThreadPool(properties.workers(), r -> new Thread(r, "ingest-" + n.incrementAndGet()));
        for (int i = 0; i < properties.workers(); i++) {
            threads.submit(this::loop);
        }
    }

    @Override
    public void stop() {
        running = false;
        signal.release(properties.workers());
        threads.shutdown();
        try {
            if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                var job = queue.claim();
                if (job.isPresent()) {
                    run(job.get());
                } else {
                    signal.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Ingest queue unavailable, retrying: {}", e.getMessage());
                sleep(properties.pollInterval());
            }
        }
    }

    void run(IngestQueue.Job job) {
        UUID id = job.materialId();
        var found = materials.findById(id);
        if (found.isEmpty()) {
            queue.complete(id);
            return;
        }
        Material material = found.get();
        try {
            mark(id, MaterialStatus.EXTRACTING, null, material.contentType());
            Blob blob = blobs.findById(material.sha256()).orElseThrow();
            ExtractedText text;
            try (InputStream in = blobStore.get(blob.objectKey())) {
                text = extractor.extract(in, material.fileName());
            }
            // Reloaded: the teacher may have corrected the metadata while the text was being extracted.
            Material typed = materials.findById(id).orElse(material).withContentType(text.contentType());
            String tagged = Media.isMedia(text.contentType())
                    ? describe(blob)
                            .map(info -> info.tags().appendTo(text.text()))
                            .orElse(text.text())
                    : text.text();
            String body = indexing.subtitles(material)
                    .map(lines -> tagged + "\n\n" + lines)
                    .orElse(tagged);
            indexing.keepText(typed, body);
            indexing.index(typed, body);
            finish(id, MaterialStatus.INDEXED, null, text.contentType());
        } catch (UnreadableDocument e) {
            // Still findable by its title and metadata, and still downloadable.
            indexing.index(material, "");
            finish(id, MaterialStatus.FAILED, e.getMessage(), material.contentType());
        } catch (Exception e) {
            giveUpOrRetry(job, material, e);
        }
    }

    /** Poster, duration and tags are a bonus: a video without them is still searchable and playable. */
    private Optional<MediaInfo> describe(Blob blob) {
        try {
            return media.describe(blob);
        } catch (RuntimeException e) {
            log.warn("Could not describe media {}: {}", blob.sha256(), e.getMessage());
            return Optional.empty();
        }
    }

    private void giveUpOrRetry(IngestQueue.Job job, Material material, Exception e) {
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (job.attempts() >= properties.maxAttempts()) {
            log.warn("Giving up on material {} after {} attempts: {}", material.id(), job.attempts(), reason);
            finish(material.id(), MaterialStatus.FAILED, reason, material.contentType());
            return;
        }
        Duration delay = properties.retryBackoff().multipliedBy(1L << Math.min(job.attempts() - 1, 10));
        log.info("Material {} attempt {} failed, retrying in {}: {}", material.id(), job.attempts(), delay, reason);
        mark(material.id(), MaterialStatus.PENDING, reason, material.contentType());
        queue.retryLater(material.id(), delay, reason);
    }

    private void finish(UUID id, MaterialStatus status, String reason, String contentType) {
        mark(id, status, reason, contentType);
        queue.complete(id);
    }

    private void mark(UUID id, MaterialStatus status, @org.jspecify.annotations.Nullable String reason, String type) {
        jdbc.sql("""
                        UPDATE material SET status = :status, failure_reason = :reason, content_type = :type,
                               updated_at = now(), version = version + 1
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("status", status.name())
                .param("reason", reason)
                .param("type", type)
                .update();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
