package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueryUnderstandingTests {

    private static final ChineseAnalysis ANALYSIS = new ChineseAnalysis();
    private static final QueryUnderstanding UNDERSTANDING = QueryUnderstanding.load();

    private final SearchIndex index = new SearchIndex(new ByteBuffersDirectory());

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @AfterAll
    static void closeAnalysis() throws IOException {
        ANALYSIS.close();
    }

    @Test
    void turnsGradeSemesterSubjectAndTypeWordsIntoChipsAndKeepsTheRest() {
        QueryUnderstanding.Understood understood = understand("三年级上册 语文 第二单元 教案");

        assertThat(understood.chips())
                .extracting(Chip::field, Chip::code, Chip::words)
                .containsExactly(
                        tuple(FacetField.GRADE, "GRADE_3", "三年级"),
                        tuple(FacetField.SEMESTER, "FIRST_TERM", "上册"),
                        tuple(FacetField.SUBJECT, "CHINESE", "语文"),
                        tuple(FacetField.RESOURCE_TYPE, "LESSON_PLAN", "教案"));
        assertThat(understood.text()).isEqualTo("第二单元");
        assertThat(understood.filters().selected())
                .containsEntry(FacetField.GRADE, Set.of("GRADE_3"))
                .containsEntry(FacetField.SEMESTER, Set.of("FIRST_TERM"))
                .containsEntry(FacetField.SUBJECT, Set.of("CHINESE"))
                .containsEntry(FacetField.RESOURCE_TYPE, Set.of("LESSON_PLAN"));
    }

    @Test
    void understandsEditionsAndTraditionalCharacters() {
        QueryUnderstanding.Understood understood = understand("人教版 數學 分數");

        assertThat(understood.chips())
                .extracting(Chip::field, Chip::code)
                .containsExactly(tuple(FacetField.EDITION, "PEP"), tuple(FacetField.SUBJECT, "MATH"));
        assertThat(understood.text()).isEqualTo("分數");
    }

    @Test
    void leavesWordsInQuotesAndInsideOtherWordsAsText() {
        QueryUnderstanding.Understood quoted = understand("\"教案\" 写作");
        QueryUnderstanding.Understood inside = understand("文化学习");

        assertThat(quoted.chips()).isEmpty();
        assertThat(quoted.text()).isEqualTo("\"教案\" 写作");
        assertThat(inside.chips()).isEmpty();
        assertThat(inside.text()).isEqualTo("文化学习");
    }

    @Test
    void keepsFiltersTheTeacherAlreadySelected() {
        Filters selected = Filters.none().with(FacetField.SCHOOL, "s1");

        QueryUnderstanding.Understood understood = UNDERSTANDING.understand("数学 分数", selected, ANALYSIS);

        assertThat(understood.filters().selected())
                .containsEntry(FacetField.SCHOOL, Set.of("s1"))
                .containsEntry(FacetField.SUBJECT, Set.of("MATH"));
    }

    @Test
    void searchFiltersByTheChipsAndScoresOnlyTheRest() {
        index.index(material("g3-chinese-plan", "第二单元 古诗教案", "CHINESE", "GRADE_3", "LESSON_PLAN", "FIRST_TERM"));
        index.index(material("g3-chinese-ware", "第二单元 古诗课件", "CHINESE", "GRADE_3", "COURSEWARE", "FIRST_TERM"));
        index.index(material("g4-chinese-plan", "第二单元 古诗教案", "CHINESE", "GRADE_4", "LESSON_PLAN", "FIRST_TERM"));
        index.index(material("g3-second-term", "第二单元 古诗教案", "CHINESE", "GRADE_3", "LESSON_PLAN", "SECOND_TERM"));
        index.index(material("g3-math-plan", "第二单元 教案", "MATH", "GRADE_3", "LESSON_PLAN", "FIRST_TERM"));

        SearchResults results = index.search(SearchQuery.of("三年级上册 语文 第二单元 教案").understood());
        SearchResults literal = index.search(SearchQuery.of("三年级上册 语文 第二单元 教案"));

        assertThat(results.hits()).extracting(SearchHit::id).containsExactly("g3-chinese-plan");
        assertThat(results.chips()).hasSize(4);
        assertThat(results.scoredText()).isEqualTo("第二单元");
        assertThat(literal.totalHits()).isZero();
        assertThat(literal.chips()).isEmpty();
    }

    @Test
    void onlyChipsLeftBrowsesTheFilteredMaterials() {
        index.index(material("plan", "静夜思", "CHINESE", "GRADE_3", "LESSON_PLAN", null));
        index.index(material("ware", "静夜思", "CHINESE", "GRADE_3", "COURSEWARE", null));

        SearchResults results = index.search(SearchQuery.of("三年级 教案").understood());

        assertThat(results.hits()).extracting(SearchHit::id).containsExactly("plan");
        assertThat(results.scoredText()).isEmpty();
    }

    @Test
    void everyWordOfTheTableIsFoundAsAChipByItself() {
        Set<String> missed = UNDERSTANDING.words().keySet().stream()
                .filter(word -> understand(word).chips().size() != 1)
                .collect(Collectors.toSet());

        assertThat(missed).isEmpty();
    }

    @Test
    void editionAndSemesterCodesAreTheDocumentedOnes() {
        Set<String> semesters = codes(FacetField.SEMESTER);
        Set<String> editions = codes(FacetField.EDITION);

        assertThat(semesters).containsExactlyInAnyOrder("FIRST_TERM", "SECOND_TERM");
        assertThat(editions).containsExactlyInAnyOrder("PEP", "UNIFIED", "BNU", "JIANGSU", "FLTRP", "SHANGHAI");
        assertThat(UNDERSTANDING.words().values())
                .extracting(QueryUnderstanding.Entry::code)
                .allMatch(code -> code.matches("[A-Z][A-Z0-9_]*"));
    }

    private static Set<String> codes(FacetField field) {
        return UNDERSTANDING.words().values().stream()
                .filter(entry -> entry.field() == field)
                .map(QueryUnderstanding.Entry::code)
                .collect(Collectors.toSet());
    }

    private static QueryUnderstanding.Understood understand(String text) {
        return UNDERSTANDING.understand(text, Filters.none(), ANALYSIS);
    }

    private static IndexedMaterial material(
            String id, String title, String subject, String grade, String type, String semester) {
        return new IndexedMaterial(
                        id,
                        title,
                        "床前明月光，疑是地上霜。",
                        subject,
                        grade,
                        type,
                        "s1",
                        "实验小学",
                        "a1",
                        null,
                        Sharing.ALLIANCE,
                        id + ".docx",
                        "application/octet-stream",
                        Instant.parse("2025-09-01T08:00:00Z"))
                .withTextbook(null, semester, null);
    }
}
