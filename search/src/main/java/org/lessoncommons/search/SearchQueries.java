package org.lessoncommons.search;

import static org.lessoncommons.search.LuceneFields.BODY;
import static org.lessoncommons.search.LuceneFields.TAGS;
import static org.lessoncommons.search.LuceneFields.TITLE;
import static org.lessoncommons.search.LuceneFields.TITLE_INITIAL_RUNS;
import static org.lessoncommons.search.LuceneFields.TITLE_PINYIN;
import static org.lessoncommons.search.LuceneFields.bigrams;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link SearchQuery} into Lucene queries. Every term is required; a term matches when all
 * its parts are in the title, or all in the tags, or all in the body, or the whole term appears
 * verbatim, or a synonym of it does, or (typed in letters) it is the pinyin of a title.
 */
final class SearchQueries {

    private static final float TITLE_BOOST = 3f;
    private static final float TAGS_BOOST = 2f;
    private static final float SYNONYM_BOOST = 0.8f;
    private static final float PINYIN_BOOST = 2f;
    private static final float INITIALS_BOOST = 1.5f;
    private static final float TIE_BREAKER = 0.1f;
    private static final int WHOLE_TEXT_SLOP = 2;

    private final ChineseAnalysis analysis;
    private final AnalysisChoice choice;
    private final QueryBuilder words;
    private final QueryBuilder bigrams;

    /** False: phrases in the body are approximated by the conjunction of their terms. */
    private final boolean positions;

    SearchQueries(ChineseAnalysis analysis) {
        this(analysis, true);
    }

    private SearchQueries(ChineseAnalysis analysis, boolean positions) {
        this.analysis = analysis;
        this.positions = positions;
        this.choice = analysis.choice();
        this.words = new QueryBuilder(analysis.words());
        this.bigrams = new QueryBuilder(analysis.queriedBigrams());
    }

    /**
     * The same queries for the first stage of ranking by relevance ({@link Ranking}): the terms,
     * each required and scored, and the whole text as a phrase in the title. A phrase in the body
     * becomes the conjunction of its terms, whose BM25 sums the same idfs, and a term's alternatives
     * are summed instead of the best taken, so scores stay close to the full query's while no body
     * position is read (titles are short) and block-max WAND can skip what cannot reach the top.
     * Its {@link #search} may match a little more or less than the full query, which decides what
     * matches and rescores the best of these.
     */
    SearchQueries withoutPositions() {
        return new SearchQueries(analysis, false);
    }

    /**
     * Scored when there are terms. Without terms: the filters alone (browse), everything for a
     * blank text, nothing when {@code nothing} (a text of only stop words or punctuation).
     */
    Query search(SearchQuery query, List<QueryTerm> terms, Filters filters, boolean nothing) {
        if (nothing) {
            return new MatchNoDocsQuery("only stop words");
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        builder.add(query.audience().filter(), Occur.FILTER);
        filters(filters).forEach(filter -> builder.add(filter, Occur.FILTER));
        terms.forEach(term -> builder.add(term(term), Occur.MUST));
        Query wholeText = terms.isEmpty() ? null : wholeText(terms);
        if (wholeText != null) {
            builder.add(wholeText, Occur.SHOULD);
        }
        return builder.build();
    }

    /**
     * The verbatim text of every term, part and synonym, on the bigram field of {@code field} (which
     * holds the highlighted text and its offsets): word and bigram matches both get marked, whatever
     * smartcn made of them. One query per field: the highlighter evaluates every clause per document.
     */
    Query highlight(List<QueryTerm> terms, String field) {
        Set<String> texts = new LinkedHashSet<>();
        for (QueryTerm term : terms) {
            texts.add(term.text());
            texts.addAll(analysis.synonyms().of(term.text()));
            term.parts().forEach(part -> {
                texts.add(part.surface());
                texts.addAll(analysis.synonyms().of(part.surface()));
            });
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        texts.forEach(text -> builder.add(verbatim(bigrams(field), text), Occur.SHOULD));
        return builder.build();
    }

    static List<Query> filters(Filters filters) {
        List<Query> queries = new ArrayList<>();
        for (Map.Entry<FacetField, Set<String>> selected : filters.selected().entrySet()) {
            queries.add(filter(selected.getKey(), selected.getValue()));
        }
        return queries;
    }

    /** The materials with any of {@code codes} in {@code field}. */
    static Query filter(FacetField field, Set<String> codes) {
        return KeywordField.newSetQuery(
                field.luceneField(), codes.stream().sorted().map(BytesRef::new).toList());
    }

    private Query term(QueryTerm term) {
        List<Query> alternatives = new ArrayList<>(matches(term, Set.of()));
        for (String synonym : analysis.synonyms().of(term.text())) {
            List<QueryTerm> parsed = QueryTerm.parse(synonym, analysis);
            if (!parsed.isEmpty()) {
                BooleanQuery.Builder all = new BooleanQuery.Builder();
                // Not the term again as a synonym of the synonym (课后反思 → 教学反思): it has its own.
                parsed.forEach(part -> all.add(anyOf(matches(part, Set.of(term.text()))), Occur.MUST));
                alternatives.add(new BoostQuery(all.build(), SYNONYM_BOOST));
            }
        }
        alternatives.addAll(pinyin(term.text()));
        return anyOf(alternatives);
    }

    /**
     * The best alternative (plus a little of the others); without positions their sum, which
     * block-max WAND can prune, unlike a disjunction-max.
     */
    private Query anyOf(List<Query> alternatives) {
        if (positions) {
            return new DisjunctionMaxQuery(alternatives, TIE_BREAKER);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        alternatives.forEach(alternative -> any.add(alternative, Occur.SHOULD));
        return any.build();
    }

    /** {@code except}: synonyms of the parts left out. */
    private List<Query> matches(QueryTerm term, Set<String> except) {
        List<Query> matches = new ArrayList<>();
        if (choice.words()) {
            matches.add(new BoostQuery(allParts(term, TITLE, except), TITLE_BOOST));
            matches.add(new BoostQuery(allParts(term, TAGS, except), TAGS_BOOST));
            matches.add(allParts(term, BODY, except));
        }
        if (choice.bigrams()) {
            matches.add(new BoostQuery(verbatim(bigrams(TITLE), term.text()), TITLE_BOOST));
            // Without positions the words already score the tags and body (a sum would count twice).
            if (positions || !choice.words()) {
                matches.add(new BoostQuery(verbatim(bigrams(TAGS), term.text()), TAGS_BOOST));
                matches.add(verbatim(bigrams(BODY), term.text()));
            }
        }
        return matches;
    }

    private Query allParts(QueryTerm term, String field, Set<String> except) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (QueryTerm.Part part : term.parts()) {
            List<String> synonyms = analysis.synonyms().of(part.surface()).stream()
                    .filter(synonym -> !except.contains(synonym))
                    .toList();
            if (synonyms.isEmpty()) {
                builder.add(part(field, part), Occur.MUST);
                continue;
            }
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            any.add(part(field, part), Occur.SHOULD);
            synonyms.forEach(synonym -> any.add(new BoostQuery(phrase(field, synonym), SYNONYM_BOOST), Occur.SHOULD));
            builder.add(any.build(), Occur.MUST);
        }
        return builder.build();
    }

    /**
     * A word part matches the word, or (with bigrams) its characters verbatim: smartcn splits a word
     * differently in context (小数 in 小数的加法 comes out as 小 / 数).
     */
    private Query part(String field, QueryTerm.Part part) {
        if (part.token() == null) {
            return phrase(field, part.surface());
        }
        Query word = new TermQuery(new Term(field, part.token()));
        if (!choice.bigrams() || part.surface().length() < 2 || !positions) {
            return word;
        }
        return new DisjunctionMaxQuery(List.of(word, verbatim(bigrams(field), part.surface())), TIE_BREAKER);
    }

    /** Verbatim in the field's bigrams, or (without bigrams) as a phrase of its words. */
    private Query phrase(String field, String text) {
        if (choice.bigrams()) {
            return verbatim(bigrams(field), text);
        }
        Query query = positions(field)
                ? words.createPhraseQuery(field, text)
                : words.createBooleanQuery(field, text, Occur.MUST);
        return query == null ? new MatchNoDocsQuery() : query;
    }

    private boolean positions(String field) {
        return positions || !(field.equals(BODY) || field.equals(bigrams(BODY)));
    }

    private Query verbatim(String field, String text) {
        Query query = positions(field)
                ? bigrams.createPhraseQuery(field, text)
                : bigrams.createBooleanQuery(field, text, Occur.MUST);
        return query == null ? new MatchNoDocsQuery() : query;
    }

    /** A term typed in letters may be the pinyin (jingyesi) or the initials (jys) of a title. */
    private List<Query> pinyin(String text) {
        if (!choice.pinyin() || text.length() < 2 || !text.chars().allMatch(c -> c < 128 && Character.isLetter(c))) {
            return List.of();
        }
        List<Query> queries = new ArrayList<>();
        Pinyin.split(text)
                .filter(syllables -> syllables.size() > 1)
                .ifPresent(syllables -> queries.add(new BoostQuery(sequence(TITLE_PINYIN, syllables), PINYIN_BOOST)));
        if (text.length() <= Pinyin.LONGEST_RUN) {
            queries.add(new BoostQuery(
                    new TermQuery(new Term(TITLE_INITIAL_RUNS, text.toLowerCase(Locale.ROOT))), INITIALS_BOOST));
        }
        return queries;
    }

    static Query sequence(String field, List<String> tokens) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        tokens.forEach(token -> phrase.add(new Term(field, token)));
        return phrase.build();
    }

    /** Rewards documents where the words of the whole text stand close together. */
    private @Nullable Query wholeText(List<QueryTerm> terms) {
        if (!choice.words()) {
            return null;
        }
        String text = String.join(" ", terms.stream().map(QueryTerm::text).toList());
        Query title = words.createPhraseQuery(TITLE, text, WHOLE_TEXT_SLOP);
        Query body = words.createPhraseQuery(BODY, text, WHOLE_TEXT_SLOP);
        if (!(title instanceof PhraseQuery) || body == null) {
            return null;
        }
        if (!positions) {
            return new BoostQuery(title, TITLE_BOOST);
        }
        return new DisjunctionMaxQuery(List.of(new BoostQuery(title, TITLE_BOOST), body), TIE_BREAKER);
    }
}
