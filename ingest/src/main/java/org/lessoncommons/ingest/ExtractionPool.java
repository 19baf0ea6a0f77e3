package org.lessoncommons.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.lessoncommons.ingest.ExtractionProtocol.Reply;
import org.lessoncommons.ingest.ExtractionProtocol.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Up to {@link ExtractionSettings#processes()} children, each parsing one document at a time, so a
 * crash is always the fault of the one document its child was parsing. Children start on first
 * use, and a dead, killed or worn-out child is replaced by a fresh one on the next document.
 *
 * <p>Extractors with equal settings share one pool, which stops its children when the last of
 * them is released: a child JVM costs seconds to start and about 130 MB, too much to spend on
 * every short-lived extractor.
 */
final class ExtractionPool {

    private static final Logger log = LoggerFactory.getLogger(ExtractionPool.class);
    private static final Map<ExtractionSettings, ExtractionPool> shared = new HashMap<>();

    private final ExtractionSettings settings;
    private final List<String> command;
    private final Semaphore slots;
    private final Deque<ExtractionProcess> idle = new ArrayDeque<>();
    private final Set<ExtractionProcess> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private int users;

    private ExtractionPool(ExtractionSettings settings) {
        this.settings = settings;
        this.command = ExtractionCommand.of(settings);
        this.slots = new Semaphore(settings.processes(), true);
    }

    /** The pool for {@code settings}; give it back with {@link #release()}. */
    static ExtractionPool acquire(ExtractionSettings settings) {
        synchronized (shared) {
            ExtractionPool pool = shared.computeIfAbsent(settings, ExtractionPool::new);
            pool.users++;
            return pool;
        }
    }

    /** Stops the children once every user has released the pool. */
    void release() {
        synchronized (shared) {
            if (--users > 0) {
                return;
            }
            shared.remove(settings, this);
        }
        stop();
    }

    /**
     * @throws ExtractionFailed the document could not be extracted
     * @throws UncheckedIOException no child could be started
     * @throws IllegalStateException the pool was closed
     */
    Reply extract(Request request) throws ExtractionFailed {
        acquireSlot();
        try {
            ExtractionProcess process = take();
            try {
                Reply reply = process.extract(request, settings.timeout());
                giveBack(process);
                return reply;
            } catch (ExtractionFailed | RuntimeException e) {
                discard(process);
                if (closed) {
                    throw new IllegalStateException("Text extraction was shut down", e);
                }
                log.warn("Extraction process {} failed on {}: {}", process.pid(), request.fileName(), e.getMessage());
                throw e;
            }
        } finally {
            slots.release();
        }
    }

    /** Process ids of the children alive now, for tests. */
    List<Long> processIds() {
        return live.stream().map(ExtractionProcess::pid).sorted().toList();
    }

    private void stop() {
        closed = true;
        synchronized (idle) {
            idle.forEach(ExtractionProcess::close);
            idle.clear();
        }
        live.forEach(ExtractionProcess::kill);
        live.clear();
    }

    private void acquireSlot() {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an extraction process", e);
        }
    }

    private ExtractionProcess take() {
        synchronized (idle) {
            for (ExtractionProcess process = idle.pollFirst(); process != null; process = idle.pollFirst()) {
                if (process.usable()) {
                    return process;
                }
                discard(process);
            }
        }
        if (closed) {
            throw new IllegalStateException("Text extraction was shut down");
        }
        try {
            ExtractionProcess process = ExtractionProcess.start(command);
            live.add(process);
            if (closed) {
                discard(process);
                throw new IllegalStateException("Text extraction was shut down");
            }
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void giveBack(ExtractionProcess process) {
        if (process.usable() && process.documents() < settings.documentsPerProcess()) {
            synchronized (idle) {
                if (!closed) {
                    idle.addFirst(process);
                    return;
                }
            }
        }
        live.remove(process);
        process.close();
    }

    private void discard(ExtractionProcess process) {
        live.remove(process);
        process.kill();
    }
}
