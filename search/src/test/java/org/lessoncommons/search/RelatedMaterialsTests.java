package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.lessoncommons.search.SampleMaterials.FRACTIONS_LESSON;
import static org.lessoncommons.search.SampleMaterials.PHOTOSYNTHESIS_EXAM;
import static org.lessoncommons.search.SampleMaterials.QUIET_NIGHT_POEM;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RelatedMaterialsTests {

    private static final Audience TEACHER = Audience.member("t1", "s1", "a1");

    private final SearchIndex index = new SearchIndex(new ByteBuffersDirectory());

    @BeforeEach
    void materials() {
        index.index(material("poem", "静夜思教学设计", QUIET_NIGHT_POEM + "体会诗人李白的思乡之情。", "s1", Sharing.ALLIANCE, "t2"));
        index.index(material(
                "poem-ware", "古诗《静夜思》课件", "李白 静夜思：床前明月光，疑是地上霜。举头望明月，低头思故乡。思乡之情。", "s2", Sharing.ALLIANCE, "t3"));
        index.index(material("moon", "《望月怀远》赏析", "明月是古诗中常见的意象，寄托诗人思乡、怀人之情。", "s2", Sharing.ALLIANCE, "t3"));
        index.index(material("fractions", "分数的初步认识", FRACTIONS_LESSON, "s1", Sharing.ALLIANCE, "t2"));
        index.index(material("exam", "七年级生物期中测试卷", PHOTOSYNTHESIS_EXAM, "s2", Sharing.ALLIANCE, "t3"));
        index.index(material("secret", "静夜思教学设计（试讲稿）", QUIET_NIGHT_POEM + "体会诗人李白的思乡之情。", "s2", Sharing.PRIVATE, "t3"));
        index.index(material("outside", "静夜思教学设计", QUIET_NIGHT_POEM, "s9", Sharing.ALLIANCE, "t9"));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void findsMaterialsAboutTheSamePoemFirstAndNeverItself() {
        List<String> related = ids("poem", TEACHER);

        assertThat(related).first().isEqualTo("poem-ware");
        assertThat(related).doesNotContain("poem", "fractions", "exam");
    }

    @Test
    void neverShowsWhatTheViewerMayNotSee() {
        List<String> teacher = ids("poem", TEACHER);
        List<String> colleagueOfTheUploader = ids("poem", Audience.member("t3", "s2", "a1"));

        assertThat(teacher).doesNotContain("secret", "outside");
        assertThat(colleagueOfTheUploader).contains("secret").doesNotContain("outside");
    }

    @Test
    void returnsNothingForAMaterialNotInTheIndexAndRespectsTheLimit() {
        assertThat(index.related("missing", TEACHER, 5)).isEmpty();
        assertThat(index.related("poem", Audience.everything(), 1)).hasSize(1);
        assertThatExceptionOfType(InvalidQuery.class).isThrownBy(() -> index.related("poem", TEACHER, 0));
    }

    @Test
    void hitsCarryEscapedTitlesForDisplay() {
        SearchHit hit = index.related("poem", TEACHER, 5).getFirst();

        assertThat(hit.titleHtml()).isEqualTo("古诗《静夜思》课件");
        assertThat(hit.snippetHtml()).isNotBlank();
    }

    private List<String> ids(String id, Audience audience) {
        return index.related(id, audience, 10).stream().map(SearchHit::id).toList();
    }

    private static IndexedMaterial material(
            String id, String title, String body, String school, Sharing sharing, String uploader) {
        return new IndexedMaterial(
                id,
                title,
                body,
                "CHINESE",
                "GRADE_3",
                "LESSON_PLAN",
                school,
                "学校" + school,
                school.equals("s9") ? "a9" : "a1",
                uploader,
                sharing,
                id + ".docx",
                "application/octet-stream",
                Instant.parse("2025-09-01T08:00:00Z"));
    }
}
