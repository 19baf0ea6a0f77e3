package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.client.RestClient;

/** Its own context with LibreOffice renditions on, hence its own data folder. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "lessoncommons.ingest.renditions.enabled=true",
            "lessoncommons.embedded.data-dir=target/test-data-previews"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaterialPreviewIntegrationTests {

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

    RestClient teacher;
    RestClient outsider;
    Uploaded pdf;
    Uploaded docx;
    Uploaded video;
    Uploaded image;
    Uploaded html;

    @BeforeAll
    void upload() {
        Alliance alliance = alliances.save(Alliance.named("预览联盟 " + UUID.randomUUID()));
        School school = schools.save(School.of(alliance, "预览小学 " + UUID.randomUUID(), School.Membership.CORE));
        School elsewhere = schools.save(School.of(
                alliances.save(Alliance.named("别的联盟 " + UUID.randomUUID())),
                "外盟中学 " + UUID.randomUUID(),
                School.Membership.CORE));
        teacher = SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, school, Role.TEACHER));
        outsider = SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, elsewhere, Role.TEACHER));
        pdf = Uploaded.file(teacher, Fixtures.path("分数的初步认识-教案.pdf"), "MATH", "GRADE_3", "LESSON_PLAN");
        docx = Uploaded.file(teacher, Fixtures.path("静夜思-教案.docx"), "CHINESE", "GRADE_1", "LESSON_PLAN");
        video = Uploaded.file(teacher, Fixtures.path("观摩课-片段.mp4"), "MATH", "GRADE_3", "VIDEO");
        image = Uploaded.file(teacher, Fixtures.path("鸡兔同笼-板书.png"), "MATH", "GRADE_4", "MEDIA");
        html = Uploaded.file(teacher, Fixtures.path("宪法伴我成长-评课记录.html"), "POLITICS", "GRADE_8", "LESSON_EVALUATION");
        for (Uploaded u : new Uploaded[] {pdf, docx, video, image, html}) {
            u.awaitIndexed(teacher);
        }
    }

    @Test
    void aPdfIsShownInlineWithItsChineseNameAndNoSniffing() throws Exception {
        ResponseEntity<byte[]> inline = get(teacher, "/api/materials/" + pdf.id() + "/preview", null);

        assertThat(inline.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(inline.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(inline.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("inline")
                .contains("filename*=UTF-8''%E5%88%86%E6%95%B0");
        assertThat(inline.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(inline.getBody()).isEqualTo(Files.readAllBytes(Fixtures.path("分数的初步认识-教案.pdf")));
        String page = teacher.get().uri("/materials/" + pdf.id()).retrieve().body(String.class);
        assertThat(page).contains("id=\"preview-pdf\"", "src=\"/api/materials/" + pdf.id() + "/preview\"");
    }

    @Test
    void aVideoIsPlayedInlineAndSeeksThroughRanges() throws Exception {
        byte[] bytes = Files.readAllBytes(Fixtures.path("观摩课-片段.mp4"));

        ResponseEntity<byte[]> part = get(teacher, "/api/materials/" + video.id() + "/preview", "bytes=1000-1999");

        assertThat(part.getStatusCode()).isEqualTo(HttpStatus.PARTIAL_CONTENT);
        assertThat(part.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("video/mp4"));
        assertThat(part.getHeaders().getFirst(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes 1000-1999/" + bytes.length);
        assertThat(part.getBody()).isEqualTo(Arrays.copyOfRange(bytes, 1000, 2000));
        String page = teacher.get().uri("/materials/" + video.id()).retrieve().body(String.class);
        assertThat(page).contains("<video", "id=\"preview-video\"");
    }

    @Test
    void anImageIsShownInline() {
        ResponseEntity<byte[]> inline = get(teacher, "/api/materials/" + image.id() + "/preview", null);

        assertThat(inline.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(teacher.get().uri("/materials/" + image.id()).retrieve().body(String.class))
                .contains("id=\"preview-image\"");
    }

    @Test
    void htmlIsNeverShownInlineOnlyDownloaded() {
        ResponseEntity<String> refused = teacher.get()
                .uri("/api/materials/" + html.id() + "/preview")
                .retrieve()
                .onStatus(s -> true, (request, response) -> {})
                .toEntity(String.class);
        ResponseEntity<byte[]> download = get(teacher, "/api/materials/" + html.id() + "/file", null);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment");
        assertThat(download.getHeaders().getFirst("Content-Security-Policy")).contains("sandbox");
    }

    @Test
    void aWordFileShowsItsTextAndOnceLibreOfficeMadeItAPdf() {
        String text = teacher.get()
                .uri("/api/materials/" + docx.id() + "/text")
                .retrieve()
                .body(String.class);
        assertThat(text).contains("疑是地上霜");
        assertThat(teacher.get().uri("/materials/" + docx.id()).retrieve().body(String.class))
                .contains("id=\"preview-text\"", "疑是地上霜");
        assumeTrue(libreOfficeInstalled(), "LibreOffice (soffice) is not installed: no PDF rendition to check");

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> teacher.get()
                        .uri("/materials/" + docx.id())
                        .retrieve()
                        .body(String.class)
                        .contains("id=\"preview-rendition\""));
        ResponseEntity<byte[]> rendition = get(teacher, "/api/materials/" + docx.id() + "/rendition", null);

        assertThat(rendition.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(rendition.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("inline")
                .contains(".pdf");
        assertThat(new String(Arrays.copyOf(rendition.getBody(), 5), java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }

    @Test
    void someoneOfAnotherAllianceGetsNotFoundForEveryPreview() {
        for (String path : new String[] {
            "/api/materials/" + pdf.id() + "/preview",
            "/api/materials/" + docx.id() + "/text",
            "/api/materials/" + docx.id() + "/rendition",
            "/api/materials/" + video.id() + "/preview"
        }) {
            ResponseEntity<String> refused = outsider.get()
                    .uri(path)
                    .retrieve()
                    .onStatus(s -> true, (request, response) -> {})
                    .toEntity(String.class);
            assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(refused.getBody()).as(path).contains("\"status\":404").doesNotContain("疑是地上霜");
        }
    }

    static boolean libreOfficeInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/soffice"));
    }

    private static ResponseEntity<byte[]> get(RestClient http, String path, String range) {
        var request = http.get().uri(path);
        if (range != null) {
            request = request.header(HttpHeaders.RANGE, range);
        }
        return request.retrieve().toEntity(byte[].class);
    }
}
