package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.BlobStore;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.embedded.EmbeddedServices;
import org.lessoncommons.storage.embedded.LocalPostgres;
import org.lessoncommons.storage.embedded.LocalS3Server;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The object store and PostgreSQL go away under the running app and come back: requests that need
 * them get a 503 problem, nothing is half-stored, what does not need them keeps working, and once
 * they are back the app serves and ingests again without being restarted. The app runs on its own
 * PostgreSQL and S3 server here (not the shared embedded ones), so the test can stop and start them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StorageFaultIntegrationTests {

    private static final Path DATA =
            Path.of("target", "fault-test-" + UUID.randomUUID()).toAbsolutePath();
    private static final int POSTGRES_PORT = freePort();
    private static final int S3_PORT = freePort();
    private static LocalPostgres postgres = LocalPostgres.start(DATA.resolve("postgres"), POSTGRES_PORT);
    private static LocalS3Server s3 = startS3();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry properties) {
        properties.add("lessoncommons.embedded.enabled", () -> "false");
        properties.add("spring.datasource.url", postgres::jdbcUrl);
        properties.add("spring.datasource.username", postgres::username);
        properties.add("spring.datasource.password", postgres::password);
        properties.add("spring.datasource.hikari.connection-timeout", () -> "2000");
        properties.add("lessoncommons.storage.endpoint", () -> "http://127.0.0.1:" + S3_PORT);
        properties.add("lessoncommons.storage.access-key", () -> EmbeddedServices.ACCESS_KEY);
        properties.add("lessoncommons.storage.secret-key", () -> EmbeddedServices.SECRET_KEY);
        properties.add(
                "lessoncommons.search.index-dir", () -> DATA.resolve("index").toString());
        properties.add("lessoncommons.ingest.lease", () -> "5s");
    }

    @LocalServerPort
    int port;

    @Autowired
    Alliances alliances;

    @Autowired
    Schools schools;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BlobStore blobStore;

    School school;
    RestClient http;

    @BeforeEach
    void signIn() {
        Alliance alliance = alliances.save(Alliance.named("故障联盟 " + UUID.randomUUID()));
        school = schools.save(School.of(alliance, "故障小学 " + UUID.randomUUID(), School.Membership.CORE));
        http = SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, school, Role.TEACHER));
    }

    /** The app is closed after this (the context is dirtied), on servers already gone: it only logs. */
    @AfterAll
    static void stopServers() {
        s3.close();
        postgres.close();
    }

    @Test
    void withTheObjectStoreDownUploadsAndDownloadsAre503AndNothingIsHalfStored() {
        ApiUploads.Uploaded before = indexed("对象存储故障前");
        long materialsBefore = count("material");
        long blobsBefore = count("blob");

        s3.close();
        int upload = status(http.post()
                .uri("/api/materials")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(ApiUploads.form(school.id(), "存储中断.txt", bytes("存储中断时的上传"))));
        int download = status(http.get().uri("/api/materials/{id}/file", before.id()));
        String problem = http.get()
                .uri("/api/materials/{id}/file", before.id())
                .exchange((req, res) -> new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8));
        int metadata = status(http.get().uri("/api/materials/{id}", before.id()));
        long found = ApiUploads.search(http, "对象存储故障前").total();
        s3 = startS3();

        assertThat(upload).isEqualTo(503);
        assertThat(download).isEqualTo(503);
        assertThat(problem).contains("\"status\":503").contains("文件存储暂时不可用");
        assertThat(metadata).isEqualTo(200);
        assertThat(found).isEqualTo(1);
        assertThat(count("material")).isEqualTo(materialsBefore);
        assertThat(count("blob")).isEqualTo(blobsBefore);
        ApiUploads.Uploaded after = indexed("对象存储恢复后");
        assertThat(http.get()
                        .uri("/api/materials/{id}/file", before.id())
                        .retrieve()
                        .body(byte[].class))
                .isEqualTo(content("对象存储故障前"));
        assertThat(after.status()).isEqualTo("INDEXED");
    }

    @Test
    void afterAPostgresRestartTheAppServesAgainAndTheQueueResumes() {
        ApiUploads.Uploaded before = indexed("数据库重启前");
        List<UUID> inFlight = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inFlight.add(ApiUploads.upload(http, school.id(), "重启中-" + i + ".txt", content("数据库重启中" + i))
                    .id());
        }
        long objectsBefore = blobStore.list("blobs/").count();

        postgres.close();
        int whileDown = status(http.get().uri("/api/materials/{id}", before.id()));
        int uploadWhileDown = status(http.post()
                .uri("/api/materials")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(ApiUploads.form(school.id(), "数据库中断.txt", bytes("数据库中断时的上传"))));
        long objectsWhileDown = blobStore.list("blobs/").count();
        postgres = LocalPostgres.start(DATA.resolve("postgres"), POSTGRES_PORT);

        assertThat(whileDown).isEqualTo(503);
        assertThat(uploadWhileDown).isEqualTo(503);
        assertThat(objectsWhileDown).isEqualTo(objectsBefore);
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> status(http.get().uri("/api/materials/{id}", before.id())) == 200);
        for (UUID id : inFlight) {
            assertThat(ApiUploads.awaitExtracted(http, id).status()).isEqualTo("INDEXED");
        }
        ApiUploads.Uploaded after = indexed("数据库重启后");
        assertThat(ApiUploads.search(http, "数据库重启后").hits())
                .extracting(ApiUploads.Hit::id)
                .containsExactly(after.id().toString());
    }

    private ApiUploads.Uploaded indexed(String word) {
        ApiUploads.Uploaded uploaded = ApiUploads.upload(http, school.id(), word + ".txt", content(word));
        ApiUploads.Uploaded done = ApiUploads.awaitExtracted(http, uploaded.id());
        assertThat(done.status()).isEqualTo("INDEXED");
        return done;
    }

    private static byte[] content(String word) {
        return bytes("故障测试：" + word + "。三年级语文组集体备课。");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static int status(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, res) -> res.getStatusCode()).value();
    }

    private static LocalS3Server startS3() {
        return LocalS3Server.start(
                DATA.resolve("objects"), S3_PORT, EmbeddedServices.ACCESS_KEY, EmbeddedServices.SECRET_KEY);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
