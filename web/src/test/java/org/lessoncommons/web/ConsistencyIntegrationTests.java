package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lessoncommons.search.SearchIndex;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.BlobStore;
import org.lessoncommons.storage.Blobs;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.client.RestClient;

/**
 * Each kind of drift between PostgreSQL, the object store and the index is made for real (an
 * object deleted or overwritten behind the app's back, a row deleted by hand, a lost index write,
 * a job dropped from the queue, an upload that crashed after its PUT), then reported by the
 * consistency API and repaired with {@code repair=true}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsistencyIntegrationTests {

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
    BlobStore blobStore;

    @Autowired
    Blobs blobs;

    @Autowired
    SearchIndex index;

    @Autowired
    JdbcClient jdbc;

    @Value("${lessoncommons.embedded.data-dir}")
    Path dataDir;

    @Value("${lessoncommons.storage.bucket:lessoncommons}")
    String bucket;

    School school;
    RestClient admin;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Drift(String kind, String subject, String detail, String action) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Report(boolean repair, int materials, int objects, int indexDocuments, List<Drift> drifts) {

        List<Drift> about(Object subject) {
            return drifts.stream()
                    .filter(d -> d.subject().equals(subject.toString()))
                    .toList();
        }
    }

    @BeforeEach
    void setUp() {
        Alliance alliance = alliances.save(Alliance.named("一致性联盟 " + UUID.randomUUID()));
        school = schools.save(School.of(alliance, "一致性小学 " + UUID.randomUUID(), School.Membership.CORE));
        admin = SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, school, Role.SYSTEM_ADMIN));
    }

    @Test
    void aMaterialWhoseObjectVanishedIsReportedThenMarkedFailedAndNoLongerReported() {
        ApiUploads.Uploaded material = indexed("丢失的文件");
        blobStore.delete(objectKey(material));

        Report report = report();
        Report repaired = repair();

        assertThat(report.about(material.id()))
                .extracting(Drift::kind, Drift::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MISSING_OBJECT", "REPORTED"));
        assertThat(ApiUploads.get(admin, material.id()).status()).isEqualTo("FAILED");
        assertThat(repaired.about(material.id()))
                .extracting(Drift::kind, Drift::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MISSING_OBJECT", "REPAIRED"));
        assertThat(ApiUploads.get(admin, material.id()).failureReason()).contains("丢失");
        assertThat(report().about(material.id())).isEmpty();
    }

    @Test
    void anObjectOverwrittenWithOtherBytesIsASizeOrChecksumMismatch() {
        ApiUploads.Uploaded resized = indexed("被截短的文件");
        ApiUploads.Uploaded altered = indexed("被篡改的文件");
        byte[] shorter = "短".getBytes(StandardCharsets.UTF_8);
        blobStore.put(objectKey(resized), new ByteArrayInputStream(shorter), shorter.length, "text/plain");
        byte[] sameLength = new byte[(int) altered.sizeBytes()];
        blobStore.put(objectKey(altered), new ByteArrayInputStream(sameLength), sameLength.length, "text/plain");

        Report bySize = report();
        Report byChecksum = check("GET", "?checksums=true");
        repairWith("&checksums=true");

        assertThat(bySize.about(resized.id())).extracting(Drift::kind).containsExactly("SIZE_MISMATCH");
        assertThat(bySize.about(altered.id())).isEmpty();
        assertThat(byChecksum.about(altered.id())).extracting(Drift::kind).containsExactly("CHECKSUM_MISMATCH");
        assertThat(ApiUploads.get(admin, resized.id()).status()).isEqualTo("FAILED");
        assertThat(ApiUploads.get(admin, altered.id()).failureReason()).contains("损坏");
    }

    @Test
    void anOrphanObjectIsKeptWithinTheGracePeriodAndDeletedAfterIt() throws Exception {
        String key = "blobs/" + UUID.randomUUID();
        byte[] bytes = "一次崩溃的上传留下的字节".getBytes(StandardCharsets.UTF_8);
        blobStore.put(key, new ByteArrayInputStream(bytes), bytes.length, "text/plain");

        Report young = repair();
        age(key, Duration.ofDays(2));
        Report old = report();
        Report repaired = repair();

        assertThat(young.about(key))
                .extracting(Drift::kind, Drift::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ORPHAN_OBJECT", "WITHIN_GRACE"));
        assertThat(old.about(key)).extracting(Drift::action).containsExactly("REPORTED");
        assertThat(repaired.about(key)).extracting(Drift::action).containsExactly("REPAIRED");
        assertThat(blobStore.stat(key)).isEmpty();
        assertThat(report().about(key)).isEmpty();
    }

    @Test
    void indexDocumentsOfDeletedOrVanishedMaterialsAreRemoved() {
        ApiUploads.Uploaded softDeleted = indexed("软删除但仍在索引");
        ApiUploads.Uploaded rowGone = indexed("记录被手工删除");
        jdbc.sql("UPDATE material SET deleted_at = now() WHERE id = :id")
                .param("id", softDeleted.id())
                .update();
        jdbc.sql("DELETE FROM material WHERE id = :id")
                .param("id", rowGone.id())
                .update();

        Report report = report();
        repair();

        assertThat(report.about(softDeleted.id())).extracting(Drift::kind).containsExactly("ORPHAN_INDEX_DOCUMENT");
        assertThat(report.about(rowGone.id())).extracting(Drift::kind).containsExactly("ORPHAN_INDEX_DOCUMENT");
        assertThat(index.contains(softDeleted.id().toString())).isFalse();
        assertThat(index.contains(rowGone.id().toString())).isFalse();
        assertThat(report().about(softDeleted.id())).isEmpty();
    }

    @Test
    void aMaterialMissingFromTheIndexIsReindexedFromItsKeptText() {
        ApiUploads.Uploaded material = indexed("索引写入丢失");
        index.remove(material.id().toString());

        Report report = report();
        repair();

        assertThat(report.about(material.id())).extracting(Drift::kind).containsExactly("MISSING_FROM_INDEX");
        assertThat(index.contains(material.id().toString())).isTrue();
        assertThat(ApiUploads.search(admin, "索引写入丢失").hits())
                .extracting(ApiUploads.Hit::id)
                .contains(material.id().toString());
    }

    @Test
    void aPendingMaterialWithoutAQueuedJobIsQueuedAgainAndIndexed() {
        ApiUploads.Uploaded material = indexed("掉出队列");
        jdbc.sql("UPDATE material SET status = 'PENDING' WHERE id = :id")
                .param("id", material.id())
                .update();
        index.remove(material.id().toString());

        Report report = report();
        repair();

        assertThat(report.about(material.id())).extracting(Drift::kind).containsExactly("NOT_QUEUED");
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        "INDEXED".equals(ApiUploads.get(admin, material.id()).status()));
        assertThat(ApiUploads.search(admin, "掉出队列").hits())
                .extracting(ApiUploads.Hit::id)
                .contains(material.id().toString());
    }

    @Test
    void onlySystemAdministratorsMayCheckOrRepair() {
        RestClient allianceAdmin =
                SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, school, Role.ALLIANCE_ADMIN));
        RestClient schoolAdmin =
                SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, school, Role.SCHOOL_ADMIN));
        RestClient teacher = SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, school, Role.TEACHER));

        for (RestClient refused : List.of(allianceAdmin, schoolAdmin, teacher)) {
            assertThat(status(refused.get().uri("/api/admin/consistency"))).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(status(refused.post().uri("/api/admin/consistency?repair=true")))
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(status(SignedIn.anonymous(port).get().uri("/api/admin/consistency")))
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        String type = teacher.get()
                .uri("/api/admin/consistency")
                .exchange((req, res) -> String.valueOf(res.getHeaders().getContentType()));
        assertThat(type).isEqualTo("application/problem+json");
    }

    private ApiUploads.Uploaded indexed(String title) {
        String word = title + UUID.randomUUID().toString().substring(0, 6);
        byte[] content = ("一致性测试材料：" + word + "。\n三年级语文组集体备课。").getBytes(StandardCharsets.UTF_8);
        ApiUploads.Uploaded uploaded = ApiUploads.upload(admin, school.id(), word + ".txt", content);
        ApiUploads.Uploaded done = ApiUploads.awaitExtracted(admin, uploaded.id());
        assertThat(done.status()).isEqualTo("INDEXED");
        return done;
    }

    private String objectKey(ApiUploads.Uploaded material) {
        return blobs.findById(material.sha256()).orElseThrow().objectKey();
    }

    /** Ages an object the way time would: s3proxy reports a file's modification time. */
    private void age(String key, Duration by) throws Exception {
        Path file = dataDir.resolve("objects").resolve(bucket).resolve(key);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(by)));
    }

    private Report report() {
        return check("GET", "");
    }

    private Report repair() {
        return repairWith("");
    }

    private Report repairWith(String more) {
        return check("POST", "?repair=true" + more);
    }

    private Report check(String method, String query) {
        var spec = method.equals("GET")
                ? admin.get().uri("/api/admin/consistency" + query)
                : admin.post().uri("/api/admin/consistency" + query);
        return spec.retrieve().body(Report.class);
    }

    private static HttpStatusCode status(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, response) -> response.getStatusCode());
    }
}
