package org.lessoncommons.storage.embedded;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server an earlier process started on a data directory and left behind: reused when it
 * answers for that directory, stopped otherwise, and forgotten (its {@code postmaster.pid} removed)
 * when the process that file names is gone or is no PostgreSQL.
 */
final class LeftoverPostmaster {

    private static final Duration ANSWER_WAIT = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

    private LeftoverPostmaster() {}

    /**
     * The port of a server left running on {@code data} that can be reused for a start on {@code
     * port} (0 for any); empty when PostgreSQL must be started, after clearing what was left.
     */
    static OptionalInt reusablePort(Path data, int port) throws IOException {
        try (FileChannel channel = FileChannel.open(data.resolve("epg-lock"), CREATE, WRITE);
                FileLock lock = lock(channel, data)) {
            Optional<PostmasterPidFile> pidFile = PostmasterPidFile.in(data);
            if (pidFile.isEmpty()) {
                return OptionalInt.empty();
            }
            Optional<ProcessHandle> postmaster = pidFile.get().postmaster();
            if (postmaster.isPresent()) {
                int runningPort = pidFile.get().port();
                if ((port == 0 || port == runningPort) && answers(runningPort, data)) {
                    log.info("Reusing PostgreSQL left running in {} on port {}", data, runningPort);
                    return OptionalInt.of(runningPort);
                }
                log.warn(
                        "Stopping PostgreSQL left running in {} (pid {})",
                        data,
                        postmaster.get().pid());
                PostmasterPidFile.stop(postmaster.get());
            }
            pidFile.get().delete();
            return OptionalInt.empty();
        }
    }

    private static FileLock lock(FileChannel channel, Path data) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("PostgreSQL in " + data + " is already open in this JVM", e);
        }
        throw new IllegalStateException("PostgreSQL in " + data + " is in use by another process");
    }

    private static boolean answers(int port, Path data) {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setUrl("jdbc:postgresql://localhost:" + port + "/postgres");
        postgres.setUser("postgres");
        postgres.setConnectTimeout(2);
        postgres.setSocketTimeout(5);
        long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
        do {
            try (Connection connection = postgres.getConnection();
                    Statement statement = connection.createStatement()) {
                return servesDirectory(statement, data);
            } catch (SQLException | IOException e) {
                log.debug("PostgreSQL on port {} does not answer yet", port, e);
            }
            pause();
        } while (System.nanoTime() < deadline);
        return false;
    }

    static boolean servesDirectory(Statement statement, Path data) throws SQLException, IOException {
        try (ResultSet directory = statement.executeQuery("SELECT current_setting('data_directory')")) {
            return directory.next()
                    && Path.of(directory.getString(1)).toRealPath().equals(data.toRealPath());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PostgreSQL", e);
        }
    }
}
