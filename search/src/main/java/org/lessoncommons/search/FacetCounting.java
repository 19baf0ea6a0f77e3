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
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * Counts the matches of a search and its facet values over the doc values of the keyword fields,
 * drill-sideways: a field with a selection is counted under every other selection but its own;
 * fields without one are counted in the pass that collects the hits. The fields with a selection
 * are all counted in one more pass, the way Lucene's {@code DrillSideways} does: it visits every
 * material that misses at most one selection, and a material that misses one counts only for the
 * field it misses. The queries always carry the audience filter, so no count includes what the
 * viewer may not see.
 *
 * <p>Counting every match costs as much as the search itself when a query matches a fifth of a
 * million materials (教学反思). So counts are exact up to {@value #EXACT_UP_TO}; beyond that they
 * are estimated from a sample: one in every {@value #SAMPLING} blocks of {@value #BLOCK} documents
 * of every large segment, spread over the whole index and so over the years of uploads.
 */
final class FacetCounting {

    /** Counts up to this many are exact. */
    static final int EXACT_UP_TO = 10_000;

    /**
     * Small blocks, many of them: materials uploaded together are alike (a teacher's semester, a
     * generated corpus whose neighbours share a topic), so a block is one sample, not 128; with
     * blocks of 128 the million-material benchmark's counts were off by up to 20 %.
     */
    static final int BLOCK = 32;

    static final int SAMPLING = 16;

    /** Smaller segments are counted whole: too few of their blocks would be in a sample. */
    private static final int SAMPLED_SEGMENT = 32_768;

    private final GradeStages stages;

    FacetCounting(GradeStages stages) {
        this.stages = stages;
    }

    /** Matches and per-field counts, scaled up from a sample unless {@code exact}. */
    record Tally(double matches, boolean exact, Map<FacetField, Map<String, Double>> counts) {}

    /** How many materials match and the facets asked for; {@code exact} false for estimates. */
    record Counted(long matches, boolean exact, Facets facets) {}

    /** The fields counted with the hits: those without a selection of their own. */
    static Set<FacetField> shared(Filters selected, Set<FacetField> fields) {
        Set<FacetField> unselected = EnumSet.noneOf(FacetField.class);
        fields.stream().filter(field -> selected.of(field).isEmpty()).forEach(unselected::add);
        return unselected;
    }

    /** Counts the matches and the values of {@code fields} over whatever the search it joins matches. */
    static CollectorManager<?, Tally> counter(Set<FacetField> fields) {
        return new Counting(List.copyOf(fields), Filters.none());
    }

    /** The fields counted drill-sideways: those asked for that have a selection of their own. */
    static List<FacetField> sideways(Filters selected, Set<FacetField> fields) {
        return fields.isEmpty()
                ? List.of()
                : EnumSet.copyOf(fields).stream()
                        .filter(field -> !selected.of(field).isEmpty())
                        .toList();
    }

    /**
     * What {@code matching} matches under every selection but those of {@code sideways}, where a
     * material must meet all of them but one: every material one of the drill-sideways counts
     * needs. It scores as {@code matching} does (the selections are filters that add nothing).
     */
    static Query nearMisses(Function<Filters, Query> matching, Filters selected, List<FacetField> sideways) {
        Filters others = selected;
        BooleanQuery.Builder selections = new BooleanQuery.Builder();
        for (FacetField field : sideways) {
            others = others.without(field);
            selections.add(SearchQueries.filter(field, selected.of(field)), Occur.SHOULD);
        }
        if (sideways.size() == 1) {
            return matching.apply(others);
        }
        return new BooleanQuery.Builder()
                .add(matching.apply(others), Occur.MUST)
                .add(selections.setMinimumNumberShouldMatch(sideways.size() - 1).build(), Occur.FILTER)
                .build();
    }

    /** What {@link #joined} collects: the hits' collector's result and the tally of every field. */
    record Joined<T>(T hits, Tally tally) {}

    /**
     * Counts the {@link #nearMisses} search it joins: its matches, the {@code shared} fields over
     * them and the {@code sideways} ones drill-sideways, while only the materials that meet every
     * selection go on to {@code hits}. One pass then collects the page and counts every facet.
     */
    static <T> CollectorManager<?, Joined<T>> joined(
            CollectorManager<? extends Collector, T> hits,
            Set<FacetField> shared,
            List<FacetField> sideways,
            Filters selected) {
        List<FacetField> fields = new ArrayList<>(shared);
        fields.addAll(sideways);
        @SuppressWarnings("unchecked")
        CollectorManager<Collector, T> inner = (CollectorManager<Collector, T>) hits;
        return new JoinedCounting<>(inner, List.copyOf(fields), selected);
    }

    /**
     * The facets from the tally of a {@link #joined} pass, which counted the fields without a
     * selection over the matches and those with one drill-sideways.
     */
    Counted counted(Filters selected, Set<FacetField> fields, Tally joined) {
        return counted(selected, fields, joined, joined);
    }

    /**
     * The matches of {@code query} and the values of {@code fields} from a sample (exact when every
     * segment is small enough to be counted whole): about one in {@value #SAMPLING} of the work of
     * counting them all.
     */
    static Tally estimate(IndexSearcher searcher, Query query, Set<FacetField> fields) throws IOException {
        return estimate(searcher, query, List.copyOf(fields), Filters.none());
    }

    private static Tally estimate(IndexSearcher searcher, Query query, List<FacetField> fields, Filters selected)
            throws IOException {
        Weight weight =
                searcher.createWeight(searcher.rewrite(new ConstantScoreQuery(query)), ScoreMode.COMPLETE_NO_SCORES, 1);
        // Every segment at once, on the searcher's slice threads.
        List<Callable<Segment>> segments = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            segments.add(() -> Segment.sampled(leaf, weight, fields, selected));
        }
        return Segment.sum(searcher.getTaskExecutor().invokeAll(segments));
    }

    /** Whether a tally has counted, or estimated, more matches than are counted exactly. */
    static boolean many(Tally tally) {
        return tally.matches() > EXACT_UP_TO;
    }

    /**
     * The matches and the facets of {@code fields} under the {@code selected} filters, {@code main}
     * being the tally of the {@link #shared} fields (exact from the hits' pass, or an {@link
     * #estimate} when that pass found too many). The fields with a selection of their own are
     * counted together, each under every other selection: exactly while the materials that miss at
     * most one selection are few enough, from a sample beyond, or at once when {@code
     * manyNearMisses} says that they are known to be too many.
     */
    Counted count(
            IndexSearcher searcher,
            Function<Filters, Query> matching,
            Filters selected,
            Set<FacetField> fields,
            Tally main,
            boolean manyNearMisses)
            throws IOException {
        List<FacetField> sideways = sideways(selected, fields);
        Tally others = sideways.isEmpty()
                ? main
                : countSideways(searcher, matching, selected, sideways, manyNearMisses || many(main));
        return counted(selected, fields, main, others);
    }

    /** The facets of the fields without a selection from {@code main}, of those with one from {@code others}. */
    private Counted counted(Filters selected, Set<FacetField> fields, Tally main, Tally others) {
        List<Facet> facets = new ArrayList<>();
        for (FacetField field : fields.isEmpty() ? Set.<FacetField>of() : EnumSet.copyOf(fields)) {
            Tally tally = selected.of(field).isEmpty() ? main : others;
            facets.add(facet(field, tally.counts().getOrDefault(field, Map.of()), selected.of(field), tally.exact()));
        }
        return new Counted(Math.round(main.matches()), main.exact(), new Facets(facets));
    }

    private Facet facet(FacetField field, Map<String, Double> counts, Set<String> selected, boolean exact) {
        Map<String, Long> all = new HashMap<>();
        counts.forEach((code, count) -> all.put(code, Math.round(count)));
        selected.forEach(code -> all.putIfAbsent(code, 0L));
        List<FacetCount> values = new ArrayList<>();
        all.forEach((code, count) -> values.add(new FacetCount(
                code, count, selected.contains(code), field == FacetField.GRADE ? stages.of(code) : null)));
        values.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::code));
        return new Facet(field, values, exact);
    }

    /**
     * The drill-sideways tally of {@code fields}, the ones with a selection, in one pass over the
     * materials that miss at most one of their selections (all other filters applied). Counted
     * exactly by a search that stops past {@link #EXACT_UP_TO} matches per field, then estimated;
     * estimated at once when there are known to be more ({@code many}: dropping a filter only adds
     * matches).
     */
    private static Tally countSideways(
            IndexSearcher searcher,
            Function<Filters, Query> matching,
            Filters selected,
            List<FacetField> fields,
            boolean many)
            throws IOException {
        Query nearMisses = nearMisses(matching, selected, fields);
        if (!many) {
            Tally exact = searcher.search(
                    new ConstantScoreQuery(nearMisses),
                    new UpTo<>(new Counting(fields, selected), (long) EXACT_UP_TO * fields.size()));
            if (exact != null) {
                return exact;
            }
        }
        return estimate(searcher, nearMisses, fields, selected);
    }

    /**
     * The counts of one segment, in ordinals of its doc values; {@code scale} 1 when counted whole.
     * A field with a selection is counted drill-sideways: a material that misses its selection (and
     * no other) counts for that field alone, and not as a match.
     */
    private static final class Segment implements LeafCollector {

        private final LeafReaderContext leaf;
        private final List<FacetField> fields;
        private final SortedSetDocValues[] values;
        private final int[][] counts;
        /** Per field, the ordinals of its selected values in this segment, or null without a selection. */
        private final long[] @Nullable [] chosen;
        /** Per field, the ordinals of the document being collected, and how many. */
        private final long[][] ords;

        private final int[] held;
        private long matches;
        private double scale = 1;

        Segment(LeafReaderContext leaf, List<FacetField> fields, Filters selected) throws IOException {
            this.leaf = leaf;
            this.fields = fields;
            this.values = new SortedSetDocValues[fields.size()];
            this.counts = new int[fields.size()][];
            this.chosen = new long[fields.size()][];
            this.ords = new long[fields.size()][1];
            this.held = new int[fields.size()];
            for (int f = 0; f < values.length; f++) {
                values[f] = DocValues.getSortedSet(leaf.reader(), fields.get(f).luceneField());
                counts[f] = new int[(int) values[f].getValueCount()];
                Set<String> codes = selected.of(fields.get(f));
                chosen[f] = codes.isEmpty() ? null : ordinals(values[f], codes);
            }
        }

        private static long[] ordinals(SortedSetDocValues values, Set<String> codes) throws IOException {
            List<Long> found = new ArrayList<>();
            for (String code : codes) {
                long ord = values.lookupTerm(new BytesRef(code));
                if (ord >= 0) {
                    found.add(ord);
                }
            }
            return found.stream().mapToLong(Long::longValue).toArray();
        }

        /**
         * One block out of every {@value #SAMPLING} in a row, which one chosen by a hash: every part
         * of the index (every year of uploads) gets its share, and the regular sequences of
         * generated or batch-uploaded materials cannot fall in step with a fixed stride.
         */
        static Segment sampled(LeafReaderContext leaf, Weight weight, List<FacetField> fields, Filters selected)
                throws IOException {
            Segment segment = new Segment(leaf, fields, selected);
            BulkScorer scorer = weight.bulkScorer(leaf);
            if (scorer == null) {
                return segment;
            }
            int maxDoc = leaf.reader().maxDoc();
            Bits live = leaf.reader().getLiveDocs();
            if (maxDoc < SAMPLED_SEGMENT) {
                scorer.score(segment, live, 0, DocIdSetIterator.NO_MORE_DOCS);
                return segment;
            }
            int blocks = (maxDoc + BLOCK - 1) / BLOCK;
            long sampled = 0;
            long seed = (leaf.ord + 1) * 0x9E3779B97F4A7C15L;
            for (int first = 0; first < blocks; first += SAMPLING) {
                int inGroup = Math.min(SAMPLING, blocks - first);
                int block = first + (int) Long.remainderUnsigned(mix(seed + first), inGroup);
                int start = block * BLOCK;
                int end = Math.min(start + BLOCK, maxDoc);
                scorer.score(segment, live, start, end);
                sampled += end - start;
            }
            segment.scale = (double) maxDoc / sampled;
            return segment;
        }

        /** SplitMix64's finalizer: neighbouring blocks get unrelated hashes. */
        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
            tally(doc);
        }

        /** Counts the document; true when it meets every selection (a match, not a near miss). */
        boolean tally(int doc) throws IOException {
            int missed = -1;
            for (int f = 0; f < values.length; f++) {
                read(f, doc);
                if (chosen[f] != null && !selected(f)) {
                    if (missed >= 0) {
                        return false; // misses two selections: counts for none of them
                    }
                    missed = f;
                }
            }
            if (missed < 0) {
                matches++;
            }
            for (int f = 0; f < values.length; f++) {
                if (missed < 0 || missed == f) {
                    for (int i = 0; i < held[f]; i++) {
                        counts[f][(int) ords[f][i]]++;
                    }
                }
            }
            return missed < 0;
        }

        private void read(int f, int doc) throws IOException {
            held[f] = 0;
            if (values[f].advanceExact(doc)) {
                int n = values[f].docValueCount();
                if (ords[f].length < n) {
                    ords[f] = new long[n];
                }
                for (int i = 0; i < n; i++) {
                    ords[f][i] = values[f].nextOrd();
                }
                held[f] = n;
            }
        }

        private boolean selected(int f) {
            for (int i = 0; i < held[f]; i++) {
                for (long ord : chosen[f]) {
                    if (ords[f][i] == ord) {
                        return true;
                    }
                }
            }
            return false;
        }

        static Tally sum(Collection<Segment> segments) throws IOException {
            double matches = 0;
            boolean exact = true;
            Map<FacetField, Map<String, Double>> totals = new EnumMap<>(FacetField.class);
            for (Segment segment : segments) {
                matches += segment.matches * segment.scale;
                exact &= segment.scale == 1;
                for (int f = 0; f < segment.fields.size(); f++) {
                    FacetField field = segment.fields.get(f);
                    SortedSetDocValues terms = DocValues.getSortedSet(segment.leaf.reader(), field.luceneField());
                    Map<String, Double> byCode = totals.computeIfAbsent(field, x -> new HashMap<>());
                    for (int ord = 0; ord < segment.counts[f].length; ord++) {
                        if (segment.counts[f][ord] > 0) {
                            byCode.merge(
                                    terms.lookupOrd(ord).utf8ToString(),
                                    segment.counts[f][ord] * segment.scale,
                                    Double::sum);
                        }
                    }
                }
            }
            return new Tally(matches, exact, totals);
        }
    }

    /** The counter that joins the search collecting the hits: one {@link Segment} per segment. */
    private record Counting(List<FacetField> fields, Filters selected)
            implements CollectorManager<Counting.PerSegment, Tally> {

        @Override
        public PerSegment newCollector() {
            return new PerSegment(fields, selected);
        }

        @Override
        public Tally reduce(Collection<PerSegment> collectors) throws IOException {
            List<Segment> segments = new ArrayList<>();
            collectors.forEach(collector -> segments.addAll(collector.segments));
            return Segment.sum(segments);
        }

        private static final class PerSegment implements Collector {

            private final List<FacetField> fields;
            private final Filters selected;
            private final List<Segment> segments = new ArrayList<>();

            PerSegment(List<FacetField> fields, Filters selected) {
                this.fields = fields;
                this.selected = selected;
            }

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
                Segment segment = new Segment(leaf, fields, selected);
                segments.add(segment);
                return segment;
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }
    }

    /** The counter of a {@link #joined} pass: one {@link Segment} per segment, matches passed on to the hits. */
    private record JoinedCounting<T>(CollectorManager<Collector, T> hits, List<FacetField> fields, Filters selected)
            implements CollectorManager<JoinedCounting.PerSegment, Joined<T>> {

        @Override
        public PerSegment newCollector() throws IOException {
            return new PerSegment(hits.newCollector(), fields, selected);
        }

        @Override
        public Joined<T> reduce(Collection<PerSegment> collectors) throws IOException {
            List<Collector> inner = new ArrayList<>();
            List<Segment> segments = new ArrayList<>();
            collectors.forEach(collector -> {
                inner.add(collector.hits);
                segments.addAll(collector.segments);
            });
            return new Joined<>(hits.reduce(inner), Segment.sum(segments));
        }

        private static final class PerSegment implements Collector {

            private final Collector hits;
            private final List<FacetField> fields;
            private final Filters selected;
            private final List<Segment> segments = new ArrayList<>();

            PerSegment(Collector hits, List<FacetField> fields, Filters selected) {
                this.hits = hits;
                this.fields = fields;
                this.selected = selected;
            }

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
                LeafCollector matches = hits.getLeafCollector(leaf);
                Segment segment = new Segment(leaf, fields, selected);
                segments.add(segment);
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) throws IOException {
                        matches.setScorer(scorer);
                    }

                    @Override
                    public void collect(int doc) throws IOException {
                        if (segment.tally(doc)) {
                            matches.collect(doc);
                        }
                    }

                    @Override
                    public void finish() throws IOException {
                        matches.finish();
                    }
                };
            }

            @Override
            public ScoreMode scoreMode() {
                return hits.scoreMode().needsScores() ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
            }
        }
    }
}
