package org.lessoncommons.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * A query's scores times the {@link Signals}, telling the collector the bound {@link Signals#MAX}:
 * unlike Lucene's {@code FunctionScoreQuery}, block-max WAND can still skip documents whose text
 * score times the largest multiplier cannot reach the best so far.
 */
final class WithSignals extends Query {

    private final Query query;
    private final Signals signals;

    WithSignals(Query query, Signals signals) {
        this.query = query;
        this.signals = signals;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = query.rewrite(searcher);
        return rewritten == query ? this : new WithSignals(rewritten, signals);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight weight = query.createWeight(searcher, scoreMode, boost);
        if (!scoreMode.needsScores()) {
            return weight;
        }
        return new FilterWeight(this, weight) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext leaf) throws IOException {
                ScorerSupplier supplier = in.scorerSupplier(leaf);
                if (supplier == null) {
                    return null;
                }
                DoubleValues values = signals.getValues(leaf, null);
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) throws IOException {
                        return new Boosted(supplier.get(leadCost), values);
                    }

                    @Override
                    public long cost() {
                        return supplier.cost();
                    }

                    @Override
                    public void setTopLevelScoringClause() throws IOException {
                        supplier.setTopLevelScoringClause();
                    }
                };
            }

            @Override
            public Explanation explain(LeafReaderContext leaf, int doc) throws IOException {
                Explanation text = in.explain(leaf, doc);
                if (!text.isMatch()) {
                    return text;
                }
                DoubleValues values = signals.getValues(leaf, null);
                values.advanceExact(doc);
                double multiplier = values.doubleValue();
                return Explanation.match(
                        (float) (text.getValue().doubleValue() * multiplier),
                        "product of:",
                        text,
                        Explanation.match((float) multiplier, signals.toString()));
            }

            @Override
            public boolean isCacheable(LeafReaderContext leaf) {
                return false;
            }
        };
    }

    /** Multiplies each score; passes the bounds on, divided or multiplied by the largest multiplier. */
    private static final class Boosted extends FilterScorer {

        private final DoubleValues values;

        Boosted(Scorer in, DoubleValues values) {
            super(in);
            this.values = values;
        }

        @Override
        public float score() throws IOException {
            values.advanceExact(docID());
            return (float) (in.score() * values.doubleValue());
        }

        @Override
        public int advanceShallow(int target) throws IOException {
            return in.advanceShallow(target);
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            return (float) Math.min(Float.MAX_VALUE, Math.nextUp(in.getMaxScore(upTo) * Signals.MAX));
        }

        @Override
        public void setMinCompetitiveScore(float minScore) throws IOException {
            // Rounded down: a document the bound lets through must never be skipped.
            in.setMinCompetitiveScore(Math.nextDown((float) (minScore / Signals.MAX)));
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        query.visit(visitor.getSubVisitor(Occur.MUST, this));
    }

    @Override
    public String toString(String field) {
        return "(" + query.toString(field) + ") × " + signals;
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other)
                && query.equals(((WithSignals) other).query)
                && signals.equals(((WithSignals) other).signals);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), query, signals);
    }
}
