package org.lessoncommons.storage.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code postmaster.pid} a PostgreSQL server writes into its data directory: first line its
 * process id, fourth line its port. It outlives the server after a crash or a reboot.
 */
record PostmasterPidFile(Path file, long pid, int port) {

    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(15);

    static Optional<PostmasterPidFile> in(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PostmasterPidFile(
                    file,
                    Long.parseLong(lines.get(0).strip()),
                    Integer.parseInt(lines.get(3).strip())));
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            return Optional.of(new PostmasterPidFile(file, -1, -1));
        }
    }

    /** The server that wrote this file, if it still runs (not some other process given its id later). */
    Optional<ProcessHandle> postmaster() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info()
                        .command()
                        .map(c -> c.endsWith("postgres"))
                        .orElse(true));
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Asks for a shutdown (SIGTERM), then kills the server if it does not go. */
    static void stop(ProcessHandle postmaster) {
        postmaster.destroy();
        if (!exited(postmaster, SHUTDOWN_WAIT)) {
            postmaster.destroyForcibly();
            if (!exited(postmaster, SHUTDOWN_WAIT)) {
                throw new IllegalStateException("PostgreSQL server (pid " + postmaster.pid() + ") does not stop");
            }
        }
    }

    private static boolean exited(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL", e);
        }
    }
}
