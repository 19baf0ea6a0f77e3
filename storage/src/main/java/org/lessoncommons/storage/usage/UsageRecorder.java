package org.lessoncommons.storage.usage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Takes usage events from requests without making them wait: {@link #record} only offers the event
 * to a bounded in-memory queue, and one background thread writes the queue to the database in JDBC
 * batches. A full queue drops the event (counted, and logged at most every few seconds) rather than
 * slow a request down or grow the heap; on shutdown the queue is written out before the database
 * goes away.
 */
@Component
public class UsageRecorder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UsageRecorder.class);
    private static final long DROP_LOG_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();
    private static final Duration TICK = Duration.ofMillis(100);
    private static final int WRITE_ATTEMPTS = 3;

    private final UsageEvents events;
    private final UsageSettings settings;
    private final BlockingQueue<UsageEvent> queue;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong lastDropLog = new AtomicLong(System.nanoTime() - DROP_LOG_INTERVAL_NANOS);
    private volatile boolean running;
    private volatile @Nullable Thread writer;

    public UsageRecorder(UsageEvents events, UsageSettings settings) {
        this.events = events;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    }

    /** What happened to the events so far. */
    public record Stats(long accepted, long written, long dropped, long failed, long batches) {}

    /** Never blocks; {@code false} if the event was dropped because the queue is full. */
    public boolean record(UsageEvent event) {
        if (queue.offer(event)) {
            accepted.incrementAndGet();
            return true;
        }
        long total = dropped.incrementAndGet();
        long now = System.nanoTime();
        long last = lastDropLog.get();
        if (now - last >= DROP_LOG_INTERVAL_NANOS && lastDropLog.compareAndSet(last, now)) {
            log.warn(
                    "Usage queue full ({} waiting): dropped a {} event, {} dropped since start",
                    settings.queueCapacity(),
                    event.kind(),
                    total);
        }
        return false;
    }

    public Stats stats() {
        return new Stats(accepted.get(), written.get(), dropped.get(), failed.get(), batches.get());
    }

    /** Waits until every event accepted so far is written (or failed); {@code false} on timeout. */
    public boolean awaitWritten(Duration timeout) throws InterruptedException {
        long target = accepted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (written.get() + failed.get() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        writer = Thread.ofPlatform().name("usage-writer").daemon().start(this::drain);
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread thread = writer;
        if (thread == null) {
            return;
        }
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer = null;
        log.info("Usage recorder stopped: {}", stats());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server takes requests and stops after it stopped taking them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 8192;
    }

    private void drain() {
        List<UsageEvent> batch = new ArrayList<>(settings.batchSize());
        long due = 0;
        while (running) {
            UsageEvent next;
            try {
                next = queue.poll(TICK.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (next != null) {
                if (batch.isEmpty()) {
                    due = System.nanoTime() + settings.flushInterval().toNanos();
                }
                batch.add(next);
                queue.drainTo(batch, settings.batchSize() - batch.size());
            }
            if (batch.size() >= settings.batchSize() || !batch.isEmpty() && System.nanoTime() >= due) {
                write(batch);
            }
        }
        // Shutting down: whatever is still waiting is written now, in full batches.
        do {
            queue.drainTo(batch, settings.batchSize() - batch.size());
            write(batch);
        } while (!queue.isEmpty());
    }

    private void write(List<UsageEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                events.insertAll(batch);
                written.addAndGet(batch.size());
                batches.incrementAndGet();
                break;
            } catch (DataAccessException e) {
                if (attempt == WRITE_ATTEMPTS) {
                    failed.addAndGet(batch.size());
                    log.warn(
                            "Could not write {} usage events after {} attempts: {}",
                            batch.size(),
                            attempt,
                            e.getMessage());
                    break;
                }
                pause(attempt);
            }
        }
        batch.clear();
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(200L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
