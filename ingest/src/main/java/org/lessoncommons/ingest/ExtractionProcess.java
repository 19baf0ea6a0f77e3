package org.lessoncommons.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.ExtractionProtocol.Reply;
import org.lessoncommons.ingest.ExtractionProtocol.Request;
import org.lessoncommons.ingest.ExtractionProtocol.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One child JVM running {@link ExtractionServer}, used by one thread at a time. A watchdog kills
 * it (and any {@code tesseract} it started) when a document takes longer than the timeout.
 */
final class ExtractionProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExtractionProcess.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final int OUT_OF_MEMORY_EXIT_CODE = 3;
    private static final ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, r -> {
        Thread thread = new Thread(r, "extraction-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    static {
        watchdog.setRemoveOnCancelPolicy(true);
    }

    private final Process process;
    private final DataOutputStream requests;
    private final DataInputStream replies;
    private volatile boolean killed;
    private int documents;

    private ExtractionProcess(Process process) {
        this.process = process;
        this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.replies = new DataInputStream(new BufferedInputStream(process.getInputStream()));
    }

    /**
     * Starts a child and waits until its parser is loaded. The child gets a temporary directory of
     * its own, deleted when it exits, so the files Tika and Tesseract leave behind when the child
     * is killed do not pile up.
     */
    static ExtractionProcess start(List<String> command) throws IOException {
        Path tmp = Files.createTempDirectory("lessoncommons-extraction-");
        List<String> withTmp = new ArrayList<>(command);
        withTmp.add(1, "-Djava.io.tmpdir=" + tmp);
        Process process;
        try {
            process = new ProcessBuilder(withTmp).start();
        } catch (IOException e) {
            deleteTree(tmp);
            throw e;
        }
        process.onExit().thenRun(() -> deleteTree(tmp));
        ExtractionProcess child = new ExtractionProcess(process);
        ExtractionStderr.drain(process);
        try {
            Reply ready = child.exchange(null, STARTUP_TIMEOUT, 1024);
            if (ready.status() != Status.READY) {
                child.kill();
                throw new IOException("Extraction process " + process.pid() + " answered " + ready.status());
            }
        } catch (ExtractionFailed e) {
            throw new IOException("Extraction process " + process.pid() + " did not start: " + e.getMessage(), e);
        }
        return child;
    }

    /** The reply to {@code request}; on failure this child is dead or being killed. */
    Reply extract(Request request, Duration timeout) throws ExtractionFailed {
        documents++;
        return exchange(request, timeout, ExtractionProtocol.maxReplyBytes(request.maxChars()));
    }

    private Reply exchange(@Nullable Request request, Duration timeout, int maxReplyBytes) throws ExtractionFailed {
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> alarm = watchdog.schedule(
                () -> {
                    timedOut.set(true);
                    kill();
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            if (request != null) {
                ExtractionProtocol.write(requests, request);
            }
            return ExtractionProtocol.readReply(replies, maxReplyBytes);
        } catch (IOException e) {
            throw new ExtractionFailed(
                    timedOut.get() ? "extraction timed out after " + seconds(timeout) + " s" : crashReason(e), e);
        } finally {
            if (!alarm.cancel(false)) {
                kill();
            }
        }
    }

    private String crashReason(IOException e) {
        if (e instanceof ExtractionProtocol.MalformedFrame) {
            kill();
            return "extraction process sent a malformed reply (" + e.getMessage() + ")";
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill();
                return "extraction process stopped answering (" + e.getMessage() + ")";
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            kill();
            return "extraction process was abandoned (interrupted)";
        }
        int code = process.exitValue();
        if (code == OUT_OF_MEMORY_EXIT_CODE) {
            return "extraction process crashed (exit code 3: out of memory)";
        }
        if (code > 128) {
            return "extraction process crashed (exit code " + code + ": killed by signal " + (code - 128) + ")";
        }
        return "extraction process crashed (exit code " + code + ")";
    }

    long pid() {
        return process.pid();
    }

    int documents() {
        return documents;
    }

    boolean usable() {
        return !killed && process.isAlive();
    }

    /** Kills the child and everything it started, at once. */
    void kill() {
        killed = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Lets the child finish: it exits when its stdin closes. */
    @Override
    public void close() {
        try {
            requests.close();
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                return;
            }
        } catch (IOException e) {
            // Already gone.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete {}: {}", dir, e.getMessage());
        }
    }

    private static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }
}
