package org.lessoncommons.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lessoncommons.storage.School.Membership;
import org.lessoncommons.storage.embedded.LocalPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

@DataJdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@DirtiesContext
class RepositoriesTests {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @TempDir
    static Path directory;

    @TestConfiguration(proxyBeanMethods = false)
    static class EmbeddedDatabase {

        @Bean(destroyMethod = "close")
        LocalPostgres localPostgres() {
            return LocalPostgres.start(directory, 0);
        }

        @Bean
        DataSource dataSource(LocalPostgres postgres) {
            return postgres.dataSource();
        }
    }

    @Autowired
    Alliances alliances;

    @Autowired
    Schools schools;

    @Autowired
    Accounts accounts;

    @Autowired
    Blobs blobs;

    @Autowired
    Materials materials;

    @Autowired
    JdbcClient jdbc;

    School school() {
        Alliance alliance = alliances.save(Alliance.named("城南教育联盟 " + UUID.randomUUID()));
        return schools.save(School.of(alliance, "城南实验小学", Membership.CORE));
    }

    Blob blob() {
        byte[] digest = new byte[32];
        new SecureRandom().nextBytes(digest);
        String sha256 = HexFormat.of().formatHex(digest);
        return blobs.save(new Blob(sha256, "blobs/" + sha256, 12_345, DOCX, Instant.now()));
    }

    Material material(School school, Blob blob, Instant createdAt) {
        return new Material(
                UUID.randomUUID(),
                school.id(),
                null,
                "静夜思 教学设计",
                "三年级上册 古诗二首",
                Subject.CHINESE,
                Grade.GRADE_3,
                ResourceType.LESSON_PLAN,
                "三年级 语文 教案.docx",
                DOCX,
                blob.sizeBytes(),
                blob.sha256(),
                MaterialStatus.PENDING,
                null,
                createdAt,
                createdAt,
                Sharing.ALLIANCE,
                null,
                null);
    }

    @Test
    void flywayCreatesTheSchema() {
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                .query(String.class)
                .list();

        assertThat(tables)
                .contains("alliance", "school", "account", "blob", "material", "ingest_job", "flyway_schema_history");
    }

    @Test
    void savesAndFindsAllianceSchoolAccountBlobAndMaterial() {
        Alliance alliance = alliances.save(Alliance.named("城南教育联盟"));
        School school = schools.save(School.of(alliance, "城南实验小学", Membership.CORE));
        Account teacher = accounts.save(Account.teacher(school, "li.hua", "李华"));
        Blob blob = blob();
        Material material = materials.save(material(school, blob, Instant.now()));

        assertThat(alliances.findByName("城南教育联盟")).contains(alliance);
        assertThat(schools.findById(school.id())).contains(school);
        assertThat(accounts.findByUsername("li.hua")).contains(teacher);
        assertThat(blobs.findById(blob.sha256())).contains(blob);
        assertThat(materials.findById(material.id())).contains(material);
        assertThat(material.version()).isZero();
    }

    @Test
    void storesVocabularyAsText() {
        Material material = materials.save(material(school(), blob(), Instant.now()));

        Map<String, Object> row = jdbc.sql("SELECT subject, grade, resource_type, status FROM material WHERE id = ?")
                .param(material.id())
                .query()
                .singleRow();

        assertThat(row)
                .containsEntry("subject", "CHINESE")
                .containsEntry("grade", "GRADE_3")
                .containsEntry("resource_type", "LESSON_PLAN")
                .containsEntry("status", "PENDING");
    }

    @Test
    void updatesTheStatusOfAMaterial() {
        Material material = materials.save(material(school(), blob(), Instant.now()));

        int updated = materials.updateStatus(material.id(), MaterialStatus.FAILED, "无法读取文档");

        Material found = materials.findById(material.id()).orElseThrow();
        assertThat(updated).isOne();
        assertThat(found.status()).isEqualTo(MaterialStatus.FAILED);
        assertThat(found.failureReason()).isEqualTo("无法读取文档");
        assertThat(found.version()).isOne();
    }

    @Test
    void savingAStaleMaterialFails() {
        Material material = materials.save(material(school(), blob(), Instant.now()));
        Material indexed = materials.save(material.withStatus(MaterialStatus.INDEXED, null));

        assertThatExceptionOfType(OptimisticLockingFailureException.class)
                .isThrownBy(() -> materials.save(material.withStatus(MaterialStatus.FAILED, "stale")));

        assertThat(indexed.version()).isOne();
        assertThat(materials.findById(material.id()).orElseThrow().status()).isEqualTo(MaterialStatus.INDEXED);
    }

    @Test
    void listsTheMaterialsOfASchoolNewestFirst() {
        School school = school();
        Blob blob = blob();
        Instant now = Instant.now();
        Material oldest = materials.save(material(school, blob, now.minus(2, ChronoUnit.DAYS)));
        Material newest = materials.save(material(school, blob, now));
        Material middle = materials.save(material(school, blob, now.minus(1, ChronoUnit.DAYS)));
        materials.save(material(school(), blob, now));

        List<Material> found = materials.findBySchoolIdOrderByCreatedAtDesc(school.id());

        assertThat(found).extracting(Material::id).containsExactly(newest.id(), middle.id(), oldest.id());
    }

    @Test
    void countsMaterialsByContentAndStatus() {
        School school = school();
        Blob shared = blob();
        Material first = materials.save(material(school, shared, Instant.now()));
        materials.save(material(school, shared, Instant.now()));
        materials.updateStatus(first.id(), MaterialStatus.INDEXED.name(), null);

        long sameContent = materials.countBySha256(shared.sha256());
        long indexed = materials.countByStatusIn(List.of(MaterialStatus.INDEXED, MaterialStatus.FAILED));

        assertThat(sameContent).isEqualTo(2);
        assertThat(indexed).isOne();
    }

    @Test
    void rejectsABlobWithAMalformedSha256() {
        String uppercase = "A".repeat(64);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Blob(uppercase, "blobs/x", 1, DOCX, Instant.now()))
                .withMessageContaining(uppercase);
        assertThatExceptionOfType(DataIntegrityViolationException.class)
                .isThrownBy(() -> jdbc.sql(
                                "INSERT INTO blob (sha256, object_key, size_bytes, content_type) VALUES (?, ?, 1, ?)")
                        .params(uppercase, "blobs/x", DOCX)
                        .update());
    }

    @Test
    void storesTheSameBlobOnlyOnce() {
        Blob blob = blob();

        assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> blobs.save(blob));
    }

    @Test
    void rejectsAMaterialOfAnUnknownSchool() {
        Material orphan = material(school(), blob(), Instant.now());
        Material ofUnknownSchool = new Material(
                orphan.id(),
                UUID.randomUUID(),
                null,
                orphan.title(),
                orphan.description(),
                orphan.subject(),
                orphan.grade(),
                orphan.resourceType(),
                orphan.fileName(),
                orphan.contentType(),
                orphan.sizeBytes(),
                orphan.sha256(),
                orphan.status(),
                null,
                orphan.createdAt(),
                orphan.updatedAt(),
                orphan.sharing(),
                null,
                null);

        assertThatExceptionOfType(DataIntegrityViolationException.class)
                .isThrownBy(() -> materials.save(ofUnknownSchool));
    }
}
