package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Searches that match more materials than are worth scoring one by one: ranked in two stages
 * ({@link Ranking}) and counted without the hits' pass. Every one of the materials mentions 教学反思,
 * as every lesson plan has a section for it; a tenth are private uploads of another school.
 */
class BroadSearchTests {

    private static final int MATERIALS = 24_000;
    private static final Audience TEACHER = Audience.member("t1", "s1", "a1");
    private static final Set<FacetField> ALL = EnumSet.allOf(FacetField.class);
    private static final String[] SUBJECTS = {"CHINESE", "MATH", "ENGLISH", "SCIENCE"};

    private static ByteBuffersDirectory directory;
    private static SearchIndex index;

    @BeforeAll
    static void indexMaterials() {
        directory = new ByteBuffersDirectory();
        index = new SearchIndex(directory);
        List<IndexedMaterial> batch = new ArrayList<>();
        for (int i = 0; i < MATERIALS; i++) {
            batch.add(material(i));
            if (batch.size() == 2_000) {
                index.indexAll(batch);
                batch.clear();
            }
        }
        index.indexAll(batch);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
        directory.close();
    }

    /**
     * Titles and bodies that score differently; every tenth private to a teacher of school s9. Half
     * quote 《静夜思》; a few decoys have its characters only apart (静夜 … 夜思), many times over.
     */
    private static IndexedMaterial material(int i) {
        boolean hidden = i % 10 == 9;
        boolean decoy = i % 97 == 1;
        String title = (i % 97 == 0 ? "《教学反思》" : "") + "第" + (i % 40) + "课 " + (i % 3 == 0 ? "教案" : "课件");
        String body = "课堂导入，小组合作。" + "教学反思：学生参与度高。".repeat(1 + i % 5) + (i % 8 == 0 ? "光合作用实验。" : "")
                + (decoy ? "静夜，夜思。".repeat(20) : i % 2 == 0 ? "课文《静夜思》。" : "");
        return new IndexedMaterial(
                        "m" + i,
                        title,
                        body,
                        SUBJECTS[i % SUBJECTS.length],
                        "GRADE_" + (1 + i % 9),
                        i % 3 == 0 ? "LESSON_PLAN" : "COURSEWARE",
                        hidden ? "s9" : "s1",
                        hidden ? "s9" : "s1",
                        "a1",
                        hidden ? "t9" : "t1",
                        hidden ? Sharing.PRIVATE : Sharing.ALLIANCE,
                        "m" + i + ".docx",
                        "application/octet-stream",
                        Instant.parse("2020-01-01T00:00:00Z").plusSeconds(3_600L * i))
                .withDownloads(i % 50);
    }

    @Test
    void countsWhatTheTeacherMaySeeWhenThereAreTooManyToScore() {
        SearchResults results = index.search(query("教学反思"));

        long visible = MATERIALS - MATERIALS / 10;
        assertThat(results.totalHits()).isEqualTo(visible);
        assertThat(results.facets().of(FacetField.SCHOOL).orElseThrow().values())
                .extracting(FacetCount::code)
                .containsExactly("s1");
        assertThat(results.facets().of(FacetField.SUBJECT).orElseThrow().values())
                .extracting(FacetCount::count)
                .allSatisfy(count -> assertThat(count).isBetween(visible / 4 - 1_000, visible / 4 + 1_000));
        assertThat(results.totalPages()).isEqualTo(SearchIndex.MAX_RESULT_WINDOW / 20);
    }

    @Test
    void ranksTheFirstPagesAsTheWholeQueryWould() throws IOException {
        SearchQuery query = query("教学反思");
        SearchResults page = index.search(query);

        assertScoredAsTheWholeQuery(query, page);
        assertThat(page.hits().getFirst().title()).contains("教学反思");
    }

    @Test
    void pagesNeitherRepeatNorSkipAcrossBothStages() {
        List<String> paged = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            index.search(query("教学反思").page(p, 20)).hits().forEach(hit -> paged.add(hit.id()));
        }
        List<String> atOnce = index.search(query("教学反思").page(0, 100)).hits().stream()
                .map(SearchHit::id)
                .toList();

        assertThat(new HashSet<>(paged)).hasSize(120);
        assertThat(paged.subList(0, 100)).isEqualTo(atOnce);
    }

    @Test
    void candidatesThatTheWholeQueryDoesNotMatchNeverShow() {
        // The first stage reads no body positions, so the decoys (静夜 … 夜思) are its best
        // candidates; the whole query, which wants 静夜思 verbatim, rejects them.
        SearchResults page = index.search(query("静夜思"));
        List<String> atOnce = index.search(query("静夜思").page(0, 100)).hits().stream()
                .map(SearchHit::id)
                .toList();

        assertThat(page.hits()).hasSize(20).allSatisfy(hit -> {
            int i = Integer.parseInt(hit.id().substring(1));
            assertThat(i % 97).as("a decoy").isNotEqualTo(1);
            assertThat(i % 2).as("quotes 静夜思").isZero();
        });
        assertThat(page.hits().stream().map(SearchHit::id).toList()).isEqualTo(atOnce.subList(0, 20));
    }

    @Test
    void aNarrowerQueryIsCountedExactlyInTheHitsPass() {
        SearchResults results = index.search(query("光合作用"));

        long visible = 0;
        for (int i = 0; i < MATERIALS; i += 8) {
            visible += i % 10 == 9 ? 0 : 1;
        }
        assertThat(results.totalHits()).isEqualTo(visible);
        assertThat(results.totalExact()).isTrue();
        assertThat(results.facets().facets())
                .allSatisfy(facet -> assertThat(facet.exact()).isTrue());
    }

    @Test
    void aSelectionWithTooManyNearMissesIsStillCountedExactlyWhereItCan() {
        // A quarter of the visible materials are MATH: counted in the hits' pass; the subjects
        // without the subject selection are all the visible materials, too many for the pass that
        // counts them with the page, so they are counted after it (whole: the segments are small).
        SearchResults results = index.search(query("教学反思").with(Filters.none().with(FacetField.SUBJECT, "MATH")));

        long visible = 0;
        for (int i = 1; i < MATERIALS; i += 4) {
            visible += i % 10 == 9 ? 0 : 1;
        }
        assertThat(results.totalHits()).isEqualTo(visible);
        assertThat(results.totalExact()).isTrue();
        assertThat(results.hits())
                .hasSize(20)
                .allSatisfy(hit -> assertThat(hit.subject()).isEqualTo("MATH"));
        Facet subjects = results.facets().of(FacetField.SUBJECT).orElseThrow();
        long all = MATERIALS - MATERIALS / 10;
        assertThat(subjects.values())
                .extracting(FacetCount::count)
                .hasSize(4)
                .allSatisfy(count -> assertThat(count).isBetween(all / 4 - 1_000, all / 4 + 1_000));
        assertThat(results.facets().of(FacetField.RESOURCE_TYPE).orElseThrow().exact())
                .isTrue();
    }

    @Test
    void aSelectionWithTooManyMatchesIsRankedInTwoStages() throws IOException {
        SearchQuery query = query("教学反思").with(Filters.none().with(FacetField.RESOURCE_TYPE, "COURSEWARE"));
        SearchResults results = index.search(query);

        long visible = 0;
        for (int i = 0; i < MATERIALS; i++) {
            visible += i % 10 != 9 && i % 3 != 0 ? 1 : 0;
        }
        // More than are scored whole; counted from a "sample" that is the whole of each small segment.
        assertThat(results.totalHits()).isEqualTo(visible);
        assertScoredAsTheWholeQuery(query, results);
        assertThat(results.facets().of(FacetField.RESOURCE_TYPE).orElseThrow().values())
                .extracting(FacetCount::code)
                .containsExactlyInAnyOrder("COURSEWARE", "LESSON_PLAN");
    }

    /** The first 20 hits score as those of the full query run whole on a plain searcher. */
    private static void assertScoredAsTheWholeQuery(SearchQuery query, SearchResults results) throws IOException {
        ScoreDoc[] full;
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(SearchIndex.similarity());
            full = searcher.search(index.luceneQuery(query), new TopScoreDocCollectorManager(20, Integer.MAX_VALUE))
                    .scoreDocs;
        }
        assertThat(results.hits()).hasSize(20);
        for (int i = 0; i < 20; i++) {
            assertThat(results.hits().get(i).score())
                    .as("score of hit %d", i)
                    .isCloseTo(full[i].score, within(full[i].score * 1e-5f));
        }
    }

    private static SearchQuery query(String text) {
        return new SearchQuery(text, Filters.none(), SortOrder.RELEVANCE, true, ALL, 0, 20, TEACHER);
    }
}
