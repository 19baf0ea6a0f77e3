package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.lessoncommons.search.SampleMaterials.material;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SearchPagingTests {

    private final SearchIndex index = new SearchIndex(new ByteBuffersDirectory());

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void pagesThroughAllMatchesWithExactTotal() {
        index.indexAll(exercises(35));
        Set<String> seen = new HashSet<>();

        SearchResults first = index.search(new SearchQuery("口算", null, null, null, null, 0, 10));
        SearchResults last = index.search(new SearchQuery("口算", null, null, null, null, 3, 10));
        IntStream.range(0, 4)
                .mapToObj(page -> index.search(new SearchQuery("口算", null, null, null, null, page, 10)))
                .forEach(page -> page.hits().forEach(hit -> seen.add(hit.id())));

        assertThat(first.totalHits()).isEqualTo(35);
        assertThat(first.hits()).hasSize(10);
        assertThat(first.totalPages()).isEqualTo(4);
        assertThat(last.hits()).hasSize(5);
        assertThat(last.page()).isEqualTo(3);
        assertThat(seen).hasSize(35);
    }

    @Test
    void returnsAnEmptyPageBeyondTheLastMatch() {
        index.indexAll(exercises(35));

        SearchResults results = index.search(new SearchQuery("口算", null, null, null, null, 7, 10));

        assertThat(results.hits()).isEmpty();
        assertThat(results.totalHits()).isEqualTo(35);
    }

    @Test
    void countsEveryMatchBeyondLuceneDefaultThreshold() {
        index.indexAll(exercises(1_500));

        SearchResults text = index.search(SearchQuery.of("口算"));
        SearchResults browse = index.search(new SearchQuery("", "math", null, null, null, 0, 20));

        assertThat(text.totalHits()).isEqualTo(1_500);
        assertThat(browse.totalHits()).isEqualTo(1_500);
    }

    @Test
    void pagesBrowsingResultsNewestFirst() {
        index.indexAll(exercises(35));

        SearchResults second = index.search(new SearchQuery("", "math", null, null, null, 1, 10));

        assertThat(second.hits()).extracting(SearchHit::id).first().isEqualTo("exercise-24");
        assertThat(second.hits()).extracting(SearchHit::createdAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void rejectsPagesBeyondTheResultWindow() {
        SearchQuery deep = new SearchQuery("口算", null, null, null, null, 100, 100);

        assertThatExceptionOfType(InvalidQuery.class)
                .isThrownBy(() -> index.search(deep))
                .withMessageContaining("10000");
    }

    @Test
    void rejectsInvalidPaging() {
        assertThatExceptionOfType(InvalidQuery.class)
                .isThrownBy(() -> new SearchQuery("口算", null, null, null, null, -1, 10));
        assertThatExceptionOfType(InvalidQuery.class)
                .isThrownBy(() -> new SearchQuery("口算", null, null, null, null, 0, 0));
        assertThatExceptionOfType(InvalidQuery.class)
                .isThrownBy(() -> new SearchQuery("口算", null, null, null, null, 0, SearchQuery.MAX_PAGE_SIZE + 1));
    }

    @Test
    void rejectsOverlongText() {
        SearchQuery pasted = SearchQuery.of("口算".repeat(QueryTerm.MAX_TEXT_LENGTH));

        assertThatExceptionOfType(InvalidQuery.class).isThrownBy(() -> index.search(pasted));
    }

    private static List<IndexedMaterial> exercises(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> material(
                        "exercise-" + i,
                        "二年级口算练习 第" + (i + 1) + "套",
                        "口算：" + i + " + 25 = ？ 36 - " + i + " = ？",
                        "math",
                        "g2",
                        "exercise",
                        "school-1",
                        Instant.parse("2025-09-01T00:00:00Z").plusSeconds(3600L * i)))
                .toList();
    }
}
