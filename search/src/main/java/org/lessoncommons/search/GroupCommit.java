package org.lessoncommons.search;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits an {@link IndexWriter} for many writes at once, on a thread of its own. A write is
 * registered after Lucene has taken it and gets a stage that completes once a commit holding it
 * has returned: {@link IndexWriter#commit()} holds every change made before it began, and a
 * registered write is only completed by a commit that began after its registration, and only
 * after what follows every commit (the index refreshes its searcher there).
 *
 * <p>A commit comes when writes pause for {@link Timing#idle()}, at the latest {@link
 * Timing#maxDelay()} after the oldest write not yet committed, on {@link #commitNow()} and on
 * {@link #close()}.
 */
final class GroupCommit implements Closeable {

    /**
     * @param idle commit once no write came for this long
     * @param maxDelay never leave a write uncommitted for longer than this while writes keep coming
     */
    record Timing(Duration idle, Duration maxDelay) {

        static final Timing DEFAULT = new Timing(Duration.ofMillis(50), Duration.ofSeconds(1));
    }

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** What has to happen once a commit returned, before its writes count as done. */
    @FunctionalInterface
    interface AfterCommit {
        void run() throws IOException;
    }

    private final IndexWriter writer;
    private final Timing timing;
    private final AfterCommit afterCommit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private final Thread committer;
    private List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private long oldestNanos;
    private long newestNanos;
    private boolean closed;

    GroupCommit(IndexWriter writer, Timing timing, AfterCommit afterCommit) {
        this.writer = writer;
        this.timing = timing;
        this.afterCommit = afterCommit;
        this.committer =
                Thread.ofPlatform().daemon().name("search-index-commit").start(this::commitWhenDue);
    }

    /** Registers a change Lucene has already taken; the stage completes when it is committed. */
    CompletionStage<Void> register() {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        lock.lock();
        try {
            if (closed) {
                throw new AlreadyClosedException("The search index is closed");
            }
            long now = System.nanoTime();
            if (waiting.isEmpty()) {
                oldestNanos = now;
            }
            newestNanos = now;
            waiting.add(durable);
            written.signal();
        } finally {
            lock.unlock();
        }
        return durable.minimalCompletionStage();
    }

    /** Commits now everything Lucene has taken so far. */
    void commitNow() throws IOException {
        List<CompletableFuture<Void>> batch;
        lock.lock();
        try {
            batch = waiting;
            waiting = new ArrayList<>();
        } finally {
            lock.unlock();
        }
        try {
            writer.commit();
            afterCommit.run();
        } catch (IOException | RuntimeException e) {
            batch.forEach(durable -> durable.completeExceptionally(e));
            throw e;
        }
        batch.forEach(durable -> durable.complete(null));
    }

    /** Stops the commit thread after a last commit. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            closed = true;
            written.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            committer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commitNow();
    }

    private void commitWhenDue() {
        while (awaitDue()) {
            try {
                commitNow();
            } catch (IOException | RuntimeException e) {
                log.warn("Could not commit the search index; its writes will be redone: {}", e.toString());
            }
        }
    }

    /** Waits until a commit is due; false once closed. */
    private boolean awaitDue() {
        lock.lock();
        try {
            while (!closed) {
                if (waiting.isEmpty()) {
                    written.await();
                    continue;
                }
                long due = Math.min(
                        newestNanos + timing.idle().toNanos(),
                        oldestNanos + timing.maxDelay().toNanos());
                long left = due - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                written.awaitNanos(left);
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
