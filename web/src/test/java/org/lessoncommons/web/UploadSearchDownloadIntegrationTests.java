package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.School.Membership;
import org.lessoncommons.storage.Schools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class UploadSearchDownloadIntegrationTests {

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

    RestClient http;
    School experimental;
    School middle;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Created(UUID id, String status, String sha256, long sizeBytes) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hit(String id, String title, String snippetHtml) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Results(long total, List<Hit> hits) {}

    @BeforeEach
    void setUp() {
        Alliance alliance = alliances.save(Alliance.named("测试联盟 " + UUID.randomUUID()));
        experimental = schools.save(School.of(alliance, "实验小学 " + UUID.randomUUID(), Membership.CORE));
        middle = schools.save(School.of(alliance, "第一中学 " + UUID.randomUUID(), Membership.MEMBER));
        // An alliance administrator may upload in the name of every member school.
        http = SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, experimental, Role.ALLIANCE_ADMIN));
    }

    @Test
    void uploadsADocxAndAPdfThenFindsEachByABodyWordAndDownloadsTheExactBytes() throws Exception {
        Path docx = Fixtures.path("静夜思-教案.docx");
        Path pdf = Fixtures.path("分数的初步认识-教案.pdf");

        Created poem = upload(docx, "CHINESE", "GRADE_1", "LESSON_PLAN", experimental);
        Created fractions = upload(pdf, "数学", "三年级", "教案", middle);
        awaitIndexed(poem.id());
        awaitIndexed(fractions.id());

        Results byPoemLine = search("q=疑是地上霜&subject=CHINESE&grade=GRADE_1&school=" + experimental.id());
        assertThat(byPoemLine.hits())
                .extracting(Hit::id)
                .containsExactly(poem.id().toString());
        assertThat(byPoemLine.hits().getFirst().snippetHtml()).contains("<mark>");
        Results byFractionWord = search("q=分数&subject=MATH&grade=GRADE_3&school=" + middle.id());
        assertThat(byFractionWord.hits())
                .extracting(Hit::id)
                .containsExactly(fractions.id().toString());
        assertThat(search("q=分数&subject=CHINESE").hits())
                .extracting(Hit::id)
                .doesNotContain(fractions.id().toString());
        assertThat(search("q=分数&grade=GRADE_1").hits())
                .extracting(Hit::id)
                .doesNotContain(fractions.id().toString());

        assertThat(download(poem.id())).isEqualTo(Files.readAllBytes(docx));
        assertThat(download(fractions.id())).isEqualTo(Files.readAllBytes(pdf));
    }

    @Test
    void downloadIsAnAttachmentWithTheChineseFileNameAndHonoursRanges() throws Exception {
        Path pdf = Fixtures.path("分数的初步认识-教案.pdf");
        Created created = upload(pdf, "MATH", "GRADE_3", "LESSON_PLAN", experimental);
        byte[] bytes = Files.readAllBytes(pdf);

        ResponseEntity<byte[]> whole = http.get()
                .uri("/api/materials/{id}/file", created.id())
                .retrieve()
                .toEntity(byte[].class);
        ResponseEntity<byte[]> part = http.get()
                .uri("/api/materials/{id}/file", created.id())
                .header(HttpHeaders.RANGE, "bytes=100-199")
                .retrieve()
                .toEntity(byte[].class);

        assertThat(whole.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment")
                .contains("filename*=UTF-8''%E5%88%86%E6%95%B0");
        assertThat(whole.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(part.getStatusCode()).isEqualTo(HttpStatus.PARTIAL_CONTENT);
        assertThat(part.getHeaders().getFirst(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes 100-199/" + bytes.length);
        assertThat(part.getBody()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 100, 200));
    }

    @Test
    void theSameFileFromTwoSchoolsIsStoredOnceAndCreditedToEach() throws Exception {
        Path docx = Fixtures.path("静夜思-教案.docx");

        Created first = upload(docx, "CHINESE", "GRADE_1", "LESSON_PLAN", experimental);
        Created second = upload(docx, "CHINESE", "GRADE_1", "LESSON_PLAN", middle);

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.sha256()).isEqualTo(first.sha256());
        awaitIndexed(first.id());
        awaitIndexed(second.id());
        assertThat(search("q=举头望明月&school=" + middle.id()).hits())
                .extracting(Hit::id)
                .containsExactly(second.id().toString());
        assertThat(download(second.id())).isEqualTo(Files.readAllBytes(docx));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Media(
            Double durationSeconds,
            Integer width,
            Integer height,
            String posterUrl,
            String title,
            String artist,
            String album) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WithMedia(String status, Media media) {}

    @Test
    @EnabledIf("ffmpegInstalled")
    void aLessonVideoWithSubtitlesGetsAPosterAndIsFoundByWhatWasSaid() {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new FileSystemResource(Fixtures.path("观摩课-片段.mp4")));
        form.add("subtitles", new FileSystemResource(Fixtures.path("观摩课-片段.srt")));
        form.add("subject", "语文");
        form.add("grade", "二年级");
        form.add("resourceType", "视频");
        form.add("schoolId", experimental.id().toString());

        Created video = http.post()
                .uri("/api/materials")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .body(Created.class);
        awaitIndexed(video.id());
        WithMedia shown =
                http.get().uri("/api/materials/{id}", video.id()).retrieve().body(WithMedia.class);
        ResponseEntity<byte[]> poster =
                http.get().uri(shown.media().posterUrl()).retrieve().toEntity(byte[].class);
        String page = http.get().uri("/materials/{id}", video.id()).retrieve().body(String.class);

        assertThat(shown.media().width()).isEqualTo(320);
        assertThat(shown.media().durationSeconds()).isBetween(2.8, 3.2);
        assertThat(poster.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(poster.getBody()).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(page)
                .contains("id=\"preview-video\"", "poster=\"" + shown.media().posterUrl() + "\"")
                .contains("0:03");
        assertThat(search("q=小蝌蚪&school=" + experimental.id()).hits())
                .extracting(Hit::id)
                .containsExactly(video.id().toString());
    }

    @Test
    @EnabledIf("ffmpegInstalled")
    void aReadingAloudMp3ShowsItsDurationAndArtistButNoPosterAndIsFoundByItsTitleTag() {
        Created audio = upload(Fixtures.path("春晓-朗读.mp3"), "语文", "一年级", "素材", experimental);
        awaitIndexed(audio.id());

        WithMedia shown =
                http.get().uri("/api/materials/{id}", audio.id()).retrieve().body(WithMedia.class);
        String page = http.get().uri("/materials/{id}", audio.id()).retrieve().body(String.class);

        assertThat(shown.media().durationSeconds()).isBetween(1.9, 2.2);
        assertThat(shown.media().title()).isEqualTo("《春晓》范读音频（一年级语文）");
        assertThat(shown.media().artist()).isEqualTo("城南实验小学 一年级语文组");
        assertThat(shown.media().album()).isEqualTo("一年级语文 古诗朗读");
        assertThat(shown.media().width()).isNull();
        assertThat(shown.media().posterUrl()).isNull();
        assertThat(page).contains("0:02").contains("城南实验小学 一年级语文组").doesNotContain("id=\"poster\"");
        assertThat(search("q=范读音频&school=" + experimental.id()).hits())
                .extracting(Hit::id)
                .containsExactly(audio.id().toString());
    }

    /** Debian's ffmpeg makes posters; .ci/run installs it, a bare JDK machine skips this test. */
    static boolean ffmpegInstalled() {
        return java.util.stream.Stream.of(System.getenv("PATH").split(":"))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, "ffprobe")));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Shown(String title, Term subject, Term grade, Term resourceType) {}

    @Test
    void theTeacherCorrectsWhatWasChosenWrongAndSearchFollowsAtOnce() throws Exception {
        Created wrong = upload(Fixtures.path("分数的初步认识-教案.pdf"), "CHINESE", "GRADE_1", "MEDIA", experimental);
        awaitIndexed(wrong.id());
        Proposal proposed = http.get()
                .uri("/api/materials/{id}/proposals", wrong.id())
                .retrieve()
                .body(Proposal.class);
        String page = http.get().uri("/materials/{id}", wrong.id()).retrieve().body(String.class);

        Shown corrected = http.patch()
                .uri("/api/materials/{id}", wrong.id())
                .contentType(MediaType.APPLICATION_JSON)
                .body(java.util.Map.of(
                        "subject", "数学", "grade", "GRADE_3", "resourceType", "教案", "title", "分数的初步认识（修订）"))
                .retrieve()
                .body(Shown.class);

        assertThat(proposed.subject().code()).isEqualTo("MATH");
        assertThat(proposed.grade().code()).isEqualTo("GRADE_3");
        assertThat(page).contains("id=\"proposal\"").contains("系统根据文件名和内容建议");
        assertThat(corrected.subject().code()).isEqualTo("MATH");
        assertThat(corrected.title()).isEqualTo("分数的初步认识（修订）");
        assertThat(search("q=修订&subject=MATH&grade=GRADE_3&type=LESSON_PLAN&school=" + experimental.id())
                        .hits())
                .extracting(Hit::id)
                .containsExactly(wrong.id().toString());
        assertThat(search("q=分数&subject=CHINESE&school=" + experimental.id()).hits())
                .extracting(Hit::id)
                .doesNotContain(wrong.id().toString());
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Proposal(Term subject, Term grade, Term resourceType, String semester, String edition, String title) {}

    @Test
    void proposesMetadataFromTheFileNameForTheTeacherToConfirm() {
        Proposal proposal = http.get()
                .uri("/api/proposals?fileName={name}", "人教版三年级数学上册 分数的初步认识 教学设计.docx")
                .retrieve()
                .body(Proposal.class);

        assertThat(proposal.subject().label()).isEqualTo("数学");
        assertThat(proposal.grade().code()).isEqualTo("GRADE_3");
        assertThat(proposal.resourceType().label()).isEqualTo("教案");
        assertThat(proposal.semester()).isEqualTo("上册");
        assertThat(proposal.edition()).isEqualTo("人教版");
        assertThat(proposal.title()).isEqualTo("人教版三年级数学上册 分数的初步认识 教学设计");
    }

    private Created upload(Path file, String subject, String grade, String type, School school) {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new FileSystemResource(file));
        form.add("subject", subject);
        form.add("grade", grade);
        form.add("resourceType", type);
        form.add("schoolId", school.id().toString());
        ResponseEntity<Created> response = http.post()
                .uri("/api/materials")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .toEntity(Created.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).isNotNull();
        return response.getBody();
    }

    private void awaitIndexed(UUID id) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "INDEXED"
                        .equals(http.get()
                                .uri("/api/materials/{id}", id)
                                .retrieve()
                                .body(Created.class)
                                .status()));
    }

    private Results search(String query) {
        return http.get().uri("/api/search?" + query).retrieve().body(Results.class);
    }

    private byte[] download(UUID id) {
        return http.get().uri("/api/materials/{id}/file", id).retrieve().body(byte[].class);
    }
}
