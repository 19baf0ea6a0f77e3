package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lessoncommons.search.SampleMaterials.material;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChineseVariantsTests {

    private final SearchIndex index = new SearchIndex(new ByteBuffersDirectory());

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void findsSimplifiedMaterialByTraditionalQuery() {
        index.index(material("simplified", "静夜思教学设计", "床前明月光，疑是地上霜。"));

        assertThat(ids(index.search(SearchQuery.of("靜夜思")))).containsExactly("simplified");
        assertThat(ids(index.search(SearchQuery.of("教學設計")))).containsExactly("simplified");
    }

    @Test
    void findsTraditionalMaterialBySimplifiedQuery() {
        index.index(material("traditional", "《靜夜思》教學設計", "舉頭望明月，低頭思故鄉。體會詩人的思鄉之情。"));
        index.index(material("other", "分数的初步认识", "认识几分之一。"));

        assertThat(ids(index.search(SearchQuery.of("静夜思")))).containsExactly("traditional");
        assertThat(ids(index.search(SearchQuery.of("低头思故乡")))).containsExactly("traditional");
        assertThat(ids(index.search(SearchQuery.of("诗人")))).containsExactly("traditional");
    }

    @Test
    void highlightsTheTraditionalTextThatASimplifiedQueryMatched() {
        index.index(material("traditional", "《靜夜思》教學設計", "舉頭望明月，低頭思故鄉。"));

        SearchHit hit = index.search(SearchQuery.of("低头 静夜思")).hits().getFirst();

        assertThat(hit.titleHtml()).isEqualTo("《<mark>靜夜思</mark>》教學設計");
        assertThat(hit.snippetHtml()).contains("<mark>低頭</mark>");
    }

    @Test
    void foldsTraditionalCharactersOneToOneSoOffsetsStay() {
        String traditional = "學習數學與語文";

        String simplified = Simplified.text(traditional);

        assertThat(simplified).isEqualTo("学习数学与语文").hasSameSizeAs(traditional);
    }

    private static List<String> ids(SearchResults results) {
        return results.hits().stream().map(SearchHit::id).toList();
    }
}
