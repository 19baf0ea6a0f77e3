package org.lessoncommons.search;

import static org.lessoncommons.search.LuceneFields.BODY;
import static org.lessoncommons.search.LuceneFields.GRADE;
import static org.lessoncommons.search.LuceneFields.RESOURCE_TYPE;
import static org.lessoncommons.search.LuceneFields.SCHOOL_ID;
import static org.lessoncommons.search.LuceneFields.SUBJECT;
import static org.lessoncommons.search.LuceneFields.TITLE;
import static org.lessoncommons.search.LuceneFields.bigrams;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link SearchQuery} into Lucene queries. Every term is required; a term matches when all
 * its parts are in the title, or all in the body, or the whole term appears verbatim.
 */
final class SearchQueries {

    private static final float TITLE_BOOST = 3f;
    private static final float TIE_BREAKER = 0.1f;
    private static final int WHOLE_TEXT_SLOP = 2;

    private final QueryBuilder words;
    private final QueryBuilder bigrams;

    SearchQueries(ChineseAnalysis analysis) {
        this.words = new QueryBuilder(analysis.words());
        this.bigrams = new QueryBuilder(analysis.queriedBigrams());
    }

    /**
     * Scored when there are terms. Without terms: the filters alone (browse), everything for a
     * blank text, nothing for a text of only stop words or punctuation.
     */
    Query search(SearchQuery query, List<QueryTerm> terms) {
        List<Query> filters = filters(query);
        if (terms.isEmpty() && filters.isEmpty() && !query.text().isEmpty()) {
            return new MatchNoDocsQuery("only stop words");
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        builder.add(query.audience().filter(), Occur.FILTER);
        filters.forEach(filter -> builder.add(filter, Occur.FILTER));
        terms.forEach(term -> builder.add(term(term), Occur.MUST));
        Query wholeText = terms.isEmpty() ? null : wholeText(query.text());
        if (wholeText != null) {
            builder.add(wholeText, Occur.SHOULD);
        }
        return builder.build();
    }

    /**
     * The verbatim text of every term and part, on the bigram fields (which hold the highlighted
     * text and its offsets): word and bigram matches both get marked, whatever smartcn made of them.
     */
    Query highlight(List<QueryTerm> terms) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (QueryTerm term : terms) {
            for (String field : List.of(bigrams(TITLE), bigrams(BODY))) {
                builder.add(verbatim(field, term.text()), Occur.SHOULD);
                term.parts().forEach(part -> builder.add(verbatim(field, part.surface()), Occur.SHOULD));
            }
        }
        return builder.build();
    }

    private Query term(QueryTerm term) {
        return new DisjunctionMaxQuery(
                List.of(
                        new BoostQuery(allParts(term, TITLE), TITLE_BOOST),
                        allParts(term, BODY),
                        new BoostQuery(verbatim(bigrams(TITLE), term.text()), TITLE_BOOST),
                        verbatim(bigrams(BODY), term.text())),
                TIE_BREAKER);
    }

    private Query allParts(QueryTerm term, String field) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (QueryTerm.Part part : term.parts()) {
            Query query = part.token() == null
                    ? verbatim(bigrams(field), part.surface())
                    : new TermQuery(new Term(field, part.token()));
            builder.add(query, Occur.MUST);
        }
        return builder.build();
    }

    private Query verbatim(String field, String text) {
        Query query = bigrams.createPhraseQuery(field, text);
        return query == null ? new MatchNoDocsQuery() : query;
    }

    /** Rewards documents where the words of the whole text stand close together. */
    private @Nullable Query wholeText(String text) {
        Query title = words.createPhraseQuery(TITLE, text, WHOLE_TEXT_SLOP);
        Query body = words.createPhraseQuery(BODY, text, WHOLE_TEXT_SLOP);
        if (!(title instanceof PhraseQuery) || body == null) {
            return null;
        }
        return new DisjunctionMaxQuery(List.of(new BoostQuery(title, TITLE_BOOST), body), TIE_BREAKER);
    }

    private static List<Query> filters(SearchQuery query) {
        List<Query> filters = new ArrayList<>();
        filter(filters, SUBJECT, query.subject());
        filter(filters, GRADE, query.grade());
        filter(filters, RESOURCE_TYPE, query.resourceType());
        filter(filters, SCHOOL_ID, query.schoolId());
        return filters;
    }

    private static void filter(List<Query> filters, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            filters.add(KeywordField.newExactQuery(field, value));
        }
    }
}
