package org.lessoncommons.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts facet values over the doc values of the keyword fields, drill-sideways: a field with a
 * selection is counted under every other selection but its own; fields without one are counted in
 * the pass that collects the hits. The queries always carry the audience filter.
 */
final class FacetCounting {

    private final GradeStages stages;

    FacetCounting(GradeStages stages) {
        this.stages = stages;
    }

    /**
     * The fields counted over exactly the matches of the query itself (those without a selection
     * of their own): counted in the same pass that collects the hits, by {@link #counter}.
     */
    static Set<FacetField> shared(Filters selected, Set<FacetField> fields) {
        Set<FacetField> unselected = EnumSet.noneOf(FacetField.class);
        fields.stream().filter(field -> selected.of(field).isEmpty()).forEach(unselected::add);
        return unselected;
    }

    /** Counts the values of {@code fields} over whatever the search it joins matches. */
    static CollectorManager<?, Map<FacetField, Map<String, Long>>> counter(Set<FacetField> fields) {
        return new Counting(fields);
    }

    /**
     * The facets of {@code fields}: those in {@code shared} as already counted with the hits, each
     * field with a selection of its own counted drill-sideways (under every other selection).
     */
    Facets count(
            IndexSearcher searcher,
            Function<Filters, Query> matching,
            Filters selected,
            Set<FacetField> fields,
            Map<FacetField, Map<String, Long>> shared)
            throws IOException {
        if (fields.isEmpty()) {
            return Facets.none();
        }
        Map<FacetField, Map<String, Long>> counts = new EnumMap<>(FacetField.class);
        counts.putAll(shared);
        for (FacetField field : fields) {
            if (!selected.of(field).isEmpty()) {
                counts.putAll(searcher.search(matching.apply(selected.without(field)), new Counting(Set.of(field))));
            }
        }
        List<Facet> facets = new ArrayList<>();
        for (FacetField field : EnumSet.copyOf(fields)) {
            facets.add(facet(field, counts.getOrDefault(field, Map.of()), selected.of(field)));
        }
        return new Facets(facets);
    }

    private Facet facet(FacetField field, Map<String, Long> counts, Set<String> selected) {
        Map<String, Long> all = new HashMap<>(counts);
        selected.forEach(code -> all.putIfAbsent(code, 0L));
        List<FacetCount> values = new ArrayList<>();
        all.forEach((code, count) -> values.add(new FacetCount(
                code, count, selected.contains(code), field == FacetField.GRADE ? stages.of(code) : null)));
        values.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::code));
        return new Facet(field, values);
    }

    /** Counts the values of some fields over all matches. */
    private record Counting(Set<FacetField> fields)
            implements CollectorManager<Counting.Counter, Map<FacetField, Map<String, Long>>> {

        @Override
        public Counter newCollector() {
            return new Counter(fields);
        }

        @Override
        public Map<FacetField, Map<String, Long>> reduce(Collection<Counter> counters) throws IOException {
            Map<FacetField, Map<String, Long>> counts = new EnumMap<>(FacetField.class);
            fields.forEach(field -> counts.put(field, new HashMap<>()));
            for (Counter counter : counters) {
                counter.addTo(counts);
            }
            return counts;
        }

        private static final class Counter implements Collector {

            private record Segment(LeafReaderContext leaf, FacetField field, int[] counts) {}

            private final Set<FacetField> fields;
            private final List<Segment> segments = new ArrayList<>();

            Counter(Set<FacetField> fields) {
                this.fields = fields;
            }

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
                SortedSetDocValues[] values = new SortedSetDocValues[fields.size()];
                int[][] counts = new int[fields.size()][];
                int i = 0;
                for (FacetField field : fields) {
                    values[i] = DocValues.getSortedSet(leaf.reader(), field.luceneField());
                    counts[i] = new int[(int) values[i].getValueCount()];
                    segments.add(new Segment(leaf, field, counts[i]));
                    i++;
                }
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) {}

                    @Override
                    public void collect(int doc) throws IOException {
                        for (int f = 0; f < values.length; f++) {
                            SortedSetDocValues docValues = values[f];
                            if (docValues.advanceExact(doc)) {
                                int[] perOrd = counts[f];
                                for (int n = docValues.docValueCount(); n > 0; n--) {
                                    perOrd[(int) docValues.nextOrd()]++;
                                }
                            }
                        }
                    }
                };
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }

            void addTo(Map<FacetField, Map<String, Long>> counts) throws IOException {
                for (Segment segment : segments) {
                    SortedSetDocValues terms = DocValues.getSortedSet(
                            segment.leaf().reader(), segment.field().luceneField());
                    Map<String, Long> byCode = counts.get(segment.field());
                    for (int ord = 0; ord < segment.counts().length; ord++) {
                        if (segment.counts()[ord] > 0) {
                            byCode.merge(terms.lookupOrd(ord).utf8ToString(), (long) segment.counts()[ord], Long::sum);
                        }
                    }
                }
            }
        }
    }
}
