package org.lessoncommons.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;

/**
 * Ranks the matches of a text search with more than {@value FacetCounting#EXACT_UP_TO} of them in
 * two stages (fewer are scored whole in the pass that counts them). The full query (every term as words and as
 * bigram phrases in title, tags and body, synonyms, pinyin, the whole text as a sloppy phrase)
 * costs about 0.7 µs a match to score: 150 ms for the 210,000 materials that mention 教学反思 in an
 * index of a million. So a first stage picks the best candidates with the same terms scored
 * without body positions ({@link SearchQueries#withoutPositions}), which block-max WAND can prune, and
 * the full query then scores the best {@value #RESCORED} of them that it matches. Past those, the
 * first stage's order goes on (deep pages), over every match of the full query. The first stage can
 * leave out a material the full query would rank high (one whose body has the words far apart, say);
 * the search benchmark counts how often that changes the first page.
 *
 * <p>Both paths give the same order: the fast one takes the best {@value #RESCORED} first-stage
 * candidates that match the full query, which are the first {@value #RESCORED} of the deep path.
 */
final class Ranking {

    /** How many of the best candidates the full query scores. */
    static final int RESCORED = 60;

    /** Candidates looked at on the fast path: a few of the best may not match the full query. */
    private static final int POOL = RESCORED + 40;

    private Ranking() {}

    /**
     * The best {@code window} matches of {@code matching}, scored by {@code scored} (the full query
     * with signals) as far as {@value #RESCORED}, then by {@code firstStage} (which carries the
     * same filters and signals).
     */
    static ScoreDoc[] top(IndexSearcher searcher, Query matching, Query scored, Query firstStage, int window)
            throws IOException {
        if (window <= RESCORED) {
            ScoreDoc[] pool = searcher.search(firstStage, new TopScoreDocCollectorManager(POOL, POOL)).scoreDocs;
            ScoreDoc[] rescored = rescore(searcher, scored, pool);
            if (rescored.length >= RESCORED) {
                return best(Arrays.copyOf(rescored, RESCORED), window);
            }
        }
        // Deep pages, few matches, or many candidates the full query does not match: every match.
        Query every = new BooleanQuery.Builder()
                .add(matching, Occur.FILTER)
                .add(firstStage, Occur.SHOULD)
                .build();
        int depth = Math.max(window, RESCORED);
        ScoreDoc[] all = searcher.search(every, new TopScoreDocCollectorManager(depth, depth)).scoreDocs;
        ScoreDoc[] head = best(rescore(searcher, scored, Arrays.copyOf(all, Math.min(RESCORED, all.length))), RESCORED);
        ScoreDoc[] ranked = new ScoreDoc[Math.min(window, all.length)];
        int fromHead = Math.min(ranked.length, head.length);
        System.arraycopy(head, 0, ranked, 0, fromHead);
        System.arraycopy(all, fromHead, ranked, fromHead, ranked.length - fromHead);
        return ranked;
    }

    /** The {@code n} best by score, ties by document. */
    private static ScoreDoc[] best(ScoreDoc[] hits, int n) {
        ScoreDoc[] sorted = hits.clone();
        Arrays.sort(
                sorted, Comparator.comparingDouble((ScoreDoc hit) -> -hit.score).thenComparingInt(hit -> hit.doc));
        return Arrays.copyOf(sorted, Math.min(n, sorted.length));
    }

    /**
     * The hits {@code scored} matches, in their given order, with its scores. Visits them in
     * document order, segment by segment, as a scorer can only move forward.
     */
    private static ScoreDoc[] rescore(IndexSearcher searcher, Query scored, ScoreDoc[] hits) throws IOException {
        Integer[] byDoc = new Integer[hits.length];
        Arrays.setAll(byDoc, i -> i);
        Arrays.sort(byDoc, Comparator.comparingInt(i -> hits[i].doc));
        Weight weight = searcher.createWeight(searcher.rewrite(scored), ScoreMode.COMPLETE, 1);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        float[] scores = new float[hits.length];
        boolean[] matches = new boolean[hits.length];
        LeafReaderContext leaf = null;
        Scorer scorer = null;
        for (int i : byDoc) {
            int doc = hits[i].doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                scorer = weight.scorer(leaf);
            }
            if (scorer == null) {
                continue;
            }
            int target = doc - leaf.docBase;
            DocIdSetIterator docs = scorer.iterator();
            if (docs.docID() < target) {
                docs.advance(target);
            }
            if (docs.docID() == target) {
                scores[i] = scorer.score();
                matches[i] = true;
            }
        }
        List<ScoreDoc> rescored = new ArrayList<>(hits.length);
        for (int i = 0; i < hits.length; i++) {
            if (matches[i]) {
                rescored.add(new ScoreDoc(hits[i].doc, scores[i]));
            }
        }
        return rescored.toArray(ScoreDoc[]::new);
    }
}
