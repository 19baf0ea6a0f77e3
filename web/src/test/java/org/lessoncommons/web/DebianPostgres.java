package org.lessoncommons.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A scratch PostgreSQL 15 cluster of Debian's {@code postgresql} package, run as the
 * {@code postgres} user, with password authentication for the user {@value #USER}: the server the
 * backup drill dumps from and restores into with Debian's own {@code pg_dump} and {@code pg_restore}
 * (the embedded PostgreSQL 17 is newer than those tools accept).
 */
final class DebianPostgres implements AutoCloseable {

    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    static final String USER = "app";
    static final String PASSWORD = "backup-drill-2026";
    static final String DATABASE = "lessoncommons";

    private final Path dir;
    private final int port;

    private DebianPostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(BIN.resolve("pg_dump")) && Files.isExecutable(BIN.resolve("initdb"));
    }

    /** A new cluster in {@code dir} on {@code port}; {@code createDatabase} adds an empty {@value #DATABASE}. */
    static DebianPostgres start(Path dir, int port, boolean createDatabase) {
        DebianPostgres cluster = new DebianPostgres(dir.toAbsolutePath(), port);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("pw"), PASSWORD);
            run(List.of("chown", "-R", "postgres", dir.toString()));
            cluster.asPostgres(
                    "initdb",
                    "-D",
                    dir.resolve("data").toString(),
                    "-U",
                    USER,
                    "--pwfile=" + dir.resolve("pw"),
                    "-A",
                    "scram-sha-256",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                    "--no-sync");
            // A Unix socket path may not exceed 107 bytes, which a deep checkout's target folder can.
            Path sockets = Files.createTempDirectory("pg-");
            sockets.toFile().deleteOnExit();
            run(List.of("chown", "postgres", sockets.toString()));
            cluster.asPostgres(
                    "pg_ctl",
                    "-D",
                    dir.resolve("data").toString(),
                    "-l",
                    dir.resolve("log").toString(),
                    "-w",
                    "-o",
                    "-p " + port + " -k " + sockets + " -c listen_addresses=127.0.0.1 -c fsync=off",
                    "start");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (createDatabase) {
            cluster.tool("createdb", "-w", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", USER, DATABASE);
        }
        return cluster;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** Runs a client tool of the cluster's version (pg_dump, pg_restore, createdb …) with the password set. */
    void tool(String name, String... args) {
        List<String> command = new ArrayList<>(List.of(BIN.resolve(name).toString()));
        command.addAll(List.of(args));
        run(command);
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        asPostgres("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
    }

    private void asPostgres(String name, String... args) {
        List<String> command = new ArrayList<>(
                List.of("runuser", "-u", "postgres", "--", BIN.resolve(name).toString()));
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", PASSWORD);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
