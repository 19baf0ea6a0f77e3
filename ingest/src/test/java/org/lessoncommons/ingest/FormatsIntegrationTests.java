package org.lessoncommons.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lessoncommons.IngestTestApplication;
import org.lessoncommons.search.Audience;
import org.lessoncommons.search.SearchIndex;
import org.lessoncommons.search.SearchQuery;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.BlobStore;
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

/** Kingsoft WPS files, QuickTime and WebM videos and MP3 audio through the whole pipeline. */
@SpringBootTest(classes = IngestTestApplication.class)
class FormatsIntegrationTests {

    @Autowired
    Ingestion ingestion;

    @Autowired
    Materials materials;

    @Autowired
    Media media;

    @Autowired
    BlobStore blobStore;

    @Autowired
    SearchIndex index;

    @Autowired
    Alliances alliances;

    @Autowired
    Schools schools;

    School school;

    @BeforeEach
    void setUp() {
        Alliance alliance = alliances.save(Alliance.named("联盟 " + UUID.randomUUID()));
        school = schools.save(School.of(alliance, "城南第二小学 " + UUID.randomUUID(), School.Membership.MEMBER));
    }

    @ParameterizedTest
    @CsvSource({
        "安全教育-主题班会教案.wps, 防溺水, application/msword",
        "八年级-班级课程表.et, 眼保健操, application/vnd.ms-excel",
        "认识钟表-课件.dps, 整时, application/vnd.ms-powerpoint"
    })
    void aWpsFileIsTypedByItsContentOnUploadAndFoundByABodyWord(String file, String word, String type)
            throws IOException {
        Material accepted = accept(file, null);

        Material indexed = awaitIndexed(accepted);

        assertThat(accepted.contentType()).isEqualTo(type);
        assertThat(indexed.contentType()).isEqualTo(type);
        assertThat(hits(word)).contains(accepted.id().toString());
    }

    @Test
    @EnabledIf("ffmpegInstalled")
    void aQuickTimeMovieGetsDurationSizeAndPosterAndIsFoundByItsTitleTag() throws IOException {
        Material accepted = accept("升旗仪式-片段.mov", null);

        Material indexed = awaitIndexed(accepted);

        assertThat(indexed.contentType()).isEqualTo("video/quicktime");
        MediaInfo info = media.of(indexed.sha256()).orElseThrow();
        assertThat(info.durationSeconds()).isCloseTo(2.0, within(0.1));
        assertThat(info.width()).isEqualTo(320);
        assertThat(info.height()).isEqualTo(180);
        assertThat(info.tags().title()).isEqualTo("国旗下讲话：做文明守纪的小学生（片段）");
        assertThat(blobStore.stat(info.posterKey()))
                .hasValueSatisfying(poster -> assertThat(poster.contentType()).isEqualTo("image/jpeg"));
        assertThat(hits("国旗下讲话")).contains(accepted.id().toString());
        assertThat(hits("周一升旗仪式")).contains(accepted.id().toString());
    }

    @Test
    @EnabledIf("ffmpegInstalled")
    void aWebmWithWebVttSubtitlesIsFoundByItsTitleTagAndByWhatWasSaid() throws IOException {
        Material accepted = accept("广播操-片段.webm", "广播操-片段.vtt");

        Material indexed = awaitIndexed(accepted);

        assertThat(indexed.contentType()).isEqualTo("video/webm");
        MediaInfo info = media.of(indexed.sha256()).orElseThrow();
        assertThat(info.durationSeconds()).isCloseTo(2.0, within(0.1));
        assertThat(info.width()).isEqualTo(320);
        assertThat(info.posterKey()).isNotNull();
        assertThat(hits("七彩阳光")).contains(accepted.id().toString());
        assertThat(hits("扩胸运动")).contains(accepted.id().toString());
    }

    @Test
    @EnabledIf("ffmpegInstalled")
    void anMp3KeepsItsDurationAndTagsButGetsNoPicture() throws IOException {
        Material accepted = accept("春晓-朗读.mp3", null);

        Material indexed = awaitIndexed(accepted);

        assertThat(indexed.contentType()).isEqualTo("audio/mpeg");
        MediaInfo info = media.of(indexed.sha256()).orElseThrow();
        assertThat(info.durationSeconds()).isCloseTo(2.0, within(0.15));
        assertThat(info.tags().artist()).isEqualTo("城南实验小学 一年级语文组");
        assertThat(info.tags().album()).isEqualTo("一年级语文 古诗朗读");
        assertThat(info.width()).isNull();
        assertThat(info.posterKey()).isNull();
        assertThat(hits("范读音频")).contains(accepted.id().toString());
    }

    static boolean ffmpegInstalled() {
        return MediaProbeTests.ffmpegInstalled();
    }

    private Material accept(String file, @Nullable String subtitles) throws IOException {
        InputStream sidecar = subtitles == null ? null : Files.newInputStream(Fixtures.path(subtitles));
        return ingestion.accept(new Upload(
                file,
                Files.newInputStream(Fixtures.path(file)),
                school.id(),
                null,
                null,
                "",
                Subject.OTHER,
                Grade.GRADE_3,
                ResourceType.OTHER,
                sidecar));
    }

    private Material awaitIndexed(Material accepted) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> materials.findById(accepted.id()).orElseThrow().status() == MaterialStatus.INDEXED);
        return materials.findById(accepted.id()).orElseThrow();
    }

    private java.util.List<String> hits(String word) {
        return index.search(SearchQuery.of(word, Audience.everything())).hits().stream()
                .map(hit -> hit.id())
                .toList();
    }
}
