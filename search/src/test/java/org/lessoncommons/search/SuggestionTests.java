package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SuggestionTests {

    private static final Audience TEACHER = Audience.member("t1", "s1", "a1");

    private final SearchIndex index = new SearchIndex(new ByteBuffersDirectory());

    @BeforeEach
    void titles() {
        index.index(title("poem", "静夜思教学设计", "s1", Sharing.ALLIANCE, "t2", 5));
        index.index(title("poem-ware", "古诗《静夜思》课件", "s2", Sharing.ALLIANCE, "t3", 50));
        index.index(title("poem-copy", "静夜思教学设计", "s2", Sharing.ALLIANCE, "t3", 0));
        index.index(title("spring", "春晓 朗读指导", "s1", Sharing.ALLIANCE, "t2", 0));
        index.index(title("unit", "Unit 3 My Friends 课件", "s1", Sharing.ALLIANCE, "t2", 0));
        index.index(title("pep", "PEP英语四年级上册", "s1", Sharing.ALLIANCE, "t2", 0));
        index.index(title("secret", "静夜思公开课试讲稿", "s2", Sharing.PRIVATE, "t3", 0));
        index.index(title("school-only", "静夜思校本作业", "s2", Sharing.SCHOOL, "t3", 0));
        index.index(title("other-alliance", "静夜思联盟外教案", "s9", Sharing.ALLIANCE, "t9", 0));
        index.index(title("mine", "静夜思 我的草稿", "s1", Sharing.PRIVATE, "t1", 0));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void completesCharactersTitlesStartingWithThemFirst() {
        assertThat(titles("静夜")).containsExactly("静夜思教学设计", "静夜思 我的草稿", "古诗《静夜思》课件");
    }

    @Test
    void completesFullAndUnfinishedPinyinAndInitials() {
        assertThat(titles("jingyesi")).contains("静夜思教学设计", "古诗《静夜思》课件");
        assertThat(titles("jingy")).contains("静夜思教学设计", "古诗《静夜思》课件");
        assertThat(titles("jys")).contains("静夜思教学设计", "古诗《静夜思》课件");
        assertThat(titles("chunx")).containsExactly("春晓 朗读指导");
        assertThat(titles("cx")).containsExactly("春晓 朗读指导");
    }

    @Test
    void completesTraditionalCharactersLatinWordsAndSeveralPieces() {
        assertThat(titles("靜夜")).contains("静夜思教学设计");
        assertThat(titles("Uni")).containsExactly("Unit 3 My Friends 课件");
        assertThat(titles("unit 3 my fr")).containsExactly("Unit 3 My Friends 课件");
        assertThat(titles("静夜思 课")).containsExactly("古诗《静夜思》课件");
        assertThat(titles("unit3课")).containsExactly("Unit 3 My Friends 课件");
        assertThat(titles("PEP英")).containsExactly("PEP英语四年级上册");
        assertThat(titles("英语si")).containsExactly("PEP英语四年级上册");
    }

    @Test
    void neverSuggestsATitleTheViewerMayNotSee() {
        List<String> suggested = titles("静夜思");
        List<String> byPinyin = titles("jingyesi");

        assertThat(suggested).doesNotContain("静夜思公开课试讲稿", "静夜思校本作业", "静夜思联盟外教案");
        assertThat(byPinyin).doesNotContain("静夜思公开课试讲稿", "静夜思校本作业", "静夜思联盟外教案");
        assertThat(suggested).contains("静夜思 我的草稿");
        assertThat(index.suggest("静夜思", Audience.member("t3", "s2", "a1"), 10))
                .extracting(Suggestion::title)
                .contains("静夜思公开课试讲稿", "静夜思校本作业")
                .doesNotContain("静夜思 我的草稿", "静夜思联盟外教案");
    }

    @Test
    void showsATitleSharedBySeveralSchoolsOnceWithTheMostDownloadedMaterial() {
        List<Suggestion> suggestions = index.suggest("静夜思教学", TEACHER, 10);

        assertThat(suggestions).containsExactly(new Suggestion("poem", "静夜思教学设计"));
    }

    @Test
    void stopsAtTheLimitAndSuggestsNothingForBlankOrUnknownText() {
        assertThat(index.suggest("静", TEACHER, 2)).hasSize(2);
        assertThat(index.suggest("  ", TEACHER, 5)).isEmpty();
        assertThat(index.suggest("光合作用", TEACHER, 5)).isEmpty();
        assertThat(index.suggest("，。", TEACHER, 5)).isEmpty();
    }

    @Test
    void rejectsOverlongTextAndBadLimits() {
        assertThatExceptionOfType(InvalidQuery.class).isThrownBy(() -> index.suggest("静".repeat(51), TEACHER, 5));
        assertThatExceptionOfType(InvalidQuery.class).isThrownBy(() -> index.suggest("静", TEACHER, 0));
        assertThatExceptionOfType(InvalidQuery.class).isThrownBy(() -> index.suggest("静", TEACHER, 11));
    }

    private List<String> titles(String typed) {
        return index.suggest(typed, TEACHER, 10).stream().map(Suggestion::title).toList();
    }

    private static IndexedMaterial title(
            String id, String title, String school, Sharing sharing, String uploader, long downloads) {
        return new IndexedMaterial(
                        id,
                        title,
                        "正文",
                        "CHINESE",
                        "GRADE_1",
                        "LESSON_PLAN",
                        school,
                        "学校" + school,
                        school.equals("s9") ? "a9" : "a1",
                        uploader,
                        sharing,
                        id + ".docx",
                        "application/octet-stream",
                        Instant.parse("2025-09-01T08:00:00Z"))
                .withDownloads(downloads);
    }
}
