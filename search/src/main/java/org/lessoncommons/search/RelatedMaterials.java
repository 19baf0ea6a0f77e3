package org.lessoncommons.search;

import static org.lessoncommons.search.LuceneFields.BODY;
import static org.lessoncommons.search.LuceneFields.BODY_CJK;
import static org.lessoncommons.search.LuceneFields.GRADE;
import static org.lessoncommons.search.LuceneFields.ID;
import static org.lessoncommons.search.LuceneFields.SUBJECT;
import static org.lessoncommons.search.LuceneFields.TITLE;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * "More like this" for a material page: the most telling words of its title and body (by tf-idf,
 * the commonest words left out) make a query for other materials, filtered by the viewer's {@link
 * Audience} inside the query and never the material itself. The same subject and grade count a
 * little extra.
 */
final class RelatedMaterials {

    /** Matches scoring below this share of the best one are left out. */
    static final float MIN_SHARE_OF_BEST = 0.2f;

    /** Enough of the body to find its telling words without analyzing a whole book. */
    private static final int BODY_CHARS = 20_000;

    private static final int QUERY_TERMS = 30;
    private static final int MAX_DOC_FREQ_PERCENT = 40;
    private static final int MIN_MAX_DOC_FREQ = 20;
    private static final float SAME_SUBJECT_BOOST = 0.3f;
    private static final float SAME_GRADE_BOOST = 0.2f;
    private static final Set<String> READ = Set.of(ID, TITLE, BODY_CJK, SUBJECT, GRADE);

    private final ChineseAnalysis analysis;

    RelatedMaterials(ChineseAnalysis analysis) {
        this.analysis = analysis;
    }

    /** The query for materials like {@code id}, or empty when it is not in the index. */
    Optional<Query> like(IndexSearcher searcher, String id, Audience audience) throws IOException {
        TopDocs found = searcher.search(new TermQuery(new Term(ID, id)), 1);
        if (found.scoreDocs.length == 0) {
            return Optional.empty();
        }
        Document material = searcher.storedFields().document(found.scoreDocs[0].doc, READ);
        String title = Objects.requireNonNullElse(material.get(TITLE), "");
        String body = Objects.requireNonNullElse(material.get(BODY_CJK), "");
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(analysis.words());
        mlt.setFieldNames(new String[] {TITLE, BODY});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        // Words in most materials tell nothing; in a small library every shared word is telling.
        int materials = searcher.getIndexReader().numDocs();
        mlt.setMaxDocFreq(Math.max(MIN_MAX_DOC_FREQ, materials * MAX_DOC_FREQ_PERCENT / 100));
        mlt.setMaxQueryTerms(QUERY_TERMS);
        mlt.setBoost(true);
        Query like = mlt.like(Map.<String, Collection<Object>>of(
                TITLE, List.of(title), BODY, List.of(body.substring(0, Math.min(body.length(), BODY_CHARS)))));
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(like, Occur.MUST)
                .add(audience.filter(), Occur.FILTER)
                .add(new TermQuery(new Term(ID, id)), Occur.MUST_NOT);
        same(query, SUBJECT, material.get(SUBJECT), SAME_SUBJECT_BOOST);
        same(query, GRADE, material.get(GRADE), SAME_GRADE_BOOST);
        return Optional.of(query.build());
    }

    private static void same(BooleanQuery.Builder query, String field, String value, float boost) {
        if (value != null) {
            query.add(new BoostQuery(KeywordField.newExactQuery(field, value), boost), Occur.SHOULD);
        }
    }
}
