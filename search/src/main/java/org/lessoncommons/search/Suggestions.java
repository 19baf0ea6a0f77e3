package org.lessoncommons.search;

import static org.lessoncommons.search.LuceneFields.CREATED_AT;
import static org.lessoncommons.search.LuceneFields.DOWNLOADS;
import static org.lessoncommons.search.LuceneFields.ID;
import static org.lessoncommons.search.LuceneFields.TITLE;
import static org.lessoncommons.search.LuceneFields.TITLE_CJK;
import static org.lessoncommons.search.LuceneFields.TITLE_INITIALS;
import static org.lessoncommons.search.LuceneFields.TITLE_PINYIN;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Search-as-you-type from titles: what is typed so far must occur in a title, as characters
 * (静夜 → 静夜思), as pinyin (jingy → 静夜思) or as pinyin initials (jys); the last piece may be
 * unfinished. The viewer's {@link Audience} is a filter inside the query, so a title the viewer may
 * not see is never even a candidate. Titles that start with what was typed come first, then the
 * more downloaded.
 */
final class Suggestions {

    static final int MAX_TYPED = 50;
    static final int MAX_LIMIT = 10;

    /** Candidates read before ordering and folding duplicate titles. */
    private static final int CANDIDATES = 100;

    private static final int MAX_INITIALS = 8;
    private static final Pattern SPACE = Pattern.compile("[\\s\\p{Z}]+");

    /**
     * Pieces of what was typed: runs of letters, of digits, or of other characters (备课abc → 备课,
     * abc). The bigram field puts a gap between Han and Latin tokens, so a mixed run would never be
     * found verbatim.
     */
    private static final Pattern RUNS = Pattern.compile("[A-Za-z]+|[0-9]+|[^A-Za-z0-9\\s\\p{Z}]+");

    private static final Pattern LETTERS = Pattern.compile("[A-Za-z]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Set<String> TITLE_FIELDS = Set.of(ID, TITLE);
    private static final Sort MOST_DOWNLOADED = new Sort(
            SortField.FIELD_SCORE,
            new SortField(DOWNLOADS, SortField.Type.LONG, true),
            new SortField(CREATED_AT, SortField.Type.LONG, true));

    private final QueryBuilder characters;

    Suggestions(ChineseAnalysis analysis) {
        this.characters = new QueryBuilder(analysis.queriedBigrams());
    }

    List<Suggestion> suggest(IndexSearcher searcher, String typed, Audience audience, int limit) throws IOException {
        if (typed.length() > MAX_TYPED) {
            throw new InvalidQuery("Suggestions need at most " + MAX_TYPED + " characters");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQuery("limit must be between 1 and " + MAX_LIMIT);
        }
        List<String> pieces =
                RUNS.matcher(typed).results().map(MatchResult::group).toList();
        if (pieces.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(audience.filter(), Occur.FILTER);
        for (int i = 0; i < pieces.size(); i++) {
            query.add(piece(pieces.get(i), i == pieces.size() - 1), Occur.MUST);
        }
        ScoreDoc[] top = searcher.search(query.build(), CANDIDATES, MOST_DOWNLOADED).scoreDocs;
        StoredFields stored = searcher.storedFields();
        List<Suggestion> candidates = new ArrayList<>(top.length);
        for (ScoreDoc hit : top) {
            Document document = stored.document(hit.doc, TITLE_FIELDS);
            candidates.add(new Suggestion(document.get(ID), document.get(TITLE)));
        }
        String folded = fold(String.join("", pieces));
        Map<String, Suggestion> byTitle = new LinkedHashMap<>();
        candidates.stream()
                .sorted(Comparator.comparing((Suggestion s) -> !startsWith(s.title(), folded)))
                .forEach(s -> byTitle.putIfAbsent(fold(s.title()), s));
        return byTitle.values().stream().limit(limit).toList();
    }

    /** One piece of what was typed, matched in titles; {@code last} may be unfinished. */
    private Query piece(String piece, boolean last) {
        if (LETTERS.matcher(piece).matches()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            any.add(word(piece, last), Occur.SHOULD);
            pinyin(piece, last).ifPresent(query -> any.add(query, Occur.SHOULD));
            if (piece.length() <= MAX_INITIALS) {
                any.add(sequence(TITLE_INITIALS, letters(piece), false), Occur.SHOULD);
            }
            return any.build();
        }
        if (DIGITS.matcher(piece).matches()) {
            return word(piece, last);
        }
        Query verbatim = characters.createPhraseQuery(TITLE_CJK, piece);
        return verbatim == null ? new MatchNoDocsQuery("no characters") : verbatim;
    }

    /** A Latin word or number of a title (Unit, 3), as a prefix when still being typed. */
    private static Query word(String piece, boolean last) {
        Term term = new Term(TITLE_CJK, piece.toLowerCase(Locale.ROOT));
        return last ? new PrefixQuery(term) : new TermQuery(term);
    }

    private static Optional<Query> pinyin(String piece, boolean last) {
        Optional<List<String>> syllables = last ? Pinyin.splitPrefix(piece) : Pinyin.split(piece);
        return syllables.map(s -> sequence(TITLE_PINYIN, s, last));
    }

    /** The tokens in a row; the last one as a prefix when {@code prefix}. */
    private static Query sequence(String field, List<String> tokens, boolean prefix) {
        List<SpanQuery> clauses = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Term term = new Term(field, tokens.get(i));
            clauses.add(
                    prefix && i == tokens.size() - 1
                            ? new SpanMultiTermQueryWrapper<>(new PrefixQuery(term))
                            : new SpanTermQuery(term));
        }
        return clauses.size() == 1 ? clauses.getFirst() : new SpanNearQuery(clauses.toArray(SpanQuery[]::new), 0, true);
    }

    private static List<String> letters(String piece) {
        return piece.toLowerCase(Locale.ROOT)
                .chars()
                .mapToObj(c -> String.valueOf((char) c))
                .toList();
    }

    private static boolean startsWith(String title, String folded) {
        if (fold(title).startsWith(folded)) {
            return true;
        }
        List<String> syllables = Pinyin.syllables(title);
        return String.join("", syllables).startsWith(folded)
                || String.join("", Pinyin.initials(title)).startsWith(folded);
    }

    private static String fold(String text) {
        return SPACE.matcher(Simplified.text(text).toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
