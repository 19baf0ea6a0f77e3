package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lessoncommons.search.SampleMaterials.material;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SortOrderTests {

    private static final Instant START = Instant.parse("2025-09-01T00:00:00Z");

    private final SearchIndex index = new SearchIndex(new ByteBuffersDirectory());

    @BeforeEach
    void materials() {
        // Material i was added i days after START and downloaded (i * 7) % 25 times: ties included.
        index.indexAll(IntStream.range(0, 25)
                .mapToObj(i -> material(
                                "m" + i,
                                i % 5 == 0 ? "分数加法练习 第" + i + "套" : "口算练习 第" + i + "套",
                                "分数加法：" + i + "/9 + 1/9 = ？",
                                "math",
                                "g3",
                                "exercise",
                                "school-1",
                                START.plusSeconds(86_400L * i))
                        .withDownloads((i * 7L) % 25))
                .toList());
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void newestFirstIgnoresHowWellTheTextMatches() {
        List<SearchHit> hits = all(SearchQuery.of("分数").sortedBy(SortOrder.NEWEST));

        assertThat(hits).hasSize(25);
        assertThat(hits).extracting(SearchHit::id).startsWith("m24", "m23", "m22");
        assertThat(hits).extracting(SearchHit::createdAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void mostDownloadedFirstThenNewest() {
        List<SearchHit> hits = all(SearchQuery.of("分数").sortedBy(SortOrder.MOST_DOWNLOADED));

        assertThat(hits).hasSize(25);
        assertThat(hits).extracting(SearchHit::downloads).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        for (int i = 1; i < hits.size(); i++) {
            if (hits.get(i).downloads() == hits.get(i - 1).downloads()) {
                assertThat(hits.get(i).createdAt()).isBefore(hits.get(i - 1).createdAt());
            }
        }
    }

    @Test
    void relevanceRanksTitleMatchesFirst() {
        List<SearchHit> hits = all(SearchQuery.of("分数加法"));

        assertThat(hits.subList(0, 5))
                .extracting(SearchHit::id)
                .containsExactlyInAnyOrder("m0", "m5", "m10", "m15", "m20");
    }

    @Test
    void everyOrderPagesWithoutGapsOrRepeats() {
        for (SortOrder order : SortOrder.values()) {
            SearchQuery query = SearchQuery.of("分数").sortedBy(order);
            List<String> paged = new ArrayList<>();
            for (int page = 0; page < 4; page++) {
                SearchResults results = index.search(query.page(page, 7));
                assertThat(results.totalHits()).isEqualTo(25);
                assertThat(results.totalPages()).isEqualTo(4);
                results.hits().forEach(hit -> paged.add(hit.id()));
            }
            List<String> whole = all(query).stream().map(SearchHit::id).toList();

            assertThat(paged).as(order.name()).containsExactlyElementsOf(whole);
        }
    }

    @Test
    void browsingWithoutWordsCanBeSortedByDownloads() {
        List<SearchHit> hits =
                all(new SearchQuery("", "math", null, null, null, 0, 100).sortedBy(SortOrder.MOST_DOWNLOADED));

        assertThat(hits).hasSize(25);
        assertThat(hits.getFirst().downloads()).isEqualTo(24);
    }

    private List<SearchHit> all(SearchQuery query) {
        return index.search(query.page(0, 100)).hits();
    }
}
