package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.lessoncommons.storage.MaterialStatus;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
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
 * 集体备课 and 听课评课 in a real browser, through the pages: a cross-school preparation group and its
 * package, a 同课异构 session with its video, rubric and a comment pinned to a moment, and the
 * calendar in both languages. Screenshots in {@code web/target/browser-screenshots/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeachingResearchBrowserTests {

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

    ChromeDriver browser;
    WebDriverWait wait;
    School host;
    School partner;
    Account lead;
    Account colleague;
    Account observer;
    String testName;

    @BeforeAll
    void twoSchoolsOfOneAllianceAndABrowser(@TempDir Path profile) throws IOException {
        Alliance alliance = alliances.save(Alliance.named("教研联盟 " + UUID.randomUUID()));
        host = schools.save(School.of(alliance, "教研实验小学 " + word(), School.Membership.CORE));
        partner = schools.save(School.of(alliance, "教研第二小学 " + word(), School.Membership.MEMBER));
        lead = SignedIn.account(accounts, passwordEncoder, host, Role.TEACHER);
        colleague = SignedIn.account(accounts, passwordEncoder, partner, Role.TEACHER);
        observer = SignedIn.account(accounts, passwordEncoder, partner, Role.TEACHER);
        RestClient api = SignedIn.as(port, lead);
        Uploaded.file(api, Fixtures.path("分数的初步认识-教案.pdf"), "MATH", "GRADE_3", "LESSON_PLAN")
                .awaitIndexed(api);
        browser = Chromium.start(profile);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void name(TestInfo test) {
        testName = test.getTestMethod().orElseThrow().getName();
    }

    @Test
    void aTeacherPreparesAPackageWithAColleagueOfAnotherSchool() {
        Chromium.signIn(browser, port, lead.username());
        String group = "三年级数学备课组 " + word();
        browser.get(url("/preparation"));
        browser.findElement(By.cssSelector("details.prep-form summary")).click();
        browser.findElement(By.name("name")).sendKeys(group);
        new Select(browser.findElement(By.name("subject"))).selectByValue("MATH");
        new Select(browser.findElement(By.name("grade"))).selectByValue("GRADE_3");
        browser.findElement(By.id("create-group")).click();

        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), group));
        browser.findElement(By.name("username")).sendKeys(colleague.username());
        browser.findElement(By.id("add-member")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("members"), partner.name()));
        screenshot("group");
        assertThat(browser.findElement(By.id("members")).getText()).contains(host.name(), partner.name());

        browser.findElement(By.cssSelector("details.prep-form summary")).click();
        browser.findElement(By.name("topic")).sendKeys("分数的初步认识");
        browser.findElement(By.name("edition")).sendKeys("人教版");
        browser.findElement(By.name("chapter")).sendKeys("第八单元");
        browser.findElement(By.id("create-package")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "分数的初步认识"));

        WebElement search = browser.findElement(By.cssSelector(".prep-add input[name='q']"));
        search.sendKeys("分数");
        search.submit();
        WebElement hit = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-hits .hit")));
        screenshot("search");
        assertThat(hit.findElement(By.cssSelector(".title")).getText()).contains("分数的初步认识-教案");
        hit.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("items"), "分数的初步认识-教案"));

        WebElement note = browser.findElement(By.cssSelector("#items .note-form input[name='note']"));
        note.sendKeys("第二课时用，先看例题 3");
        browser.findElement(By.cssSelector("#items .note-form button")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#items .note"), "第二课时用，先看例题 3"));

        savePlan("一、教学目标：认识几分之一");
        savePlan("一、教学目标：认识几分之一\n二、教学重难点：平均分");
        screenshot("plan");
        assertThat(browser.findElement(By.id("plan")).getAttribute("value")).contains("二、教学重难点");
        browser.findElement(By.xpath("//ul[@id='versions']/ancestor::details/summary"))
                .click();
        // The history holds the versions the current plan replaced.
        List<WebElement> versions = browser.findElements(By.cssSelector("#versions a"));
        assertThat(versions).hasSize(1);
        assertThat(versions.getFirst().getAttribute("href")).endsWith("/versions/1");
        versions.getFirst().click();
        WebElement old = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("version-plan")));
        screenshot("old-version");
        assertThat(old.getText()).isEqualTo("一、教学目标：认识几分之一");

        browser.navigate().back();
        WebElement comment = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#discussion textarea[name='body']")));
        comment.sendKeys("例题 3 的图能不能换成披萨？");
        browser.findElement(By.id("post-comment")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#discussion .comments"), "例题 3 的图能不能换成披萨？"));
        screenshot("discussion");
        assertThat(browser.findElement(By.cssSelector("#discussion .comments")).getText())
                .contains(lead.displayName());

        Chromium.signIn(browser, port, colleague.username());
        browser.get(url("/preparation"));
        browser.findElement(By.linkText(group)).click();
        browser.findElement(By.linkText("分数的初步认识")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "分数的初步认识"));
        screenshot("colleague");
        assertThat(browser.findElement(By.id("items")).getText()).contains("分数的初步认识-教案", "第二课时用，先看例题 3");
        assertThat(browser.findElement(By.id("plan")).getAttribute("value")).contains("二、教学重难点");
        assertThat(browser.findElement(By.cssSelector("#discussion .comments")).getText())
                .contains("例题 3 的图能不能换成披萨？");
    }

    @Test
    void aSameTopicSessionIsEvaluatedAndItsPinnedMomentSeeksTheVideo() {
        Chromium.signIn(browser, port, lead.username());
        String topic = createSession("圆的认识");
        screenshot("created");

        List<WebElement> lessons = browser.findElements(By.cssSelector("#lessons section.lesson"));
        assertThat(lessons).hasSize(2);
        assertThat(lessons.get(0).getText()).contains(host.name());
        assertThat(lessons.get(1).getText()).contains(partner.name());
        assertThat(lessons.get(0).getLocation().getY())
                .as("side by side")
                .isEqualTo(lessons.get(1).getLocation().getY());
        assertThat(lessons.get(0).getLocation().getX())
                .isLessThan(lessons.get(1).getLocation().getX());

        browser.findElement(By.cssSelector("#upload summary")).click();
        new Select(browser.findElement(By.name("lessonId"))).selectByIndex(1);
        browser.findElement(By.name("video"))
                .sendKeys(Fixtures.path("观摩课-片段.mp4").toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#upload button[type='submit']")).click();
        wait.until(ExpectedConditions.urlContains("uploaded"));
        String lesson = firstLesson().getAttribute("id");
        UUID video = UUID.fromString(browser.findElement(By.cssSelector("#" + lesson + " input[name='videoId']"))
                .getAttribute("value"));
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> materials.findById(video).orElseThrow().status().compareTo(MaterialStatus.EXTRACTING) > 0);

        Chromium.signIn(browser, port, observer.username());
        browser.get(url("/observation"));
        browser.findElement(By.linkText(topic)).click();
        wait.until(ExpectedConditions.textToBe(By.id("session-topic"), topic));
        WebElement player = browser.findElement(By.cssSelector("#" + lesson + " video"));
        wait.until(d -> ((Number) js("return arguments[0].readyState", player)).intValue() >= 1);
        assertThat(((Number) js("return arguments[0].duration", player)).doubleValue())
                .isGreaterThan(2.5);

        firstLesson().findElement(By.cssSelector("details.prep-form summary")).click();
        for (WebElement score : firstLesson().findElements(By.cssSelector("form.rubric input[type='number']"))) {
            score.sendKeys(String.valueOf(Integer.parseInt(score.getAttribute("max")) - 1));
        }
        firstLesson().findElement(By.cssSelector("form.rubric textarea")).sendKeys("导入自然，学生动手画圆。");
        screenshot("rubric");
        firstLesson().findElement(By.cssSelector("form.rubric button")).click();
        wait.until(ExpectedConditions.urlContains("evaluated"));
        assertThat(firstLesson().findElement(By.cssSelector(".comments")).getText())
                .contains(observer.displayName(), "导入自然，学生动手画圆。");
        assertThat(firstLesson().findElements(By.cssSelector("table.scores tr")))
                .hasSize(5);

        firstLesson().findElement(By.cssSelector(".moment-seconds")).sendKeys("0:02");
        firstLesson().findElement(By.cssSelector(".moment-form textarea")).sendKeys("这里板书圆心和半径");
        firstLesson().findElement(By.cssSelector(".moment-form button")).click();
        WebElement moment = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + lesson + " .moments a.seek")));
        assertThat(moment.getText()).isEqualTo("0:02");
        assertThat(firstLesson().findElement(By.cssSelector(".moments")).getText())
                .contains("这里板书圆心和半径");
        WebElement reloaded = browser.findElement(By.cssSelector("#" + lesson + " video"));
        wait.until(d -> ((Number) js("return arguments[0].readyState", reloaded)).intValue() >= 1);
        assertThat(((Number) js("return arguments[0].currentTime", reloaded)).doubleValue())
                .isZero();

        moment.click();

        wait.until(d -> ((Number) js("return arguments[0].currentTime", reloaded)).doubleValue() >= 2);
        screenshot("seeked");
        assertThat(((Number) js("return arguments[0].currentTime", reloaded)).doubleValue())
                .isBetween(2.0, 3.1);
    }

    @Test
    void theCalendarListsTheSessionAndThesePagesSpeakEnglish() {
        Chromium.signIn(browser, port, lead.username());
        String topic = createSession("认识钟表");
        browser.get(url("/observation"));

        assertThat(browser.findElement(By.id("sessions-upcoming")).getText()).contains(topic, "同课异构");
        assertThat(browser.findElement(By.id("sessions-past")).getText()).doesNotContain(topic);
        screenshot("calendar");

        browser.findElement(By.id("nav-language")).click();

        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        screenshot("calendar-english");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Lesson observation");
        assertThat(browser.findElement(By.id("sessions-upcoming")).getText())
                .contains(topic, "Same topic, different designs", "Teaching teachers");
        assertThat(browser.findElements(By.tagName("h2")))
                .extracting(WebElement::getText)
                .contains("Upcoming", "Past");
        browser.findElement(By.linkText(topic)).click();
        wait.until(ExpectedConditions.textToBe(By.id("session-topic"), topic));
        screenshot("session-english");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Same topic, different designs");
        browser.get(url("/preparation"));
        screenshot("preparation-english");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Collective lesson preparation");
        browser.get(url("/?lang=zh_CN"));
    }

    /** Creates a 同课异构 session for today through the calendar's form; returns its 课题. */
    private String createSession(String subject) {
        String topic = subject + " " + word();
        browser.get(url("/observation"));
        browser.findElement(By.cssSelector("details.prep-form summary")).click();
        new Select(browser.findElement(By.name("kind"))).selectByValue("SAME_TOPIC");
        browser.findElement(By.name("topic")).sendKeys(topic);
        new Select(browser.findElement(By.name("subject"))).selectByValue("MATH");
        new Select(browser.findElement(By.name("grade"))).selectByValue("GRADE_6");
        // A date field's typing order depends on the browser's locale; set its value as a picker would.
        // Today at the schools: from 16:00 UTC China is a day ahead, and the calendar is theirs.
        js(
                "arguments[0].value = arguments[1]",
                browser.findElement(By.name("heldOn")),
                LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        browser.findElement(By.name("location")).sendKeys("报告厅");
        browser.findElement(By.name("teachers")).sendKeys(lead.username() + "，" + colleague.username());
        browser.findElement(By.name("observers")).sendKeys(observer.username());
        browser.findElement(By.id("create-session")).click();
        wait.until(ExpectedConditions.textToBe(By.id("session-topic"), topic));
        return topic;
    }

    private void savePlan(String plan) {
        WebElement editor = browser.findElement(By.id("plan"));
        editor.clear();
        editor.sendKeys(plan);
        browser.findElement(By.id("save-plan")).click();
        wait.until(ExpectedConditions.stalenessOf(editor));
        wait.until(ExpectedConditions.urlContains("saved"));
    }

    private WebElement firstLesson() {
        return browser.findElement(By.cssSelector("#lessons section.lesson"));
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String step) {
        Chromium.screenshot(browser, testName + "-" + step);
    }

    private static String word() {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}
