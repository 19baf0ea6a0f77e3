package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lessoncommons.search.SampleMaterials.material;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** BM25 with field boosts, phrase proximity, and freshness and downloads as gentle signals. */
class RankingTests {

    private static final Instant NOW = Instant.now();

    private final SearchIndex index = new SearchIndex(new ByteBuffersDirectory());

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void ranksTitleAboveChapterAndTagsAboveBody() {
        String filler = "本课围绕课文展开朗读、识字和写话练习，学生分组交流读后感受。";
        index.index(lesson("body", "第三课教学设计", filler + "重点是理解比喻句。"));
        index.index(lesson("tags", "第三课教学设计", filler).withTextbook(null, null, "比喻句专项"));
        index.index(lesson("title", "比喻句教学设计", filler));

        assertThat(ids("比喻句")).containsExactly("title", "tags", "body");
    }

    @Test
    void ranksWordsStandingTogetherAboveTheSameWordsApart() {
        index.index(lesson("apart", "单元复习", "先复习分数的意义。接着做十道口算题，再讲应用题的画图方法，最后安排加法练习。"));
        index.index(lesson("together", "单元复习", "先复习口算题，再讲应用题的画图方法，最后安排分数加法练习，并布置作业。"));

        assertThat(ids("分数 加法")).containsExactly("together", "apart");
    }

    @Test
    void newerMaterialBreaksATieBetweenEqualMatches() {
        index.index(lesson("old", "分数的初步认识", "认识几分之一。", NOW.minus(Duration.ofDays(3 * 365))));
        index.index(lesson("new", "分数的初步认识", "认识几分之一。", NOW.minus(Duration.ofDays(7))));

        assertThat(ids("分数")).containsExactly("new", "old");
    }

    @Test
    void moreDownloadedMaterialBreaksATieBetweenEqualMatches() {
        index.index(lesson("unused", "分数的初步认识", "认识几分之一。", NOW));
        index.index(lesson("popular", "分数的初步认识", "认识几分之一。", NOW).withDownloads(800));

        assertThat(ids("分数")).containsExactly("popular", "unused");
    }

    @Test
    void freshnessAndDownloadsNeverLiftABodyMatchAboveATitleMatch() {
        index.index(lesson("old-title", "分数的初步认识", "认识几分之一。", NOW.minus(Duration.ofDays(6 * 365))));
        index.index(
                lesson("new-body", "三年级数学单元练习", "本单元的练习涉及分数的读写，以及几分之一的比较。", NOW).withDownloads(100_000));

        assertThat(ids("分数")).containsExactly("old-title", "new-body");
    }

    @Test
    void signalsAreGentleMultipliers() {
        index.index(lesson("fresh", "分数", "分数。", NOW).withDownloads(1_000));
        index.index(lesson("stale", "分数", "分数。", NOW.minus(Duration.ofDays(20 * 365))));

        List<SearchHit> hits = index.search(SearchQuery.of("分数")).hits();

        float ratio = hits.get(0).score() / hits.get(1).score();
        assertThat(hits).extracting(SearchHit::id).containsExactly("fresh", "stale");
        assertThat(ratio).isBetween(1.05f, 1.1f * 1.16f);
    }

    @Test
    void stopCharactersOnlyFindNothingAlsoWhenTheTextIsUnderstood() {
        index.index(lesson("fractions", "分数的初步认识", "认识几分之一。"));

        SearchResults understood = index.search(SearchQuery.of("的 了 。").understood());
        SearchResults besideAChip = index.search(SearchQuery.of("的 数学").understood());

        assertThat(understood.totalHits()).isZero();
        assertThat(besideAChip.chips()).extracting(Chip::code).containsExactly("MATH");
    }

    private List<String> ids(String text) {
        return index.search(SearchQuery.of(text)).hits().stream()
                .map(SearchHit::id)
                .toList();
    }

    private static IndexedMaterial lesson(String id, String title, String body) {
        return lesson(id, title, body, Instant.parse("2025-09-01T08:00:00Z"));
    }

    private static IndexedMaterial lesson(String id, String title, String body, Instant createdAt) {
        return material(id, title, body, "math", "g3", "lesson-plan", "school-1", createdAt);
    }
}
