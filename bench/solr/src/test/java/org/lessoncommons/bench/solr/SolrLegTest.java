package org.lessoncommons.bench.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolrLegTest {

    private static final int GENERATED = 200;

    @Test
    void runWritesTheFiguresOfEveryPhase(@TempDir Path dir) throws Exception {
        TestCorpus.write(dir, GENERATED);

        Map<String, String> figures = SolrLeg.run(dir, TestCorpus.VIEWER, 5, 30);

        Properties written = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("solr-results.properties"))) {
            written.load(in);
        }
        assertThat(written).containsAllEntriesOf(figures);
        assertThat(written.getProperty("solr.version")).isEqualTo("9.10.1");
        assertThat(written.getProperty("lucene.version")).startsWith("9.");
        assertThat(written.getProperty("docs")).isEqualTo(String.valueOf(GENERATED + TestCorpus.KNOWN));
        assertThat(written.getProperty("queries")).isEqualTo(String.valueOf(TestCorpus.QUERIES.size()));
        assertThat(Long.parseLong(written.getProperty("index.bytes"))).isPositive();
        assertThat(Double.parseDouble(written.getProperty("mean.numFound"))).isPositive();
        assertThat(Double.parseDouble(written.getProperty("p99.ms")))
                .isGreaterThanOrEqualTo(Double.parseDouble(written.getProperty("p50.ms")));
        assertThat(Double.parseDouble(written.getProperty("qps.two.threads"))).isPositive();
        assertThat(written).containsKeys("index.seconds", "mean.ms", "qps.one.thread", "load.before", "load.after");
    }

    @Test
    void searchFindsChineseTitlesAndOnlyWhatTheViewerMaySee(@TempDir Path dir) throws Exception {
        TestCorpus.write(dir, GENERATED);
        try (MaterialsCore core = MaterialsCore.create(dir.resolve("solr"))) {
            assertThat(core.index(dir.resolve("corpus.tsv"), 2)).isEqualTo(GENERATED + TestCorpus.KNOWN);

            Page poem = core.search("静夜思", TestCorpus.VIEWER);
            assertThat(poem.ids()).contains(TestCorpus.POEM);
            Page.Hit hit = poem.hits().get(poem.ids().indexOf(TestCorpus.POEM));
            assertThat(hit.title()).contains("静夜思");
            assertThat(hit.titleHtml()).contains("<mark>");
            assertThat(core.search("《静夜思》课件", TestCorpus.VIEWER).ids()).contains(TestCorpus.POEM);

            // Both whale materials match; the one school-9 shares only with itself stays hidden
            Page whales = core.search("鲸鱼观察", TestCorpus.VIEWER);
            assertThat(whales.numFound()).isEqualTo(1);
            assertThat(whales.ids()).containsExactly(TestCorpus.WHALES);
            assertThat(whales.facets().get("schoolId")).containsOnlyKeys("school-3");
            for (String query : TestCorpus.QUERIES) {
                assertThat(core.search(query, TestCorpus.VIEWER).ids()).doesNotContain(TestCorpus.HIDDEN);
            }
            // ... but school-9's own members see it, so the filter is what hides it
            Viewer ownSchool = new Viewer("account-5", "school-9", "alliance-1");
            assertThat(core.search("鲸鱼观察", ownSchool).ids())
                    .containsExactlyInAnyOrder(TestCorpus.WHALES, TestCorpus.HIDDEN);

            Page grade = core.search("三年级上册 语文 第二单元 教案", TestCorpus.VIEWER);
            assertThat(grade.ids()).contains(TestCorpus.UNIT);
            assertThat(grade.facets().get("subject")).containsKey("CHINESE");
            assertThat(grade.hits()).allSatisfy(h -> assertThat(h.title()).contains("三年级"));
        }
    }
}
