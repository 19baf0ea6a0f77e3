package org.lessoncommons.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.lessoncommons.IngestTestApplication;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.Blob;
import org.lessoncommons.storage.BlobStore;
import org.lessoncommons.storage.Blobs;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.MaterialStatus;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.Subject;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A context of its own (renditions on), so its own data folder: the other tests' index stays unlocked. */
@SpringBootTest(
        classes = IngestTestApplication.class,
        properties = {
            "lessoncommons.ingest.renditions.enabled=true",
            "lessoncommons.embedded.data-dir=target/test-data-renditions",
            "lessoncommons.search.index-dir=target/test-data-renditions/index"
        })
class RenditionsIntegrationTests {

    @Autowired
    Ingestion ingestion;

    @Autowired
    Renditions renditions;

    @Autowired
    Materials materials;

    @Autowired
    Blobs blobs;

    @Autowired
    BlobStore blobStore;

    @Autowired
    Alliances alliances;

    @Autowired
    Schools schools;

    School school;
    School otherSchool;

    @BeforeEach
    void setUp() {
        Alliance alliance = alliances.save(Alliance.named("联盟 " + UUID.randomUUID()));
        school = schools.save(School.of(alliance, "实验小学 " + UUID.randomUUID(), School.Membership.CORE));
        otherSchool = schools.save(School.of(alliance, "第二小学 " + UUID.randomUUID(), School.Membership.MEMBER));
    }

    static boolean libreOfficeInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/soffice"));
    }

    @Test
    @EnabledIf("libreOfficeInstalled")
    void aWordFileGetsAPdfRenditionAtIngest() throws IOException {
        Material accepted = accept(school, Fixtures.path("静夜思-教案.docx"), "静夜思-教案.docx");

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> renditions.of(accepted).isPresent());

        try (InputStream pdf = blobStore.get(renditions.of(accepted).orElseThrow())) {
            assertThat(new String(pdf.readNBytes(5), java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-");
        }
        assertThat(materials.findById(accepted.id()).orElseThrow().status()).isEqualTo(MaterialStatus.INDEXED);
    }

    @Test
    void withoutLibreOfficeNothingIsMadeAndNothingFails() throws IOException {
        Material accepted = accept(school, Fixtures.path("光合作用-课件.pptx"), "光合作用-课件.pptx");
        Material unseen = withSha(accepted, unseenSha());
        Renditions absent =
                new Renditions(new RenditionProperties(true, "/nonexistent/soffice", Duration.ofSeconds(5)), blobStore);

        absent.render(blobOf(accepted, unseen.sha256()), unseen, "application/vnd.ms-powerpoint");

        assertThat(absent.of(unseen)).isEmpty();
    }

    @Test
    void aConversionThatHangsIsKilledAtTheTimeout(@TempDir Path dir) throws IOException {
        Path hanging = dir.resolve("soffice");
        Files.writeString(hanging, "#!/bin/sh\nsleep 60\n");
        Files.setPosixFilePermissions(hanging, PosixFilePermissions.fromString("rwx------"));
        byte[] bytes = ("一份只在这个测试里出现的文本 " + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Material accepted = ingestion.accept(upload(school, new ByteArrayInputStream(bytes), "挂起.rtf"));
        Material unseen = withSha(accepted, unseenSha());
        Renditions hangs =
                new Renditions(new RenditionProperties(true, hanging.toString(), Duration.ofSeconds(1)), blobStore);
        long started = System.nanoTime();

        hangs.render(blobOf(accepted, unseen.sha256()), unseen, "application/rtf");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(hangs.of(unseen)).isEmpty();
    }

    @Test
    void theSameFileTwiceInOneSchoolIsRefusedWithTheExistingCopyButAnotherSchoolMayHaveIt() throws IOException {
        byte[] bytes = Files.readAllBytes(Fixtures.path("浮力-试卷.pdf"));
        Material first = ingestion.acceptNew(upload(school, new ByteArrayInputStream(bytes), "浮力.pdf"));
        long before = materials.count();

        assertThatExceptionOfType(DuplicateUpload.class)
                .isThrownBy(() -> ingestion.acceptNew(upload(school, new ByteArrayInputStream(bytes), "浮力 副本.pdf")))
                .satisfies(e -> assertThat(e.existing()).isEqualTo(first.id()));
        assertThat(materials.count()).isEqualTo(before);
        assertThat(blobs.findById(first.sha256())).isPresent();
        Material other = ingestion.acceptNew(upload(otherSchool, new ByteArrayInputStream(bytes), "浮力.pdf"));
        assertThat(other.sha256()).isEqualTo(first.sha256());
    }

    private Material accept(School at, Path file, String name) throws IOException {
        return ingestion.accept(upload(at, Files.newInputStream(file), name));
    }

    private static Upload upload(School at, InputStream content, String name) {
        return new Upload(
                name, content, at.id(), null, null, "", Subject.CHINESE, Grade.GRADE_1, ResourceType.LESSON_PLAN);
    }

    /** The stored file under a hash no worker renders, so only the Renditions under test act on it. */
    private Blob blobOf(Material material, String sha256) {
        Blob stored = blobs.findById(material.sha256()).orElseThrow();
        return new Blob(sha256, stored.objectKey(), stored.sizeBytes(), stored.contentType(), stored.createdAt());
    }

    private static String unseenSha() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    private static Material withSha(Material m, String sha256) {
        return new Material(
                m.id(),
                m.schoolId(),
                m.uploaderId(),
                m.title(),
                m.description(),
                m.subject(),
                m.grade(),
                m.resourceType(),
                m.fileName(),
                m.contentType(),
                m.sizeBytes(),
                sha256,
                m.status(),
                m.failureReason(),
                m.createdAt(),
                m.updatedAt(),
                m.sharing(),
                m.deletedAt(),
                m.version());
    }
}
