package org.lessoncommons.search.catalog;

import static org.lessoncommons.search.catalog.CatalogFields.ALLIANCE;
import static org.lessoncommons.search.catalog.CatalogFields.AVAILABILITY;
import static org.lessoncommons.search.catalog.CatalogFields.CODE;
import static org.lessoncommons.search.catalog.CatalogFields.KIND;
import static org.lessoncommons.search.catalog.CatalogFields.SCHOOL;
import static org.lessoncommons.search.catalog.CatalogFields.TEXT;
import static org.lessoncommons.search.catalog.CatalogFields.bigrams;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.search.ChineseAnalysis;

/**
 * Catalog queries. Every word is required: it matches when all its smartcn words are in one field,
 * or it stands verbatim in one (CJK bigrams), or it is a code. The classic parser would OR the
 * segments of 小王子 and find every title with 王; this does not.
 */
final class CatalogQueries {

    static final int MAX_WORDS = 12;
    private static final float TIE_BREAKER = 0.1f;
    private static final Map<String, Float> BOOSTS = Map.of("title", 3f, "author", 2f, "publisher", 1f, "model", 1f);

    private final QueryBuilder words;
    private final QueryBuilder bigrams;

    CatalogQueries(ChineseAnalysis analysis) {
        this.words = new QueryBuilder(analysis.words());
        this.bigrams = new QueryBuilder(analysis.queriedBigrams());
    }

    /** Words split on white space and Chinese punctuation, at most {@link #MAX_WORDS}. */
    static List<String> words(String text) {
        return Arrays.stream(text.split("[\\s\\u3000,，、;；。]+"))
                .filter(word -> !word.isBlank())
                .limit(MAX_WORDS)
                .toList();
    }

    /** The query of the words and selections, leaving out the selection of facet {@code except}. */
    Query matching(List<String> text, CatalogQuery query, @Nullable String except) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        builder.add(new MatchAllDocsQuery(), Occur.FILTER);
        if (query.allianceId() != null) {
            builder.add(new TermQuery(new Term(ALLIANCE, query.allianceId())), Occur.FILTER);
        }
        selection(builder, KIND, query.kinds(), except);
        selection(builder, SCHOOL, query.schools(), except);
        selection(builder, AVAILABILITY, query.availability(), except);
        text.forEach(word -> builder.add(word(word), Occur.MUST));
        return builder.build();
    }

    private static void selection(
            BooleanQuery.Builder builder, String field, Set<String> values, @Nullable String except) {
        if (!values.isEmpty() && !field.equals(except)) {
            builder.add(
                    KeywordField.newSetQuery(
                            field, values.stream().sorted().map(BytesRef::new).toList()),
                    Occur.FILTER);
        }
    }

    private Query word(String word) {
        List<Query> alternatives = new ArrayList<>();
        for (String field : TEXT) {
            float boost = BOOSTS.get(field);
            Query segmented = words.createBooleanQuery(field, word, Occur.MUST);
            if (segmented != null) {
                alternatives.add(new BoostQuery(segmented, boost));
            }
            Query verbatim = bigrams.createPhraseQuery(bigrams(field), word);
            if (verbatim != null) {
                alternatives.add(new BoostQuery(verbatim, boost));
            }
        }
        alternatives.add(new BoostQuery(new TermQuery(new Term(CODE, CatalogFields.code(word))), 5f));
        return new DisjunctionMaxQuery(alternatives, TIE_BREAKER);
    }
}
