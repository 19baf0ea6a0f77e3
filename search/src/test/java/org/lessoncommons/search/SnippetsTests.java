package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lessoncommons.search.SampleMaterials.FRACTIONS_LESSON;
import static org.lessoncommons.search.SampleMaterials.QUIET_NIGHT_POEM;
import static org.lessoncommons.search.SampleMaterials.material;

import java.io.IOException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SnippetsTests {

    private final SearchIndex index = new SearchIndex(new ByteBuffersDirectory());

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void marksPoemTitleThatTheSegmenterSplitsIntoCharacters() {
        index.index(material("poem", "古诗二首", QUIET_NIGHT_POEM));

        SearchHit hit = index.search(SearchQuery.of("静夜思")).hits().getFirst();

        assertThat(hit.snippetHtml()).contains("<mark>静夜思</mark>");
    }

    @Test
    void marksWordSplitDifferentlyInContext() {
        index.index(material("fractions", "三年级数学教案", FRACTIONS_LESSON));

        SearchHit hit = index.search(SearchQuery.of("分数")).hits().getFirst();

        assertThat(hit.snippetHtml()).contains("<mark>分数</mark>的初步认识");
    }

    @Test
    void marksQueryWordDeepInsideALongBodyWithNewlines() {
        String filler = "本单元围绕观察与记录展开，\n\t学生分组完成实验记录表。\n".repeat(400);
        String body = filler + "教师小结：光合作用需要光照，叶片是主要场所。\n" + filler;
        index.index(material("science", "科学实验课", body));

        SearchHit hit = index.search(SearchQuery.of("光合作用")).hits().getFirst();

        assertThat(hit.snippetHtml())
                .contains("<mark>光合作用</mark>需要光照")
                .doesNotContain("\n", "\t")
                .hasSizeLessThan(400);
    }

    @Test
    void findsWordBeyondTheStoredStartOfAHugeBodyAndShowsTheStartInstead() {
        String filler = "第一章 实验记录与数据整理。\n".repeat(MaterialDocument.MAX_STORED_BODY / 10);
        index.index(material("huge", "科学实验汇编", filler + "附录：光合作用实验报告"));

        SearchResults results = index.search(SearchQuery.of("光合作用"));

        assertThat(results.hits())
                .singleElement()
                .extracting(SearchHit::snippetHtml)
                .asString()
                .startsWith("第一章 实验记录与数据整理。")
                .doesNotContain("<mark>");
    }

    @Test
    void marksEveryTermOfTheQuery() {
        index.index(material("poem", "古诗二首", QUIET_NIGHT_POEM));

        SearchHit hit = index.search(SearchQuery.of("明月 故乡")).hits().getFirst();

        assertThat(hit.snippetHtml()).contains("望<mark>明月</mark>", "思<mark>故乡</mark>");
    }

    @Test
    void marksMatchesInTheTitle() {
        index.index(material("plan", "《静夜思》教学设计 <第二课时>", "引导学生体会诗人的思乡之情。"));

        SearchHit hit = index.search(SearchQuery.of("静夜思")).hits().getFirst();

        assertThat(hit.titleHtml()).isEqualTo("《<mark>静夜思</mark>》教学设计 &lt;第二课时&gt;");
        assertThat(hit.title()).isEqualTo("《静夜思》教学设计 <第二课时>");
    }

    @Test
    void escapesHtmlInSnippetAndTitle() {
        index.index(material(
                "xss",
                "<script>alert(1)</script> 信息技术 a & b",
                "网页安全课：<script>alert(1)</script> 信息技术教案，比较 a & b 两种写法。"));

        SearchHit hit = index.search(SearchQuery.of("信息技术")).hits().getFirst();

        assertThat(hit.snippetHtml())
                .contains("&lt;script&gt;", "a &amp; b", "<mark>信息技术</mark>")
                .doesNotContain("<script>", "a & b");
        assertThat(hit.titleHtml())
                .contains("&lt;script&gt;", "a &amp; b", "<mark>信息技术</mark>")
                .doesNotContain("<script>", "a & b");
    }

    @Test
    void startsSnippetWithTheBodyWhenOnlyTheTitleMatches() {
        String body = "<b>教学目标</b>：\n\n会认“思、床”等生字。" + "反复朗读。".repeat(60);
        index.index(material("plan", "静夜思教学设计", body));

        SearchHit hit = index.search(SearchQuery.of("静夜思")).hits().getFirst();

        String start = "<b>教学目标</b>： 会认“思、床”等生字。" + "反复朗读。".repeat(60);
        assertThat(hit.snippetHtml())
                .startsWith("&lt;b&gt;教学目标&lt;/b&gt;： 会认“思、床”等生字。")
                .isEqualTo(Snippets.escape(start.substring(0, Snippets.FALLBACK_LENGTH)) + "…");
    }

    @Test
    void escapesTitleAndStartOfBodyWhenBrowsing() {
        index.index(material("plan", "a < b 的比较", "比较 a & b"));

        SearchHit hit = index.search(new SearchQuery("", "chinese", null, null, null, 0, 10))
                .hits()
                .getFirst();

        assertThat(hit.titleHtml()).isEqualTo("a &lt; b 的比较");
        assertThat(hit.snippetHtml()).isEqualTo("比较 a &amp; b");
    }
}
