package org.lessoncommons.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * BM25, but a term's rarity is measured over all materials, not only over those that have the
 * field. Few materials have tags or a chapter, so by the stock formula a word in one material's
 * tags looked as common as a word in every body, and a body match outscored a tag match despite
 * the higher tag boost.
 */
final class MaterialSimilarity extends BM25Similarity {

    @Override
    public Explanation idfExplain(CollectionStatistics collection, TermStatistics term) {
        long materials = collection.maxDoc();
        float idf = idf(term.docFreq(), materials);
        return Explanation.match(
                idf,
                "idf over all materials, log(1 + (N - n + 0.5) / (n + 0.5)) from:",
                Explanation.match(term.docFreq(), "n, number of materials containing the term"),
                Explanation.match(materials, "N, number of materials"));
    }

    @Override
    public Explanation idfExplain(CollectionStatistics collection, TermStatistics[] terms) {
        double idf = 0;
        List<Explanation> details = new ArrayList<>(terms.length);
        for (TermStatistics term : terms) {
            Explanation one = idfExplain(collection, term);
            details.add(one);
            idf += one.getValue().floatValue();
        }
        return Explanation.match((float) idf, "idf, sum of:", details);
    }
}
