package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo catalog: searchable in Chinese, with a loan out, a request at a desk and a queue. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"lessoncommons.seed.enabled=true", "lessoncommons.embedded.data-dir=target/test-data-seed"})
class LendingSeedIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void seedsADemoCatalogWithCirculationUnderway() throws Exception {
        HttpClient teacher = SignedIn.jdk(port, "teacher1", "demo2026");
        HttpClient admin4 = SignedIn.jdk(port, "admin4", "demo2026");
        HttpClient admin1 = SignedIn.jdk(port, "admin1", "demo2026");

        String catalog = get(teacher, "/api/lending/catalog?q=" + URLEncoder.encode("曹文轩", StandardCharsets.UTF_8));
        String equipment = get(teacher, "/api/lending/catalog?kind=EQUIPMENT");

        assertThat(catalog).contains("草房子", "青铜葵花");
        assertThat(equipment).contains("学生显微镜", "天文望远镜").doesNotContain("草房子");
        assertThat(get(admin4, "/api/lending/desk")).contains("骆驼祥子");
        assertThat(get(admin1, "/api/lending/desk")).contains("草房子", "夏洛的网", "CHECKED_OUT");
        assertThat(get(SignedIn.jdk(port, "teacher4", "demo2026"), "/api/lending/holds/mine"))
                .contains("夏洛的网", "WAITING");
    }

    private String get(HttpClient client, String path) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
