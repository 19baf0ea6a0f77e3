package org.lessoncommons.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.jspecify.annotations.Nullable;

/**
 * Collects with another collector manager until more than {@code limit} documents have matched in
 * all segments together, then stops the search: {@link #reduce} answers null. For the one pass
 * that collects the hits, the exact count and the facets of a search, which is only worth finishing
 * while the count stays small ({@link FacetCounting#EXACT_UP_TO}).
 */
final class UpTo<T> implements CollectorManager<UpTo.Limited, @Nullable T> {

    /** Matches are added to the shared count in batches of this many. */
    private static final int BATCH = 256;

    private final CollectorManager<Collector, T> delegate;
    private final long limit;
    private final AtomicLong seen = new AtomicLong();

    @SuppressWarnings("unchecked")
    UpTo(CollectorManager<? extends Collector, T> delegate, long limit) {
        this.delegate = (CollectorManager<Collector, T>) delegate;
        this.limit = limit;
    }

    /** Whether a search through this manager stopped because more than the limit matched. */
    boolean exceeded() {
        return seen.get() > limit;
    }

    @Override
    public Limited newCollector() throws IOException {
        return new Limited(delegate.newCollector(), seen, limit);
    }

    @Override
    public @Nullable T reduce(Collection<Limited> collectors) throws IOException {
        if (seen.get() > limit) {
            return null;
        }
        List<Collector> inner = new ArrayList<>(collectors.size());
        collectors.forEach(collector -> inner.add(collector.inner()));
        return delegate.reduce(inner);
    }

    static final class Limited extends FilterCollector {

        private final AtomicLong seen;
        private final long limit;

        Limited(Collector in, AtomicLong seen, long limit) {
            super(in);
            this.seen = seen;
            this.limit = limit;
        }

        Collector inner() {
            return in;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
            if (seen.get() > limit) {
                throw new CollectionTerminatedException();
            }
            return new FilterLeafCollector(super.getLeafCollector(leaf)) {
                private int unreported;

                @Override
                public void collect(int doc) throws IOException {
                    if (++unreported == BATCH) {
                        unreported = 0;
                        if (seen.addAndGet(BATCH) > limit) {
                            throw new CollectionTerminatedException();
                        }
                    }
                    super.collect(doc);
                }

                @Override
                public void finish() throws IOException {
                    seen.addAndGet(unreported);
                    unreported = 0;
                    super.finish();
                }
            };
        }
    }
}
