package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Counts beyond {@link FacetCounting#EXACT_UP_TO} are estimated from a sample of one large segment:
 * 200,000 documents in upload order, five years of them, so a sample that favoured the start of
 * the index would get the years wrong.
 */
class EstimatedCountsTests {

    private static final int DOCUMENTS = 200_000;
    private static final String[] SUBJECTS = {"CHINESE", "CHINESE", "CHINESE", "MATH", "MATH", "ENGLISH"};

    private static ByteBuffersDirectory directory;
    private static DirectoryReader reader;

    @BeforeAll
    static void index() throws IOException {
        directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int i = 0; i < DOCUMENTS; i++) {
                Document document = new Document();
                document.add(new StringField("kind", i % 4 == 0 ? "broad" : "other", Store.NO));
                document.add(new StringField("rare", i % 50 == 0 ? "yes" : "no", Store.NO));
                // Runs of 700 alike materials every 5,000, as a batch upload or the benchmark's generator.
                document.add(new StringField("clustered", i % 5_000 < 700 ? "yes" : "no", Store.NO));
                document.add(new KeywordField(
                        FacetField.SUBJECT.luceneField(), SUBJECTS[(i / 4) % SUBJECTS.length], Store.NO));
                document.add(
                        new KeywordField(FacetField.YEAR.luceneField(), String.valueOf(2020 + i / 40_000), Store.NO));
                writer.addDocument(document);
            }
            writer.forceMerge(1);
        }
        reader = DirectoryReader.open(directory);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
    }

    @Test
    void estimatesManyMatchesAndTheirFacetsFromASpreadSample() throws IOException {
        FacetCounting.Counted counted = count("kind", "broad");

        assertThat(counted.exact()).isFalse();
        assertThat(counted.matches()).isCloseTo(50_000L, org.assertj.core.data.Percentage.withPercentage(5));
        Facet years = counted.facets().of(FacetField.YEAR).orElseThrow();
        assertThat(years.exact()).isFalse();
        assertThat(years.values()).hasSize(5);
        assertThat(years.values())
                .allSatisfy(year -> assertThat(year.count())
                        .isCloseTo(10_000L, org.assertj.core.data.Percentage.withPercentage(15)));
        Map<String, Long> subjects = counted.facets().of(FacetField.SUBJECT).orElseThrow().values().stream()
                .collect(Collectors.toMap(FacetCount::code, FacetCount::count));
        assertThat(subjects.get("CHINESE")).isGreaterThan(subjects.get("MATH"));
        assertThat(subjects.get("MATH")).isGreaterThan(subjects.get("ENGLISH"));
    }

    @Test
    void estimatesMaterialsThatComeInRuns() throws IOException {
        FacetCounting.Tally estimate = FacetCounting.estimate(
                new IndexSearcher(reader), new TermQuery(new Term("clustered", "yes")), Set.of(FacetField.YEAR));

        assertThat(estimate.exact()).isFalse();
        assertThat(estimate.matches())
                .isCloseTo(DOCUMENTS / 5_000 * 700, org.assertj.core.data.Percentage.withPercentage(8));
    }

    @Test
    void countsFewMatchesExactlyEvenWhenItWasNotToldSo() throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        FacetCounting.Counted counted = new FacetCounting(GradeStages.load())
                .count(
                        searcher,
                        filters -> new TermQuery(new Term("rare", "yes")),
                        Filters.none().with(FacetField.SUBJECT, "MATH"),
                        Set.of(FacetField.SUBJECT),
                        new FacetCounting.Tally(4_000, true, Map.of()),
                        false);

        // Drill-sideways: the subjects counted without the subject filter, exactly (4,000 matches).
        Map<String, Long> truth = new java.util.HashMap<>();
        for (int i = 0; i < DOCUMENTS; i += 50) {
            truth.merge(SUBJECTS[(i / 4) % SUBJECTS.length], 1L, Long::sum);
        }
        Facet subjects = counted.facets().of(FacetField.SUBJECT).orElseThrow();
        assertThat(subjects.exact()).isTrue();
        assertThat(subjects.values().stream().collect(Collectors.toMap(FacetCount::code, FacetCount::count)))
                .isEqualTo(truth);
    }

    /** As a search counts: the estimate first, which here says there are too many to count. */
    private static FacetCounting.Counted count(String field, String value) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        TermQuery query = new TermQuery(new Term(field, value));
        Set<FacetField> fields = Set.of(FacetField.SUBJECT, FacetField.YEAR);
        FacetCounting.Tally estimate = FacetCounting.estimate(searcher, query, fields);
        assertThat(FacetCounting.many(estimate)).isTrue();
        return new FacetCounting(GradeStages.load())
                .count(searcher, filters -> query, Filters.none(), fields, estimate, false);
    }
}
