package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lessoncommons.search.SampleMaterials.material;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SearchFilterTests {

    private final SearchIndex index = new SearchIndex(new ByteBuffersDirectory());

    @BeforeEach
    void indexMaterials() {
        index.indexAll(List.of(
                material(
                        "math-g3-plan",
                        "分数的初步认识 教案",
                        "认识几分之一，比较分数大小。",
                        "math",
                        "g3",
                        "lesson-plan",
                        "school-1",
                        Instant.parse("2025-09-01T08:00:00Z")),
                material(
                        "math-g5-exam",
                        "分数加减法 单元测试",
                        "计算：1/2 + 1/3 = ？异分母分数相加要先通分。",
                        "math",
                        "g5",
                        "exam",
                        "school-2",
                        Instant.parse("2025-10-15T08:00:00Z")),
                material(
                        "chinese-g3-plan",
                        "静夜思 教案",
                        "床前明月光，疑是地上霜。体会诗人思念故乡的感情，用分数评价朗读。",
                        "chinese",
                        "g3",
                        "lesson-plan",
                        "school-2",
                        Instant.parse("2025-11-20T08:00:00Z"))));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void narrowsResultsBySubject() {
        SearchResults results = index.search(new SearchQuery("分数", "math", null, null, null, 0, 10));

        assertThat(ids(results)).containsExactlyInAnyOrder("math-g3-plan", "math-g5-exam");
    }

    @Test
    void narrowsResultsByGrade() {
        SearchResults results = index.search(new SearchQuery("分数", null, "g3", null, null, 0, 10));

        assertThat(ids(results)).containsExactlyInAnyOrder("math-g3-plan", "chinese-g3-plan");
    }

    @Test
    void narrowsResultsByResourceType() {
        SearchResults results = index.search(new SearchQuery("分数", null, null, "exam", null, 0, 10));

        assertThat(ids(results)).containsExactly("math-g5-exam");
    }

    @Test
    void narrowsResultsBySchool() {
        SearchResults results = index.search(new SearchQuery("分数", null, null, null, "school-1", 0, 10));

        assertThat(ids(results)).containsExactly("math-g3-plan");
    }

    @Test
    void combinesFilters() {
        SearchResults results = index.search(new SearchQuery("分数", "math", "g3", null, "school-2", 0, 10));

        assertThat(results.totalHits()).isZero();
    }

    @Test
    void browsesFilteredMaterialsNewestFirstWithoutText() {
        SearchResults results = index.search(new SearchQuery("", null, "g3", null, null, 0, 10));

        assertThat(ids(results)).containsExactly("chinese-g3-plan", "math-g3-plan");
        assertThat(results.totalHits()).isEqualTo(2);
    }

    @Test
    void browsesEverythingNewestFirstForBlankTextWithoutFilters() {
        SearchResults results = index.search(SearchQuery.of("  "));

        assertThat(ids(results)).containsExactly("chinese-g3-plan", "math-g5-exam", "math-g3-plan");
    }

    @Test
    void browsesFilteredMaterialsWhenTheTextIsOnlyStopCharacters() {
        SearchResults results = index.search(new SearchQuery("的，", "math", null, null, null, 0, 10));

        assertThat(ids(results)).containsExactly("math-g5-exam", "math-g3-plan");
    }

    @Test
    void ignoresBlankFilterValues() {
        SearchResults results = index.search(new SearchQuery("静夜思", " ", null, "", null, 0, 10));

        assertThat(ids(results)).containsExactly("chinese-g3-plan");
    }

    private static List<String> ids(SearchResults results) {
        return results.hits().stream().map(SearchHit::id).toList();
    }
}
