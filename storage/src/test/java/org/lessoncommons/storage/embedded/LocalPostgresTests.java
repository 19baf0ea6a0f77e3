package org.lessoncommons.storage.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LocalPostgresTests {

    @TempDir
    Path directory;

    @Test
    void keepsDataAcrossRestarts() throws SQLException {
        try (LocalPostgres first = LocalPostgres.start(directory, 0)) {
            execute(first, "CREATE TABLE poem (title text)", "INSERT INTO poem VALUES ('静夜思')");
        }

        try (LocalPostgres second = LocalPostgres.start(directory, 0)) {

            assertThat(second.reusedRunningServer()).isFalse();
            assertThat(query(second, "SELECT title FROM poem")).containsExactly("静夜思");
            assertThat(query(second, "SELECT current_database()")).containsExactly(LocalPostgres.DATABASE);
        }
    }

    @Test
    void connectsThroughItsJdbcUrl() throws SQLException {
        try (LocalPostgres postgres = LocalPostgres.start(directory, 0);
                Connection connection = java.sql.DriverManager.getConnection(
                        postgres.jdbcUrl(), postgres.username(), postgres.password());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT upper('ä'), current_setting('server_encoding')")) {

            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("Ä");
            assertThat(result.getString(2)).isEqualTo("UTF8");
            assertThat(postgres.jdbcUrl())
                    .isEqualTo("jdbc:postgresql://localhost:" + postgres.port() + "/lessoncommons");
        }
    }

    @Test
    void reusesTheServerOfAJvmThatWasKilled() throws Exception {
        Process abandoning = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElseThrow(),
                        "-Djava.io.tmpdir=" + directory,
                        "-Dot.epg.working-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        AbandoningJvm.class.getName(),
                        directory.resolve("postgres").toString())
                .redirectErrorStream(true)
                .start();
        int port = readyPort(abandoning);
        abandoning.destroyForcibly().waitFor();
        ProcessHandle postmaster = ProcessHandle.of(PostmasterPidFile.in(directory.resolve("postgres/data"))
                        .orElseThrow()
                        .pid())
                .orElseThrow();

        try (LocalPostgres postgres = LocalPostgres.start(directory.resolve("postgres"), 0)) {

            assertThat(postgres.reusedRunningServer()).isTrue();
            assertThat(postgres.port()).isEqualTo(port);
            assertThat(query(postgres, "SELECT title FROM poem")).containsExactly("静夜思");
        }
        assertThat(postmaster.onExit()).succeedsWithin(Duration.ofSeconds(10));
        assertThat(directory.resolve("postgres/data/postmaster.pid")).doesNotExist();
    }

    @Test
    void startsDespiteAPidFileNamingAnotherLiveProcess() throws Exception {
        try (LocalPostgres first = LocalPostgres.start(directory, 0)) {
            execute(first, "CREATE TABLE poem (title text)", "INSERT INTO poem VALUES ('春晓')");
        }
        Process unrelated = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(
                    directory.resolve("data/postmaster.pid"),
                    unrelated.pid() + "\n" + directory.resolve("data")
                            + "\n1700000000\n5432\n/tmp\nlocalhost\n\nready\n");

            try (LocalPostgres second = LocalPostgres.start(directory, 0)) {

                assertThat(second.reusedRunningServer()).isFalse();
                assertThat(query(second, "SELECT title FROM poem")).containsExactly("春晓");
            }
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void refusesToOpenADirectoryAlreadyOpen() {
        try (LocalPostgres postgres = LocalPostgres.start(directory, 0)) {

            assertThatIllegalStateException()
                    .isThrownBy(() -> LocalPostgres.start(directory, 0))
                    .withMessageContaining("already open");
        }
    }

    @Test
    void refusesAPortInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {

            assertThatIllegalStateException()
                    .isThrownBy(() -> LocalPostgres.start(directory, taken.getLocalPort()))
                    .withMessageContaining("port " + taken.getLocalPort() + ": the port is in use");
        }
    }

    static int readyPort(Process process) throws IOException {
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = process.inputReader(StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("READY ")) {
                    return Integer.parseInt(line.substring("READY ".length()));
                }
                output.add(line);
            }
        }
        throw new IllegalStateException("The child JVM ended before PostgreSQL was ready: " + output);
    }

    static void execute(LocalPostgres postgres, String... sql) throws SQLException {
        try (Connection connection = postgres.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    static List<String> query(LocalPostgres postgres, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = postgres.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    static class AbandoningJvm {

        public static void main(String[] args) throws Exception {
            LocalPostgres postgres = LocalPostgres.start(Path.of(args[0]), 0);
            execute(postgres, "CREATE TABLE poem (title text)", "INSERT INTO poem VALUES ('静夜思')");
            System.out.println("READY " + postgres.port());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
