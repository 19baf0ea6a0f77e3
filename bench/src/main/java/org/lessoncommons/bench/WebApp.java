package org.lessoncommons.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The web application's jar started as a child process on the embedded default (in-process
 * PostgreSQL and S3 server, data in one directory), so that requests go through HTTP, Spring
 * Security, the controllers and JSON exactly as a browser's do. One signed-in teacher session.
 */
final class WebApp implements AutoCloseable {

    private final Process process;
    private final URI base;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();

    private WebApp(Process process, URI base) {
        this.process = process;
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Starts the jar and waits (up to 5 minutes) until it answers its health check. */
    static WebApp start(Path jar, Path data, int port, int postgresPort, String heap, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "--add-modules",
                "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED",
                "-Dfile.encoding=UTF-8",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--lessoncommons.embedded.postgres-port=" + postgresPort,
                "--lessoncommons.embedded.data-dir=" + data,
                "--logging.level.root=WARN",
                "--logging.level.org.lessoncommons=INFO"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        WebApp app = new WebApp(process, URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The web app exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (app.get("/actuator/health").statusCode() == 200) {
                    return app;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        app.close();
        throw new IllegalStateException("The web app did not become healthy within 5 minutes; see " + log);
    }

    /** Signs in the way the login page does: the XSRF cookie first, then the form with its token. */
    void signIn(String username, String password) throws IOException, InterruptedException {
        get("/login");
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(base.resolve("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("Sign-in as " + username + " failed: " + response.statusCode());
        }
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(base.resolve(pathAndQuery))
                        .header("Accept", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GET that must succeed; returns the body. */
    String getOk(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = get(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /**
     * Waits until the app and its child processes (the Tika JVM, PostgreSQL) have used less than
     * 5 % of a core for three seconds in a row: the demo seed ingested, start-up work done.
     */
    void awaitIdle(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        int quiet = 0;
        long before = cpuTicks();
        while (quiet < 3 && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            long now = cpuTicks();
            // Linux counts CPU time in ticks of 1/100 s: 5 ticks a second is 5 % of a core.
            quiet = now - before < 5 ? quiet + 1 : 0;
            before = now;
        }
    }

    private static long ticks(long pid) {
        return Proc.stat(pid).map(Proc.Stat::ticks).orElse(0L);
    }

    private long cpuTicks() {
        long ticks = ticks(process.pid());
        for (ProcessHandle child : process.descendants().toList()) {
            ticks += ticks(child.pid());
        }
        return ticks;
    }

    long pid() {
        return process.pid();
    }

    /** A client for timed requests in this app's signed-in session ({@link KeepAliveClient}). */
    KeepAliveClient keepAlive() {
        return new KeepAliveClient(base.getHost(), base.getPort(), "JSESSIONID=" + cookie("JSESSIONID"));
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + name + " cookie"));
    }

    /** Stops the app (SIGTERM, a graceful shutdown that commits the index) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
