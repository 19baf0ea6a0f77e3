package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.minio.MinioClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.lessoncommons.LessonCommonsApplication;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.BlobStore;
import org.lessoncommons.storage.BlobStore.StoredObject;
import org.lessoncommons.storage.MinioBlobStore;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.embedded.EmbeddedServices;
import org.lessoncommons.storage.embedded.LocalS3Server;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.client.RestClient;

/**
 * The backup and restore drill of docs/operations.md, with the real tools: PostgreSQL is dumped
 * with Debian's {@code pg_dump -Fc} and restored with {@code pg_restore} into a new cluster, the
 * bucket is copied object by object through the MinIO SDK into a new object store, and the app is
 * started on the copies with an empty index folder. It rebuilds the index from the database and
 * the kept text, finds and serves what was uploaded before the backup, and the consistency check
 * reports no drift.
 */
@EnabledIf("org.lessoncommons.web.DebianPostgres#installed")
class BackupRestoreIntegrationTests {

    private final Path dir =
            Path.of("target", "backup-drill-" + UUID.randomUUID()).toAbsolutePath();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Report(List<Object> drifts, int materials, int indexDocuments) {}

    @Test
    void aDumpAndAnObjectMirrorRestoreASystemThatFindsAndServesWhatWasBackedUp() throws Exception {
        Path dump = dir.resolve("lessoncommons.dump");
        Path docx = Fixtures.path("静夜思-教案.docx");
        String teacher;
        String admin;
        UUID poem;
        try (DebianPostgres live = DebianPostgres.start(dir.resolve("live-pg"), freePort(), true);
                LocalS3Server liveObjects = s3(dir.resolve("live-objects"))) {
            try (ConfigurableApplicationContext app = start(live, liveObjects, dir.resolve("live-index"))) {
                School school = school(app);
                teacher = account(app, school, Role.TEACHER).username();
                admin = account(app, school, Role.SYSTEM_ADMIN).username();
                RestClient http = SignedIn.as(port(app), teacher, SignedIn.PASSWORD);
                poem = ApiUploads.upload(http, school.id(), "静夜思-教案.docx", Files.readAllBytes(docx))
                        .id();
                assertThat(ApiUploads.awaitExtracted(http, poem).status()).isEqualTo("INDEXED");
            }
            live.tool(
                    "pg_dump",
                    "-w",
                    "-h",
                    "127.0.0.1",
                    "-p",
                    String.valueOf(live.port()),
                    "-U",
                    DebianPostgres.USER,
                    "-Fc",
                    "-f",
                    dump.toString(),
                    DebianPostgres.DATABASE);
            try (LocalS3Server restoredObjects = s3(dir.resolve("restored-objects"))) {
                mirror(blobStore(liveObjects), blobStore(restoredObjects));
            }
        }

        try (DebianPostgres restored = DebianPostgres.start(dir.resolve("restored-pg"), freePort(), true);
                LocalS3Server restoredObjects = s3(dir.resolve("restored-objects"))) {
            // Restored before the app starts on it, so Flyway finds the schema history of the dump.
            restored.tool(
                    "pg_restore",
                    "-w",
                    "-h",
                    "127.0.0.1",
                    "-p",
                    String.valueOf(restored.port()),
                    "-U",
                    DebianPostgres.USER,
                    "-d",
                    DebianPostgres.DATABASE,
                    "--no-owner",
                    "--exit-on-error",
                    dump.toString());
            ConfigurableApplicationContext app = start(restored, restoredObjects, dir.resolve("restored-index"));
            try {
                searchAndDownload(app, teacher, admin, poem, docx);
            } finally {
                app.close();
            }
        }
    }

    private static void searchAndDownload(
            ConfigurableApplicationContext app, String teacher, String admin, UUID poem, Path docx) throws IOException {
        RestClient http = SignedIn.as(port(app), teacher, SignedIn.PASSWORD);
        RestClient administrator = SignedIn.as(port(app), admin, SignedIn.PASSWORD);

        assertThat(ApiUploads.search(http, "疑是地上霜").hits())
                .extracting(ApiUploads.Hit::id)
                .containsExactly(poem.toString());
        assertThat(http.get().uri("/api/materials/{id}/file", poem).retrieve().body(byte[].class))
                .isEqualTo(Files.readAllBytes(docx));
        Report report = administrator
                .get()
                .uri("/api/admin/consistency?checksums=true")
                .retrieve()
                .body(Report.class);
        assertThat(report.drifts()).isEmpty();
        assertThat(report.indexDocuments()).isEqualTo(report.materials()).isEqualTo(1);
    }

    private ConfigurableApplicationContext start(DebianPostgres postgres, LocalS3Server objects, Path index) {
        return new SpringApplicationBuilder(LessonCommonsApplication.class)
                .run(
                        "--server.port=0",
                        "--lessoncommons.embedded.enabled=false",
                        "--spring.datasource.url=" + postgres.jdbcUrl(),
                        "--spring.datasource.username=" + DebianPostgres.USER,
                        "--spring.datasource.password=" + DebianPostgres.PASSWORD,
                        "--lessoncommons.storage.endpoint=" + objects.endpoint(),
                        "--lessoncommons.storage.access-key=" + EmbeddedServices.ACCESS_KEY,
                        "--lessoncommons.storage.secret-key=" + EmbeddedServices.SECRET_KEY,
                        "--lessoncommons.search.index-dir=" + index,
                        "--lessoncommons.seed.enabled=false");
    }

    private static void mirror(BlobStore from, BlobStore to) throws IOException {
        for (StoredObject object : from.list("").toList()) {
            String type = from.stat(object.key()).orElseThrow().contentType();
            try (InputStream in = from.get(object.key())) {
                to.put(object.key(), in, object.size(), type);
            }
        }
    }

    private static BlobStore blobStore(LocalS3Server server) {
        MinioClient client = MinioClient.builder()
                .endpoint(server.endpoint().toString())
                .credentials(EmbeddedServices.ACCESS_KEY, EmbeddedServices.SECRET_KEY)
                .region("us-east-1")
                .build();
        MinioBlobStore store = new MinioBlobStore(client, "lessoncommons", Duration.ofMinutes(5));
        store.createBucketIfMissing();
        return store;
    }

    private static LocalS3Server s3(Path directory) {
        return LocalS3Server.start(directory, 0, EmbeddedServices.ACCESS_KEY, EmbeddedServices.SECRET_KEY);
    }

    private static School school(ConfigurableApplicationContext app) {
        Alliance alliance = app.getBean(Alliances.class).save(Alliance.named("备份联盟"));
        return app.getBean(Schools.class).save(School.of(alliance, "备份小学", School.Membership.CORE));
    }

    private static Account account(ConfigurableApplicationContext app, School school, Role role) {
        return SignedIn.account(app.getBean(Accounts.class), app.getBean(PasswordEncoder.class), school, role);
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port", "0"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
