package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.School.Membership;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.Subject;
import org.lessoncommons.storage.usage.UsageEvent;
import org.lessoncommons.storage.usage.UsageEvent.Kind;
import org.lessoncommons.storage.usage.UsageEvents;
import org.lessoncommons.storage.usage.UsageRecorder;
import org.lessoncommons.storage.usage.UsageSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The usage recorder against the real database: it writes in batches, never makes the caller wait
 * (not even while the table is locked), drops and counts what does not fit, and writes out what is
 * queued when it stops. Each test uses a recorder of its own and a material id of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class UsageRecorderIntegrationTests {

    @Autowired
    UsageEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    UsageRecorder appRecorder;

    @Autowired
    Alliances alliances;

    @Autowired
    Schools schools;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @LocalServerPort
    int port;

    record Created(UUID id) {}

    @Test
    void aRequestDoesNotWaitWhileUsageCannotBeWritten() throws Exception {
        School school = schools.save(
                School.of(alliances.save(Alliance.named("队列联盟 " + UUID.randomUUID())), "队列小学", Membership.CORE));
        Account teacher = SignedIn.account(accounts, passwordEncoder, school, Role.TEACHER);
        RestClient http = SignedIn.as(port, teacher);
        UUID material = upload(http);
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE usage_event IN EXCLUSIVE MODE");
            }

            for (int i = 0; i < 5; i++) {
                // A request that waited for the locked table would never answer: bound it.
                int status = CompletableFuture.supplyAsync(() -> http.get()
                                .uri("/api/materials/{id}", material)
                                .exchange((req, res) -> res.getStatusCode().value()))
                        .get(10, TimeUnit.SECONDS);
                assertThat(status).isEqualTo(200);
            }

            assertThat(viewsOf(material)).isZero();
            lock.commit();
        }
        assertThat(appRecorder.awaitWritten(Duration.ofSeconds(20))).isTrue();
        assertThat(viewsOf(material)).isEqualTo(5);
    }

    @Test
    void writesInBatchesOfTheConfiguredSize() throws InterruptedException {
        UsageRecorder recorder = new UsageRecorder(events, new UsageSettings(10_000, 100, Duration.ofMillis(300)));
        recorder.start();
        UUID material = UUID.randomUUID();

        for (int i = 0; i < 1000; i++) {
            recorder.record(event(material));
        }
        assertThat(recorder.awaitWritten(Duration.ofSeconds(20))).isTrue();
        recorder.stop();

        assertThat(rows(material)).isEqualTo(1000);
        assertThat(recorder.stats().written()).isEqualTo(1000);
        assertThat(recorder.stats().batches()).isBetween(10L, 20L);
        assertThat(recorder.stats().dropped()).isZero();
    }

    @Test
    void neverWaitsForTheDatabaseAndCountsAndLogsWhatDoesNotFit(CapturedOutput output) throws Exception {
        UsageRecorder recorder = new UsageRecorder(events, new UsageSettings(50, 20, Duration.ofMillis(50)));
        recorder.start();
        UUID material = UUID.randomUUID();
        long accepted;
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE usage_event IN EXCLUSIVE MODE");
            }

            long start = System.nanoTime();
            for (int i = 0; i < 500; i++) {
                recorder.record(event(material));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isLessThan(Duration.ofMillis(500));
            UsageRecorder.Stats stats = recorder.stats();
            accepted = stats.accepted();
            assertThat(stats.accepted() + stats.dropped()).isEqualTo(500);
            assertThat(stats.dropped()).isGreaterThanOrEqualTo(500 - 50 - 20);
            assertThat(stats.written()).isZero();
            lock.commit();
        }

        assertThat(recorder.awaitWritten(Duration.ofSeconds(20))).isTrue();
        recorder.stop();
        assertThat(rows(material)).isEqualTo(accepted);
        assertThat(output.getOut() + output.getErr()).contains("Usage queue full");
    }

    @Test
    void writesWhatIsQueuedWhenItStops() throws InterruptedException {
        UsageRecorder recorder = new UsageRecorder(events, new UsageSettings(1000, 1000, Duration.ofHours(1)));
        recorder.start();
        UUID material = UUID.randomUUID();

        for (int i = 0; i < 30; i++) {
            recorder.record(event(material));
        }
        Thread.sleep(300);
        long beforeStop = rows(material);
        recorder.stop();

        assertThat(beforeStop).isZero();
        assertThat(rows(material)).isEqualTo(30);
        assertThat(recorder.stats().batches()).isEqualTo(1);
    }

    private long viewsOf(UUID material) {
        return jdbc.sql("SELECT count(*) FROM usage_event WHERE material_id = :m AND kind = 'VIEW'")
                .param("m", material)
                .query(Long.class)
                .single();
    }

    private static UUID upload(RestClient http) {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource("队列测试：教学反思".getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "反思.txt";
            }
        });
        form.add("subject", "语文");
        form.add("grade", "三年级");
        form.add("resourceType", "教案");
        return http.post()
                .uri("/api/materials")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .body(Created.class)
                .id();
    }

    private long rows(UUID material) {
        return jdbc.sql("SELECT count(*) FROM usage_event WHERE material_id = :m")
                .param("m", material)
                .query(Long.class)
                .single();
    }

    private static UsageEvent event(UUID material) {
        return new UsageEvent(Instant.now(), Kind.VIEW, material, null, null, null, Subject.MATH, null);
    }
}
