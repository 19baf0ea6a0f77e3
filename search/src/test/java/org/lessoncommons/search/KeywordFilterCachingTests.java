package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** Which filters Lucene's query cache may keep: those over keyword fields, never text. */
class KeywordFilterCachingTests {

    @Test
    void cachesTheAudienceAndFacetFilters() {
        assertThat(KeywordFilterCaching.keywordsOnly(
                        Audience.member("t1", "s1", "a1").filter()))
                .isTrue();
        Filters filters = Filters.none().with(FacetField.SUBJECT, "MATH", "CHINESE");
        assertThat(SearchQueries.filters(filters))
                .allSatisfy(filter ->
                        assertThat(KeywordFilterCaching.keywordsOnly(filter)).isTrue());
    }

    @Test
    void neverCachesAQueryThatReadsText() {
        BooleanQuery search = new BooleanQuery.Builder()
                .add(Audience.member("t1", "s1", "a1").filter(), Occur.FILTER)
                .add(new TermQuery(new Term(LuceneFields.BODY, "反思")), Occur.MUST)
                .build();

        assertThat(KeywordFilterCaching.keywordsOnly(new ConstantScoreQuery(search)))
                .isFalse();
        assertThat(KeywordFilterCaching.keywordsOnly(new WithSignals(
                        new TermQuery(new Term(LuceneFields.TITLE, "教案")), new Signals(java.time.Clock.systemUTC()))))
                .isFalse();
        assertThat(List.of(new TermQuery(new Term(LuceneFields.TITLE_INITIAL_RUNS, "jys"))))
                .noneMatch(KeywordFilterCaching::keywordsOnly);
    }
}
