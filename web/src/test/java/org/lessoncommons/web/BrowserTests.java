package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.client.RestClient;

/**
 * A teacher's day in a real browser: Debian's Chromium, headless, driven by chromedriver, against
 * the app on a random port, signed in as a real account. Screenshots of every step are kept in
 * {@code web/target/browser-screenshots/}. Without Chromium these tests fail (CI installs it).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTests {

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

    WebDriver browser;
    WebDriverWait wait;
    Account teacher;
    Uploaded fractions;
    String testName;

    @BeforeAll
    void startTheBrowserSignedIn(@TempDir Path profile) throws IOException {
        Alliance alliance = alliances.save(Alliance.named("浏览器联盟 " + UUID.randomUUID()));
        School school = schools.save(School.of(alliance, "浏览器实验小学", School.Membership.CORE));
        teacher = SignedIn.account(accounts, passwordEncoder, school, Role.TEACHER);
        RestClient api = SignedIn.as(port, teacher);
        Uploaded.file(api, Fixtures.path("静夜思-教案.docx"), "CHINESE", "GRADE_1", "LESSON_PLAN")
                .awaitIndexed(api);
        fractions = Uploaded.file(api, Fixtures.path("分数的初步认识-教案.pdf"), "MATH", "GRADE_3", "LESSON_PLAN")
                .awaitIndexed(api);

        browser = Chromium.start(profile);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Chromium.signIn(browser, port, teacher.username());
    }

    @AfterAll
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void chinese(TestInfo test) {
        testName = test.getTestMethod().orElseThrow().getName();
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/?lang=zh_CN"));
    }

    @Test
    void searchesByAWordAndSeesTheHighlightedHitWithItsSchoolAndGrade() {
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("疑是地上霜");
        box.submit();

        WebElement hit = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#hits .hit")));
        screenshot("search");
        assertThat(browser.findElements(By.cssSelector("#hits .hit"))).hasSize(1);
        assertThat(hit.findElement(By.cssSelector(".title")).getText()).contains("静夜思");
        assertThat(hit.findElement(By.cssSelector(".snippet mark")).getText()).isNotBlank();
        assertThat(hit.findElement(By.cssSelector(".school")).getText()).isEqualTo("浏览器实验小学");
        assertThat(hit.findElement(By.cssSelector(".grade")).getText()).isEqualTo("一年级");
        assertThat(hit.findElement(By.cssSelector(".kind")).getAttribute("class"))
                .contains("kind-word");

        hit.findElement(By.cssSelector(".title")).click();

        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-text")));
        screenshot("material-word");
        assertThat(text.getText()).contains("疑是地上霜");
    }

    @Test
    void filtersByAFacetValueAndRemovesTheFilterWithItsChip() {
        browser.findElement(By.cssSelector("#facet-subject a[data-code='MATH']"))
                .click();

        wait.until(ExpectedConditions.urlContains("subject=MATH"));
        screenshot("filtered");
        assertThat(titles()).containsExactly("分数的初步认识-教案");
        assertThat(browser.findElement(By.cssSelector("#chips .chip")).getText())
                .contains("数学");

        browser.findElement(By.cssSelector("#chips .chip-remove[data-code='MATH']"))
                .click();

        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("subject=MATH")));
        assertThat(titles()).contains("分数的初步认识-教案", "静夜思-教案");
        assertThat(browser.findElements(By.id("chips"))).isEmpty();
    }

    @Test
    void opensAMaterialAndSeesItsPdfPreview() {
        browser.findElement(By.linkText("分数的初步认识-教案")).click();

        WebElement frame = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-pdf")));
        screenshot("material-pdf");
        assertThat(frame.getAttribute("src")).endsWith("/api/materials/" + fractions.id() + "/preview");
        assertThat(browser.findElement(By.id("material-school")).getText()).isEqualTo("浏览器实验小学");
        assertThat(browser.findElement(By.id("download")).getAttribute("href"))
                .endsWith("/api/materials/" + fractions.id() + "/file");
        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot("material-phone");
        assertThat(browser.findElement(By.id("preview-pdf")).getSize().getWidth())
                .isLessThanOrEqualTo(390);
    }

    @Test
    void uploadsAFileByTheEnhancedFormConfirmsItsMetadataAndFindsIt(@TempDir Path dir) throws IOException {
        String word = randomLetters();
        Path file = dir.resolve("音乐-三年级-教案-" + word + ".txt");
        Files.writeString(file, "小红帽音乐课教案。本节课的暗号是 " + word + "。", StandardCharsets.UTF_8);
        browser.get(url("/upload"));

        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#queue .queued")));
        wait.until(d -> !new Select(row.findElement(By.cssSelector(".queued-subject")))
                .getFirstSelectedOption()
                .getAttribute("value")
                .isEmpty());
        chooseIfEmpty(row, ".queued-grade", "GRADE_3");
        chooseIfEmpty(row, ".queued-resourceType", "LESSON_PLAN");
        screenshot("upload-queue");
        browser.findElement(By.id("submit")).click();
        WebElement link =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#queue .queued-link")));
        screenshot("upload-done");
        assertThat(new Select(row.findElement(By.cssSelector(".queued-subject")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("MUSIC");
        link.click();
        new WebDriverWait(browser, Duration.ofSeconds(90))
                .ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeContains(By.id("material-status"), "class", "INDEXED"));

        browser.get(url("/?q=" + word));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#hits .hit")));
        screenshot("upload-found");
        assertThat(titles()).containsExactly("音乐-三年级-教案-" + word);
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsSent(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("很大的课堂录像.pdf");
        Files.write(big, new byte[2 * 1024 * 1024]);
        browser.get(url("/upload"));

        browser.findElement(By.id("file")).sendKeys(big.toAbsolutePath().toString());

        WebElement row =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#queue .queued.failed")));
        screenshot("too-large");
        assertThat(row.findElement(By.cssSelector(".queued-status")).getText()).contains("文件太大", "1 MB");
    }

    @Test
    void switchesToEnglishAndBack() {
        browser.findElement(By.id("nav-language")).click();

        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        screenshot("english");
        assertThat(browser.findElement(By.id("search-button")).getText()).isEqualTo("Search");
        assertThat(browser.findElement(By.cssSelector("#facet-subject summary")).getText())
                .isEqualTo("Subject");
        assertThat(browser.findElement(By.id("nav-language")).getText()).isEqualTo("中文");

        browser.findElement(By.id("nav-language")).click();

        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "zh-CN"));
        assertThat(browser.findElement(By.id("search-button")).getText()).isEqualTo("搜索");
    }

    private List<String> titles() {
        return browser.findElements(By.cssSelector("#hits .hit .title")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static void chooseIfEmpty(WebElement row, String css, String code) {
        Select select = new Select(row.findElement(By.cssSelector(css)));
        if (select.getFirstSelectedOption().getAttribute("value").isEmpty()) {
            select.selectByValue(code);
        }
    }

    private static String randomLetters() {
        StringBuilder letters = new StringBuilder("qz");
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String step) {
        Chromium.screenshot(browser, testName + "-" + step);
    }
}
