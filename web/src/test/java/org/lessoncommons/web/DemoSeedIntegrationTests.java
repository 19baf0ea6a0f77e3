package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.MaterialStatus;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.storage.Schools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a newcomer sees after the README's first command: a seeded alliance, searchable at once. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"lessoncommons.seed.enabled=true", "lessoncommons.embedded.data-dir=target/test-data-seed"})
class DemoSeedIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Alliances alliances;

    @Autowired
    Schools schools;

    @Autowired
    Materials materials;

    HttpClient client;

    /** The demo accounts the README names. */
    @BeforeEach
    void signIn() {
        client = SignedIn.jdk(port, "teacher1", "demo2026");
    }

    @Test
    void seedsADemoAllianceWhoseDocumentsAreSearchableInChinese() throws Exception {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> materials.count() > 0
                        && materials.findAll().stream().allMatch(m -> m.status() == MaterialStatus.INDEXED));

        HttpResponse<String> page = get("/?q=" + URLEncoder.encode("静夜思", StandardCharsets.UTF_8));

        assertThat(alliances.findByName(DemoSeed.ALLIANCE)).isPresent();
        assertThat(schools.findAll()).extracting(s -> s.name()).containsAll(DemoSeed.SCHOOLS);
        assertThat(materials.count()).isGreaterThanOrEqualTo(5);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<mark>静夜思</mark>").contains("城南");
    }

    @Test
    void theHomePageListsTheNewestMaterialsInChinese() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("联盟资源库").contains("上传资源").contains("搜索");
    }

    @Test
    void theUploadPageOffersTheSchoolsAndVocabularies() throws Exception {
        HttpResponse<String> page = get("/upload");

        assertThat(page.body())
                .contains("城南实验小学")
                .contains("道德与法治")
                .contains("三年级")
                .contains("课件");
    }

    @Test
    void theEnglishSwitchTranslatesThePage() throws Exception {
        HttpResponse<String> page = get("/?lang=en");

        assertThat(page.body()).contains("Search").contains("Upload").doesNotContain("上传资源");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
