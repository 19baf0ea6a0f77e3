package org.lessoncommons.storage.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The zero-install default: before the application context starts, starts (or reuses) PostgreSQL
 * and an S3-compatible object store under the data directory and points the app at them. Turned
 * off with {@code lessoncommons.embedded.enabled=false}, when real servers are configured.
 *
 * <p>Servers are kept per data directory for the life of the JVM, so test contexts that share a
 * directory share the servers.
 */
public final class EmbeddedServices implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    public static final String ACCESS_KEY = "lessoncommons";
    public static final String SECRET_KEY = "lessoncommons-local-secret";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServices.class);
    private static final Map<Path, Servers> RUNNING = new ConcurrentHashMap<>();

    private record Servers(LocalPostgres postgres, LocalS3Server s3) {}

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (!env.getProperty("lessoncommons.embedded.enabled", Boolean.class, false)) {
            return;
        }
        Path dataDir = Path.of(env.getProperty("lessoncommons.embedded.data-dir", "data"))
                .toAbsolutePath()
                .normalize();
        int postgresPort = env.getProperty("lessoncommons.embedded.postgres-port", Integer.class, 0);
        boolean clean = env.getProperty("lessoncommons.embedded.clean", Boolean.class, false);
        Servers servers = RUNNING.computeIfAbsent(dataDir, dir -> start(dir, postgresPort, clean));
        env.getPropertySources()
                .addFirst(new MapPropertySource(
                        "lessoncommons-embedded",
                        Map.of(
                                "spring.datasource.url", servers.postgres().jdbcUrl(),
                                "spring.datasource.username", servers.postgres().username(),
                                "spring.datasource.password", servers.postgres().password(),
                                "lessoncommons.storage.endpoint",
                                        servers.s3().endpoint().toString(),
                                "lessoncommons.storage.access-key", ACCESS_KEY,
                                "lessoncommons.storage.secret-key", SECRET_KEY)));
    }

    private static Servers start(Path dataDir, int postgresPort, boolean clean) {
        if (clean) {
            FileSystemUtils.deleteRecursively(dataDir.toFile());
        }
        log.info("Starting embedded PostgreSQL and S3 server with data in {}", dataDir);
        LocalPostgres postgres = LocalPostgres.start(dataDir.resolve("postgres"), postgresPort);
        LocalS3Server s3 = LocalS3Server.start(dataDir.resolve("objects"), 0, ACCESS_KEY, SECRET_KEY);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            s3.close();
                            postgres.close();
                        },
                        "embedded-servers-shutdown"));
        return new Servers(postgres, s3);
    }
}
