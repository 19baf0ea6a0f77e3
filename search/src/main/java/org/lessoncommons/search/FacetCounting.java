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
 * selection is counted under every other selection but its own; fields without one share a single
 * pass under all selections. The query passed in always carries the audience filter.
 */
final class FacetCounting {

    private final GradeStages stages;

    FacetCounting(GradeStages stages) {
        this.stages = stages;
    }

    Facets count(IndexSearcher searcher, Function<Filters, Query> matching, Filters selected, Set<FacetField> fields)
            throws IOException {
        if (fields.isEmpty()) {
            return Facets.none();
        }
        Map<FacetField, Map<String, Long>> counts = new EnumMap<>(FacetField.class);
        Set<FacetField> unselected = EnumSet.noneOf(FacetField.class);
        for (FacetField field : fields) {
            if (selected.of(field).isEmpty()) {
                unselected.add(field);
            } else {
                counts.putAll(searcher.search(matching.apply(selected.without(field)), new Counting(Set.of(field))));
            }
        }
        if (!unselected.isEmpty()) {
            counts.putAll(searcher.search(matching.apply(selected), new Counting(unselected)));
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
                List<SortedSetDocValues> values = new ArrayList<>();
                List<int[]> counts = new ArrayList<>();
                for (FacetField field : fields) {
                    SortedSetDocValues docValues = DocValues.getSortedSet(leaf.reader(), field.luceneField());
                    int[] perOrd = new int[(int) docValues.getValueCount()];
                    values.add(docValues);
                    counts.add(perOrd);
                    segments.add(new Segment(leaf, field, perOrd));
                }
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) {}

                    @Override
                    public void collect(int doc) throws IOException {
                        for (int i = 0; i < values.size(); i++) {
                            SortedSetDocValues docValues = values.get(i);
                            if (docValues.advanceExact(doc)) {
                                for (int n = 0; n < docValues.docValueCount(); n++) {
                                    counts.get(i)[(int) docValues.nextOrd()]++;
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
