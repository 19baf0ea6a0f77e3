package org.lessoncommons.search.catalog;

import static org.lessoncommons.search.catalog.CatalogFields.AVAILABILITY;
import static org.lessoncommons.search.catalog.CatalogFields.KIND;
import static org.lessoncommons.search.catalog.CatalogFields.SCHOOL;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts each facet drill-sideways: under the words and every selection but its own. Three small
 * passes over an in-memory catalog cost less than keeping sideways counts in one.
 */
final class CatalogFacetCounting {

    private static final List<String> FIELDS = List.of(KIND, SCHOOL, AVAILABILITY);

    private final CatalogQueries queries;

    CatalogFacetCounting(CatalogQueries queries) {
        this.queries = queries;
    }

    List<CatalogFacet> count(IndexSearcher searcher, List<String> words, CatalogQuery query) throws IOException {
        List<CatalogFacet> facets = new ArrayList<>();
        for (String field : FIELDS) {
            Map<String, Long> counts = searcher.search(queries.matching(words, query, field), new Counting(field));
            Set<String> selected = selected(query, field);
            selected.forEach(value -> counts.putIfAbsent(value, 0L));
            List<CatalogFacet.Count> values = new ArrayList<>();
            counts.forEach(
                    (value, count) -> values.add(new CatalogFacet.Count(value, count, selected.contains(value))));
            values.sort(Comparator.comparingLong(CatalogFacet.Count::count)
                    .reversed()
                    .thenComparing(CatalogFacet.Count::value));
            facets.add(new CatalogFacet(field, values));
        }
        return facets;
    }

    private static Set<String> selected(CatalogQuery query, String field) {
        return switch (field) {
            case KIND -> query.kinds();
            case SCHOOL -> query.schools();
            default -> query.availability();
        };
    }

    /** Counts the values of one keyword field over all matches. */
    private record Counting(String field) implements CollectorManager<Counting.Counter, Map<String, Long>> {

        @Override
        public Counter newCollector() {
            return new Counter(field);
        }

        @Override
        public Map<String, Long> reduce(Collection<Counter> counters) {
            Map<String, Long> counts = new HashMap<>();
            counters.forEach(counter -> counter.counts.forEach((value, n) -> counts.merge(value, n, Long::sum)));
            return counts;
        }

        private static final class Counter implements Collector {

            private final String field;
            private final Map<String, Long> counts = new HashMap<>();

            Counter(String field) {
                this.field = field;
            }

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
                SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), field);
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) {}

                    @Override
                    public void collect(int doc) throws IOException {
                        if (values.advanceExact(doc)) {
                            for (int n = 0; n < values.docValueCount(); n++) {
                                String value =
                                        values.lookupOrd(values.nextOrd()).utf8ToString();
                                counts.merge(value, 1L, Long::sum);
                            }
                        }
                    }
                };
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }
    }
}
