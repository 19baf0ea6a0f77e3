package org.lessoncommons.ingest;

import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.Blob;
import org.lessoncommons.storage.BlobStore;
import org.lessoncommons.storage.Blobs;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.MaterialStatus;
import org.lessoncommons.storage.Materials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Works through the ingest queue: extract → keep text → index → mark INDEXED. Every step is safe
 * to repeat, so a job retried after a crash indexes nothing twice (the index upserts by id).
 *
 * <p>Indexing (Chinese word segmentation costs about as much CPU as extraction) runs on a thread of
 * its own, so one document is analysed while the worker extracts the next: on two cores the Tika
 * child and the analyzer each keep one busy. At most one document waits for the indexer; beyond
 * that the worker indexes itself, which bounds the extracted texts held in memory.
 *
 * <p>A material is marked INDEXED (or FAILED) and its job dropped only once the index commit that
 * holds it is durable and searches see it (a group commit, within about a second, with one searcher
 * refresh for all its documents), so a crash before that commit leaves the job in the queue and
 * the material is indexed again.
 */
class IngestWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestWorker.class);

    private final IngestQueue queue;
    private final Materials materials;
    private final Blobs blobs;
    private final BlobStore blobStore;
    private final TextExtractor extractor;
    private final Indexing indexing;
    private final IngestProperties properties;
    private final Media media;
    private final Renditions renditions;
    private final Semaphore signal = new Semaphore(0);
    private final int threadCount;
    private volatile boolean running;
    private ExecutorService threads = Executors.newSingleThreadExecutor();
    private ExecutorService finisher = Executors.newSingleThreadExecutor();
    private ExecutorService indexer = Executors.newSingleThreadExecutor();
    private ExecutorService renderer = Executors.newSingleThreadExecutor();

    IngestWorker(
            IngestQueue queue,
            Materials materials,
            Blobs blobs,
            BlobStore blobStore,
            TextExtractor extractor,
            Indexing indexing,
            IngestProperties properties,
            Media media,
            Renditions renditions) {
        this.media = media;
        this.renditions = renditions;
        this.queue = queue;
        this.materials = materials;
        this.blobs = blobs;
        this.blobStore = blobStore;
        this.extractor = extractor;
        this.indexing = indexing;
        this.properties = properties;
        this.threadCount = properties.workers();
    }

    /** Tells idle workers there is new work, so they need not wait for the next poll. */
    void wake() {
        if (signal.availablePermits() < threadCount) {
            signal.release();
        }
    }

    @Override
    public void start() {
        int released = queue.releaseLeases();
        if (released > 0) {
            log.info("Released {} ingest jobs claimed before the last shutdown or crash", released);
        }
        running = true;
        AtomicInteger n = new AtomicInteger();
        threads = Executors.newFixedThreadPool(threadCount, r -> new Thread(r, "ingest-" + n.incrementAndGet()));
        finisher = Executors.newSingleThreadExecutor(r -> new Thread(r, "ingest-finish"));
        indexer = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1),
                r -> new Thread(r, "ingest-index"),
                new ThreadPoolExecutor.CallerRunsPolicy());
        // LibreOffice takes seconds a file: previews are made on a thread of their own, never in the
        // worker's way. A preview dropped (queue full, or a crash) leaves the extracted text shown.
        renderer = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10_000),
                r -> new Thread(r, "ingest-render"),
                (task, executor) -> log.warn("Preview queue full: a PDF preview is skipped"));
        for (int i = 0; i < threadCount; i++) {
            threads.submit(this::loop);
        }
    }

    /** Lets the current documents finish, commits the index and records their outcome. */
    @Override
    public void stop() {
        running = false;
        signal.release(threadCount);
        awaitTermination(threads);
        awaitTermination(indexer);
        awaitTermination(renderer);
        try {
            indexing.commit();
        } catch (RuntimeException e) {
            log.warn("Could not commit the search index at shutdown; its last documents are redone: {}", e.toString());
        }
        awaitTermination(finisher);
    }

    private static void awaitTermination(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
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
            Blob blob = blobs.findById(material.sha256()).orElseThrow();
            ExtractedText text;
            try (InputStream in = blobStore.get(blob.objectKey())) {
                text = extractor.extract(in, material.fileName());
            }
            // Reloaded: the teacher may have corrected the metadata while the text was being extracted.
            Material typed = materials.findById(id).orElse(material).withContentType(text.contentType());
            boolean media = Media.isMedia(material.contentType()) || Media.isMedia(text.contentType());
            String tagged = Media.isMedia(text.contentType())
                    ? describe(blob)
                            .map(info -> info.tags().appendTo(text.text()))
                            .orElse(text.text())
                    : text.text();
            // Sidecar subtitles come only with videos and audio: other materials skip the lookup.
            String body = (media ? indexing.subtitles(material) : Optional.<String>empty())
                    .map(lines -> tagged + "\n\n" + lines)
                    .orElse(tagged);
            indexing.keepText(typed, body);
            CompletableFuture<CompletionStage<Void>> written =
                    CompletableFuture.supplyAsync(() -> indexing.indexLater(typed, body), indexer);
            // A document the index refuses is retried with backoff like any other failed step.
            written.exceptionally(failure -> {
                giveUpOrRetry(job, material, failure instanceof CompletionException c ? c.getCause() : failure);
                return null;
            });
            completeWhenDurable(
                    written.thenCompose(stage -> stage), id, MaterialStatus.INDEXED, null, text.contentType());
            render(blob, typed, text.contentType());
        } catch (UnreadableDocument e) {
            // Still findable by its title and metadata, and still downloadable.
            completeWhenDurable(
                    indexing.indexLater(material, ""),
                    id,
                    MaterialStatus.FAILED,
                    e.getMessage(),
                    material.contentType());
        } catch (Exception e) {
            giveUpOrRetry(job, material, e);
        }
    }

    /** A PDF preview is a bonus too, made on the preview thread once the material is on its way into the index. */
    private void render(Blob blob, Material material, String contentType) {
        renderer.execute(() -> {
            try {
                renditions.render(blob, material, contentType);
            } catch (RuntimeException e) {
                log.warn("Could not make a PDF rendition of {}: {}", material.id(), e.getMessage());
            }
        });
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

    /**
     * Records the outcome once the index commit holding the material is durable; until then the
     * job stays leased. When the commit or the update fails, the job stays in the queue and is
     * redone after its lease (or at the next start).
     */
    private void completeWhenDurable(
            CompletionStage<Void> durable, UUID id, MaterialStatus status, @Nullable String reason, String type) {
        durable.whenCompleteAsync(
                (committed, failure) -> {
                    if (failure != null) {
                        log.warn("Material {} not committed to the index, to be redone: {}", id, failure.toString());
                        return;
                    }
                    try {
                        queue.complete(id, status, reason, type);
                    } catch (RuntimeException e) {
                        log.warn("Could not record material {} as {}, to be redone: {}", id, status, e.getMessage());
                    }
                },
                finisher);
    }

    private void giveUpOrRetry(IngestQueue.Job job, Material material, Throwable e) {
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (job.attempts() >= properties.maxAttempts()) {
            log.warn("Giving up on material {} after {} attempts: {}", material.id(), job.attempts(), reason);
            queue.complete(material.id(), MaterialStatus.FAILED, reason, material.contentType());
            return;
        }
        Duration delay = properties.retryBackoff().multipliedBy(1L << Math.min(job.attempts() - 1, 10));
        log.info("Material {} attempt {} failed, retrying in {}: {}", material.id(), job.attempts(), delay, reason);
        queue.retryLater(material.id(), delay, reason);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
