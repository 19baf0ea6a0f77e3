package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.MaterialStatus;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.School.Membership;
import org.lessoncommons.storage.Schools;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/** suggest.js in a real (headless) Chromium: pinyin typed in the search box offers the title. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EnabledIf("chromiumInstalled")
class SuggestBoxBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Alliances alliances;

    @Autowired
    Schools schools;

    @Autowired
    Accounts accounts;

    @Autowired
    Materials materials;

    @Autowired
    PasswordEncoder passwordEncoder;

    @TempDir
    Path profile;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Created(UUID id) {}

    ChromeDriver browser;
    Account teacher;

    static boolean chromiumInstalled() {
        return Files.isExecutable(Chromium.BINARY) && Files.isExecutable(Chromium.DRIVER);
    }

    @BeforeEach
    void signIn() throws IOException {
        Alliance alliance = alliances.save(Alliance.named("联盟 " + UUID.randomUUID()));
        School school = schools.save(School.of(alliance, "实验小学 " + UUID.randomUUID(), Membership.CORE));
        teacher = SignedIn.account(accounts, passwordEncoder, school, Role.TEACHER);
        browser = Chromium.start(profile);
        Chromium.signIn(browser, port, teacher.username());
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void typedPinyinOffersTheTitleAndChoosingItSearchesForIt() {
        String word = "备课"
                + Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()), 36)
                        .replaceAll("[0-9]", "");
        String title = word + " 静夜思教学设计";
        upload(title);
        browser.get("http://localhost:" + port + "/");

        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys(word + " jingy");
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        options().stream().anyMatch(option -> option.getText().equals(title)));
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(options().getFirst().getAttribute("aria-selected")).isEqualTo("true");
        box.sendKeys(Keys.ENTER);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.getCurrentUrl().contains("q="));
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo(title);
        assertThat(browser.findElements(By.cssSelector(".hit .title")))
                .extracting(WebElement::getText)
                .contains(title);
    }

    private List<WebElement> options() {
        return browser.findElements(By.cssSelector("#suggestions [role=option]"));
    }

    private void upload(String title) {
        RestClient http = SignedIn.as(port, teacher);
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource("床前明月光，疑是地上霜。".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "教案.txt";
            }
        });
        form.add("title", title);
        form.add("subject", "语文");
        form.add("grade", "一年级");
        form.add("resourceType", "教案");
        form.add("sharing", "ALLIANCE");
        Created created = http.post()
                .uri("/api/materials")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .body(Created.class);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> materials.findById(created.id()).orElseThrow().status() == MaterialStatus.INDEXED);
    }
}
