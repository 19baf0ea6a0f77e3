package org.lessoncommons.storage.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
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
public final class EmbeddedServices implements ApplicationListener<SpringApplicationEvent> {

    public static final String ACCESS_KEY = "lessoncommons";
    public static final String SECRET_KEY = "lessoncommons-local-secret";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServices.class);
    private static final Map<Path, Servers> RUNNING = new ConcurrentHashMap<>();

    private record Servers(LocalPostgres postgres, LocalS3Server s3, AtomicInteger users) {}

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            start(prepared.getEnvironment());
        } else if (event instanceof ApplicationPreparedEvent prepared) {
            lease(prepared.getApplicationContext());
        }
    }

    /**
     * The first disposable bean registered is the last destroyed: the servers stop only after the app
     * (its workers and connection pool) has shut down, and only when no other context uses them.
     */
    private static void lease(ConfigurableApplicationContext context) {
        Path dataDir = dataDir(context.getEnvironment());
        Servers servers = dataDir == null ? null : RUNNING.get(dataDir);
        if (servers == null) {
            return;
        }
        servers.users().incrementAndGet();
        ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                .registerDisposableBean("embeddedServicesLease", () -> {
                    if (servers.users().decrementAndGet() == 0 && RUNNING.remove(dataDir, servers)) {
                        servers.s3().close();
                        servers.postgres().close();
                    }
                });
    }

    private static @Nullable Path dataDir(ConfigurableEnvironment env) {
        if (!env.getProperty("lessoncommons.embedded.enabled", Boolean.class, false)) {
            return null;
        }
        return Path.of(env.getProperty("lessoncommons.embedded.data-dir", "data"))
                .toAbsolutePath()
                .normalize();
    }

    private static void start(ConfigurableEnvironment env) {
        Path dataDir = dataDir(env);
        if (dataDir == null) {
            return;
        }
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
        return new Servers(postgres, s3, new AtomicInteger());
    }
}
