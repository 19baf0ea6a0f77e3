package org.lessoncommons.search;

import static org.lessoncommons.search.LuceneFields.CREATED_AT;
import static org.lessoncommons.search.LuceneFields.DOWNLOADS;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * Freshness and popularity as a gentle multiplier of the text score: at most ×1.1 for a material
 * added today (halving every year) times at most about ×1.15 for a thousand downloads or more. A
 * much better text match always wins; among similar ones the newer and more used come first. The
 * bound {@link #MAX} lets a search for the best few skip what cannot reach them: the tighter, the
 * more it skips.
 */
final class Signals extends DoubleValuesSource {

    private static final double FRESHNESS = 0.1;
    private static final double HALF_LIFE_MILLIS = Duration.ofDays(365).toMillis();
    private static final double POPULARITY = 0.05;

    /** Downloads beyond this count no more: it bounds the multiplier for pruning. */
    private static final long MOST_DOWNLOADS = 1_000;

    /** The largest multiplier there is (a material added just now, downloaded the most). */
    static final double MAX = (1 + FRESHNESS) * (1 + POPULARITY * Math.log10(1 + MOST_DOWNLOADS));

    private final Clock clock;

    Signals(Clock clock) {
        this.clock = clock;
    }

    @Override
    public DoubleValues getValues(LeafReaderContext leaf, DoubleValues scores) throws IOException {
        NumericDocValues created = DocValues.getNumeric(leaf.reader(), CREATED_AT);
        NumericDocValues downloads = DocValues.getNumeric(leaf.reader(), DOWNLOADS);
        long now = clock.millis();
        return new DoubleValues() {
            private double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                double age = created.advanceExact(doc) ? Math.max(0, now - created.longValue()) : Double.MAX_VALUE;
                long count = downloads.advanceExact(doc) ? Math.clamp(downloads.longValue(), 0, MOST_DOWNLOADS) : 0;
                value = (1 + FRESHNESS * Math.pow(0.5, age / HALF_LIFE_MILLIS))
                        * (1 + POPULARITY * Math.log10(1 + count));
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext leaf) {
        return false;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public boolean equals(Object other) {
        return other == this;
    }

    @Override
    public String toString() {
        return "freshness and downloads";
    }
}
