package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lessoncommons.search.SampleMaterials.FRACTIONS_LESSON;
import static org.lessoncommons.search.SampleMaterials.PHOTOSYNTHESIS_EXAM;
import static org.lessoncommons.search.SampleMaterials.QUIET_NIGHT_POEM;
import static org.lessoncommons.search.SampleMaterials.material;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SearchIndexTests {

    private final SearchIndex index = new SearchIndex(new ByteBuffersDirectory());

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void findsMaterialByWordInBody() {
        index.index(material("exam", "期中测试卷", PHOTOSYNTHESIS_EXAM));
        index.index(material("poem", "古诗二首", QUIET_NIGHT_POEM));

        SearchResults results = index.search(SearchQuery.of("光合作用"));

        assertThat(ids(results)).containsExactly("exam");
    }

    @Test
    void findsWordsPastThePartOfAVeryLongBodyThatIsSegmented() {
        String volume = "第一课 识字写字。".repeat(MaterialDocument.SEGMENTED_BODY / 9 + 1) + "第三十课 光合作用 实验报告";
        index.index(material("volume", "教案合订本", volume));
        index.index(material("poem", "古诗二首", QUIET_NIGHT_POEM));

        assertThat(ids(index.search(SearchQuery.of("光合作用 实验报告")))).containsExactly("volume");
        assertThat(index.search(SearchQuery.of("光合作用")).hits().getFirst().snippetHtml())
                .contains("<mark>光合作用</mark>");
    }

    @Test
    void findsMaterialByTitle() {
        index.index(material("plan", "三年级语文集体备课教案", "第一单元 识字写字"));
        index.index(material("exam", "期中测试卷", PHOTOSYNTHESIS_EXAM));

        SearchResults results = index.search(SearchQuery.of("备课"));

        assertThat(ids(results)).containsExactly("plan");
    }

    @Test
    void findsWordThatTheSegmenterSplitsDifferentlyInContext() {
        index.index(material("fractions", "三年级数学教案", FRACTIONS_LESSON));
        index.index(material("poem", "古诗二首", QUIET_NIGHT_POEM));

        SearchResults fractions = index.search(SearchQuery.of("分数"));
        SearchResults moonlight = index.search(SearchQuery.of("明月光"));

        assertThat(ids(fractions)).containsExactly("fractions");
        assertThat(ids(moonlight)).containsExactly("poem");
    }

    @Test
    void findsPoemTitleTheSegmenterBreaksIntoSingleCharacters() {
        index.index(material("poem", "古诗二首", QUIET_NIGHT_POEM));
        index.index(material("essay", "夜景作文", "夜深人静，我思念远方的亲人，心情久久不能平静。"));

        SearchResults results = index.search(SearchQuery.of("静夜思"));

        assertThat(ids(results)).containsExactly("poem");
    }

    @Test
    void doesNotMatchTheCharactersOfAWordScatteredOverTheText() {
        index.index(material("fractions", "三年级数学教案", FRACTIONS_LESSON));
        index.index(material("review", "数学复习课", "这节课十分重要，复习整数的加法和减法。"));

        SearchResults results = index.search(SearchQuery.of("分数"));

        assertThat(ids(results)).containsExactly("fractions");
    }

    @Test
    void requiresEveryTermOfTheQuery() {
        index.index(material("g3", "三年级数学：分数的初步认识", FRACTIONS_LESSON));
        index.index(material("g5", "五年级数学：分数的加法", "第三课时 异分母分数加法，先通分再相加。"));
        index.index(material("g3-chinese", "三年级语文：古诗二首", QUIET_NIGHT_POEM));

        SearchResults results = index.search(SearchQuery.of("三年级 分数"));

        assertThat(ids(results)).containsExactly("g3");
    }

    @Test
    void ranksTitleMatchesAboveBodyMatches() {
        index.index(material("body", "古诗教学反思", "本课学习李白的静夜思，学生能背诵全诗。"));
        index.index(material("title", "静夜思教学设计", "引导学生体会诗人的思乡之情。"));

        SearchResults results = index.search(SearchQuery.of("静夜思"));

        assertThat(ids(results)).containsExactly("title", "body");
    }

    @Test
    void findsNothingForStopCharactersOnly() {
        index.index(material("fractions", "三年级数学教案", FRACTIONS_LESSON));

        SearchResults particle = index.search(SearchQuery.of("的"));
        SearchResults particles = index.search(SearchQuery.of("的 了 是"));
        SearchResults english = index.search(SearchQuery.of("the"));

        assertThat(particle.totalHits()).isZero();
        assertThat(particles.totalHits()).isZero();
        assertThat(english.totalHits()).isZero();
    }

    @Test
    void findsNothingForPunctuationOnly() {
        index.index(material("poem", "古诗二首", QUIET_NIGHT_POEM));

        SearchResults results = index.search(SearchQuery.of("，。"));

        assertThat(results.totalHits()).isZero();
        assertThat(results.hits()).isEmpty();
    }

    @Test
    void ignoresStopCharactersNextToRealTerms() {
        index.index(material("poem", "古诗二首", QUIET_NIGHT_POEM));

        SearchResults results = index.search(SearchQuery.of("的 静夜思 ，"));

        assertThat(ids(results)).containsExactly("poem");
    }

    @Test
    void replacesMaterialIndexedTwiceWithTheSameId() {
        index.index(material("plan", "分数的初步认识（初稿）", FRACTIONS_LESSON));

        index.index(material("plan", "分数的初步认识（定稿）", FRACTIONS_LESSON));

        assertThat(index.count()).isEqualTo(1);
        assertThat(index.search(SearchQuery.of("定稿")).hits())
                .singleElement()
                .extracting(SearchHit::title)
                .isEqualTo("分数的初步认识（定稿）");
        assertThat(index.search(SearchQuery.of("初稿")).totalHits()).isZero();
    }

    @Test
    void removesMaterialById() {
        index.indexAll(
                List.of(material("poem", "古诗二首", QUIET_NIGHT_POEM), material("exam", "期中测试卷", PHOTOSYNTHESIS_EXAM)));

        index.remove("poem");

        assertThat(index.contains("poem")).isFalse();
        assertThat(index.contains("exam")).isTrue();
        assertThat(index.search(SearchQuery.of("静夜思")).totalHits()).isZero();
    }

    @Test
    void listsTheIdsOfLiveDocumentsOnly() {
        index.indexAll(List.of(
                material("poem", "古诗二首", QUIET_NIGHT_POEM),
                material("exam", "期中测试卷", PHOTOSYNTHESIS_EXAM),
                material("plan", "分数的初步认识", FRACTIONS_LESSON)));
        index.index(material("plan", "分数的初步认识（定稿）", FRACTIONS_LESSON));

        index.remove("exam");

        assertThat(index.ids()).containsExactlyInAnyOrder("poem", "plan");
    }

    @Test
    void removesEverythingForARebuild() {
        index.indexAll(
                List.of(material("poem", "古诗二首", QUIET_NIGHT_POEM), material("exam", "期中测试卷", PHOTOSYNTHESIS_EXAM)));

        index.removeAll();

        assertThat(index.count()).isZero();
        assertThat(index.search(SearchQuery.of("")).totalHits()).isZero();
    }

    @Test
    void returnsStoredDisplayValuesOfAHit() {
        index.index(material("exam", "七年级生物期中测试卷", PHOTOSYNTHESIS_EXAM));

        SearchHit hit = index.search(SearchQuery.of("生物")).hits().getFirst();

        assertThat(hit.id()).isEqualTo("exam");
        assertThat(hit.subject()).isEqualTo("chinese");
        assertThat(hit.schoolName()).isEqualTo("第school-1实验小学");
        assertThat(hit.fileName()).isEqualTo("exam.docx");
        assertThat(hit.createdAt()).hasToString("2025-09-01T08:00:00Z");
        assertThat(hit.score()).isPositive();
    }

    private static List<String> ids(SearchResults results) {
        return results.hits().stream().map(SearchHit::id).toList();
    }
}
