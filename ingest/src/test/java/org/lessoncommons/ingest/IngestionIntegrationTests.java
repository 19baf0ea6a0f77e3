package org.lessoncommons.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.lessoncommons.IngestTestApplication;
import org.lessoncommons.search.Audience;
import org.lessoncommons.search.SearchIndex;
import org.lessoncommons.search.SearchQuery;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
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
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(classes = IngestTestApplication.class)
class IngestionIntegrationTests {

    @Autowired
    Ingestion ingestion;

    @Autowired
    Materials materials;

    @Autowired
    Blobs blobs;

    @Autowired
    BlobStore blobStore;

    @Autowired
    SearchIndex index;

    @Autowired
    Indexing indexing;

    @Autowired
    Reindexing reindexing;

    @Autowired
    Alliances alliances;

    @Autowired
    Schools schools;

    @Autowired
    JdbcClient jdbc;

    School school;

    @BeforeEach
    void setUp() {
        Alliance alliance = alliances.save(Alliance.named("联盟 " + UUID.randomUUID()));
        school = schools.save(School.of(alliance, "城南实验小学 " + UUID.randomUUID(), School.Membership.CORE));
    }

    @Test
    void acceptedUploadIsStoredAndQueuedThenExtractedAndIndexed() throws IOException {
        Path docx = Fixtures.path("静夜思-教案.docx");

        Material accepted = accept(Files.newInputStream(docx), "静夜思-教案.docx", null);

        assertThat(accepted.status()).isEqualTo(MaterialStatus.PENDING);
        assertThat(accepted.title()).isEqualTo("静夜思-教案");
        assertThat(accepted.sizeBytes()).isEqualTo(Files.size(docx));
        assertThat(blobs.findById(accepted.sha256())).isPresent();
        Material indexed = awaitStatus(accepted.id(), MaterialStatus.INDEXED);
        assertThat(indexed.contentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(indexing.keptText(indexed))
                .hasValueSatisfying(text -> assertThat(text).contains("疑是地上霜"));
        assertThat(index.search(SearchQuery.of("疑是地上霜", Audience.everything())).hits())
                .anySatisfy(hit -> assertThat(hit.id()).isEqualTo(accepted.id().toString()));
        assertThat(jdbc.sql("SELECT count(*) FROM ingest_job WHERE material_id = :id")
                        .param("id", accepted.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theSameBytesAreStoredOnceButCreditedToEveryUpload() throws IOException {
        byte[] bytes = Files.readAllBytes(Fixtures.path("分数的初步认识-教案.pdf"));

        Material first = accept(new ByteArrayInputStream(bytes), "分数.pdf", null);
        Material second = accept(new ByteArrayInputStream(bytes), "分数 副本.pdf", null);

        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(materials.findBySchoolIdOrderByCreatedAtDesc(school.id()))
                .filteredOn(m -> m.sha256().equals(first.sha256()))
                .hasSize(2);
        assertThat(blobs.findAllById(java.util.List.of(first.sha256()))).hasSize(1);
        String key = blobs.findById(first.sha256()).orElseThrow().objectKey();
        try (InputStream stored = blobStore.get(key)) {
            assertThat(stored.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void anUploadOverTheLimitLeavesNothingBehind() {
        long before = materials.count();
        InputStream threeMegabytes = new ByteArrayInputStream(new byte[3 * 1024 * 1024]);

        assertThatExceptionOfType(UploadTooLarge.class)
                .isThrownBy(() -> accept(threeMegabytes, "huge.bin", null))
                .withMessageContaining("2 MB");
        assertThat(materials.count()).isEqualTo(before);
    }

    @Test
    void anUnreadableFileFailsWithAReasonButIsStillFoundByTitle() {
        byte[] corrupt = "PK\u0003\u0004 not a real archive".getBytes(StandardCharsets.ISO_8859_1);

        Material accepted = accept(new ByteArrayInputStream(corrupt), "损坏的课件.pptx", "损坏的光合作用课件");

        Material failed = awaitStatus(accepted.id(), MaterialStatus.FAILED);
        assertThat(failed.failureReason()).isNotBlank();
        assertThat(index.search(SearchQuery.of("损坏", Audience.everything())).hits())
                .anySatisfy(hit -> assertThat(hit.id()).isEqualTo(accepted.id().toString()));
    }

    @Test
    void contentTypeIsSniffedFromTheBytesNotTheExtension() throws IOException {
        Material accepted = accept(Files.newInputStream(Fixtures.path("分数的初步认识-教案.pdf")), "改了名字.txt", null);

        assertThat(accepted.contentType()).isEqualTo("application/pdf");
    }

    @Test
    void rebuildRestoresTheIndexFromStorage() throws IOException {
        Material accepted = accept(Files.newInputStream(Fixtures.path("静夜思-教案.docx")), "静夜思.docx", null);
        awaitStatus(accepted.id(), MaterialStatus.INDEXED);
        index.removeAll();

        int rebuilt = reindexing.rebuild();

        assertThat(rebuilt).isGreaterThanOrEqualTo(1);
        assertThat(index.search(SearchQuery.of("举头望明月", Audience.everything())).hits())
                .anySatisfy(hit -> assertThat(hit.id()).isEqualTo(accepted.id().toString()));
    }

    @Autowired
    Media media;

    @Test
    @EnabledIf("ffmpegInstalled")
    void aVideoGetsDurationSizeAndPosterAndItsSubtitlesAreSearchable() throws IOException {
        Material video = ingestion.accept(new Upload(
                "观摩课-片段.mp4",
                Files.newInputStream(Fixtures.path("观摩课-片段.mp4")),
                school.id(),
                null,
                "二年级语文观摩课",
                "",
                Subject.CHINESE,
                Grade.GRADE_2,
                ResourceType.VIDEO,
                Files.newInputStream(Fixtures.path("观摩课-片段.srt"))));

        Material indexed = awaitStatus(video.id(), MaterialStatus.INDEXED);

        assertThat(indexed.contentType()).isEqualTo("video/mp4");
        MediaInfo info = media.of(indexed.sha256()).orElseThrow();
        assertThat(info.durationSeconds()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.2));
        assertThat(info.width()).isEqualTo(320);
        assertThat(info.height()).isEqualTo(180);
        assertThat(blobStore.stat(info.posterKey())).hasValueSatisfying(poster -> {
            assertThat(poster.contentType()).isEqualTo("image/jpeg");
            assertThat(poster.size()).isPositive();
        });
        assertThat(index.search(SearchQuery.of("小蝌蚪", Audience.everything())).hits())
                .anySatisfy(hit -> assertThat(hit.id()).isEqualTo(video.id().toString()));
    }

    /** Debian's ffmpeg makes posters; .ci/run installs it, a bare JDK machine skips this test. */
    static boolean ffmpegInstalled() {
        return java.util.stream.Stream.of(System.getenv("PATH").split(":"))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, "ffprobe")));
    }

    private Material accept(InputStream content, String fileName, String title) {
        return ingestion.accept(new Upload(
                fileName,
                content,
                school.id(),
                null,
                title,
                "",
                Subject.CHINESE,
                Grade.GRADE_1,
                ResourceType.LESSON_PLAN));
    }

    private Material awaitStatus(UUID id, MaterialStatus status) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> materials.findById(id).orElseThrow().status() == status);
        return materials.findById(id).orElseThrow();
    }
}
