package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.web.client.RestClient;

/**
 * The real application as a child JVM on its own embedded PostgreSQL data directory, with the demo
 * seed on, so a test can kill it with SIGKILL and start it again on the same data.
 */
final class ChildApp implements AutoCloseable {

    private final Path dataDir =
            Path.of("target", "crash-test-" + UUID.randomUUID()).toAbsolutePath();
    private final int postgresPort = freePort();
    private final List<String> extraArguments;
    private Process process;
    private int port;

    ChildApp(String... extraArguments) {
        this.extraArguments = List.of(extraArguments);
    }

    /** Starts the app on a new HTTP port (the data and its PostgreSQL port stay the same). */
    ChildApp start() throws IOException {
        port = freePort();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + port + ".log");
        Files.createDirectories(dataDir.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules",
                "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx512m",
                "-cp",
                classpath,
                "org.lessoncommons.LessonCommonsApplication",
                "--server.port=" + port,
                "--lessoncommons.embedded.data-dir=" + dataDir,
                "--lessoncommons.embedded.postgres-port=" + postgresPort,
                "--lessoncommons.embedded.clean=false",
                "--lessoncommons.seed.enabled=true"));
        command.addAll(extraArguments);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return this;
    }

    /** Healthy, seeded, and signed in as {@code username} of the demo accounts. */
    RestClient awaitHealthy(String username) {
        RestClient[] http = new RestClient[1];
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    assertThat(process.isAlive()).as("app process alive").isTrue();
                    http[0] = SignedIn.as(port, username, "demo2026");
                    return !http[0].get()
                            .uri("/api/schools")
                            .retrieve()
                            .body(List.class)
                            .isEmpty();
                });
        return http[0];
    }

    RestClient signIn(String username) {
        return SignedIn.as(port, username, "demo2026");
    }

    /** SIGKILL: no shutdown hook, no flush, no graceful close of anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** The child's PostgreSQL, for checking what it holds; only while the app runs. */
    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/lessoncommons";
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
