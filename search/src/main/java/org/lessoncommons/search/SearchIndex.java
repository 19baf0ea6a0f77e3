package org.lessoncommons.search;

import static org.lessoncommons.search.LuceneFields.CREATED_AT;
import static org.lessoncommons.search.LuceneFields.DOWNLOADS;
import static org.lessoncommons.search.LuceneFields.GENERATION;
import static org.lessoncommons.search.LuceneFields.ID;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOUtils;
import org.jspecify.annotations.Nullable;

/**
 * The full-text index of materials: one IndexWriter and one near-real-time SearcherManager over a
 * Lucene {@link Directory}. Every write is visible to searches when the method returns. {@link
 * #index} is committed with the writes around it (a group commit, within about a second) and says
 * when through the stage it returns; the other writes are committed before they return.
 * Thread-safe.
 */
public final class SearchIndex implements AutoCloseable {

    /** Deep paging costs memory and time linearly: results stop here. */
    public static final int MAX_RESULT_WINDOW = 10_000;

    /** Counting every match (not Lucene's default lower bound of 1000) keeps page counts honest. */
    private static final int EXACT_COUNT = Integer.MAX_VALUE;

    private static final Sort NEWEST_FIRST =
            new Sort(new SortField(CREATED_AT, SortField.Type.LONG, true), new SortedSetSortField(ID, false));

    private static final Sort MOST_DOWNLOADED = new Sort(
            new SortField(DOWNLOADS, SortField.Type.LONG, true),
            new SortField(CREATED_AT, SortField.Type.LONG, true),
            new SortedSetSortField(ID, false));

    private static final MaterialSimilarity SIMILARITY = new MaterialSimilarity();

    private final ChineseAnalysis analysis;
    private final SearchQueries queries;
    private final SearchQueries firstStage;
    private final Snippets snippets;
    private final Suggestions suggestions;
    private final RelatedMaterials related;
    private final QueryUnderstanding understanding = QueryUnderstanding.load();
    private final FacetCounting facets = new FacetCounting(GradeStages.load());
    private final Signals signals = new Signals(Clock.systemUTC());
    private final @Nullable Directory ownedDirectory;

    /**
     * Searches a large index's segments in slices on every core at once: a search that matches a
     * fifth of a million materials takes half as long on two cores. Lucene runs slices on the
     * searching thread too, so busy slice threads never make a search wait.
     */
    private final ExecutorService slices;

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final GroupCommit commits;

    /** One for every searcher, so that it remembers which filters recur across refreshes. */
    private final KeywordFilterCaching caching = new KeywordFilterCaching();

    /** Stamped on every write; raised when a full rebuild begins. */
    private final AtomicLong generation;

    /**
     * The fields and analysis documents are indexed with, recorded in every commit. Raise it when
     * they change: an index of another layout is rebuilt from storage at start.
     */
    static final String LAYOUT = "2";

    private static final String LAYOUT_KEY = "layout";

    /** False while the index holds documents of another layout, until a rebuild ends. */
    private volatile boolean currentLayout;

    /** Opens (or creates) the index in {@code directory}; the caller keeps closing the directory. */
    public SearchIndex(Directory directory) {
        this(directory, false, GroupCommit.Timing.DEFAULT);
    }

    SearchIndex(Directory directory, boolean ownsDirectory) {
        this(directory, ownsDirectory, GroupCommit.Timing.DEFAULT, AnalysisChoice.ALL);
    }

    SearchIndex(Directory directory, boolean ownsDirectory, GroupCommit.Timing timing) {
        this(directory, ownsDirectory, timing, AnalysisChoice.ALL);
    }

    /** For the relevance evaluation: an index with only some analysis steps. */
    SearchIndex(Directory directory, boolean ownsDirectory, AnalysisChoice choice) {
        this(directory, ownsDirectory, GroupCommit.Timing.DEFAULT, choice);
    }

    SearchIndex(Directory directory, boolean ownsDirectory, GroupCommit.Timing timing, AnalysisChoice choice) {
        this.analysis = new ChineseAnalysis(choice);
        this.queries = new SearchQueries(analysis);
        this.firstStage = queries.withoutPositions();
        this.snippets = new Snippets(analysis);
        this.suggestions = new Suggestions(analysis);
        this.related = new RelatedMaterials(analysis);
        this.ownedDirectory = ownsDirectory ? directory : null;
        AtomicInteger sliceThreads = new AtomicInteger();
        this.slices = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread thread = new Thread(r, "search-slice-" + sliceThreads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        IndexWriterConfig config = new IndexWriterConfig(analysis.indexing())
                .setOpenMode(OpenMode.CREATE_OR_APPEND)
                .setSimilarity(SIMILARITY);
        try {
            this.writer = new IndexWriter(directory, config);
        } catch (IOException e) {
            IOUtils.closeWhileHandlingException(analysis, slices::shutdown);
            throw new UncheckedIOException("Cannot open the search index in " + directory, e);
        }
        try {
            Map<String, String> committed = new HashMap<>();
            Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
            if (data != null) {
                data.forEach(entry -> committed.put(entry.getKey(), entry.getValue()));
            }
            this.currentLayout = writer.getDocStats().numDocs == 0 || LAYOUT.equals(committed.get(LAYOUT_KEY));
            if (currentLayout) {
                writer.setLiveCommitData(Map.of(LAYOUT_KEY, LAYOUT).entrySet());
            }
            writer.commit();
            this.searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    IndexSearcher searcher = new IndexSearcher(reader, slices);
                    searcher.setSimilarity(SIMILARITY);
                    searcher.setQueryCachingPolicy(caching);
                    return searcher;
                }
            });
        } catch (IOException e) {
            IOUtils.closeWhileHandlingException(writer::rollback, analysis, slices::shutdown);
            throw new UncheckedIOException("Cannot open the search index in " + directory, e);
        }
        // After every commit the searcher is refreshed: what indexLater wrote becomes searchable there.
        this.commits = new GroupCommit(writer, timing, searchers::maybeRefreshBlocking);
        this.generation = new AtomicLong(read(SearchIndex::latestGeneration));
    }

    /**
     * Adds the material, or replaces the one with the same id. Searchable when this returns; the
     * stage completes once a commit holds the write (at most about a second later), and fails if
     * that commit fails. Until then a crash may lose the write: callers that must not lose it
     * record it as done only when the stage completes.
     */
    public CompletionStage<Void> index(IndexedMaterial material) {
        CompletionStage<Void> durable = indexLater(material);
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the search index", e);
        }
        return durable;
    }

    /**
     * Adds or replaces the material like {@link #index}, but without making it searchable at once:
     * the stage completes once a commit holds the write and the searcher has been refreshed after
     * it, so searches see it from then on (within about a second). For the ingest pipeline, where
     * a refresh after every document costs more than indexing a small one; one refresh per group
     * commit serves them all.
     */
    public CompletionStage<Void> indexLater(IndexedMaterial material) {
        try {
            writer.updateDocument(new Term(ID, material.id()), MaterialDocument.of(material, generation.get()));
            return commits.register();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the search index", e);
        }
    }

    /**
     * Records a material's new download count for the "most downloaded" order and the popularity
     * signal. Visible to searches within a refresh; made durable by the next commit, and restored
     * from PostgreSQL by a rebuild if a crash comes first.
     */
    public void downloaded(String id, long downloads) {
        try {
            writer.updateNumericDocValue(new Term(ID, id), DOWNLOADS, downloads);
            commits.register();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the search index", e);
        }
    }

    /** Commits every write made so far before returning. */
    public void commit() {
        try {
            commits.commitNow();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot commit the search index", e);
        }
    }

    /** Adds or replaces many materials with one commit (for a rebuild). */
    public void indexAll(Collection<IndexedMaterial> materials) {
        write(() -> {
            for (IndexedMaterial material : materials) {
                writer.updateDocument(new Term(ID, material.id()), MaterialDocument.of(material, generation.get()));
            }
        });
    }

    public void remove(String id) {
        write(() -> writer.deleteDocuments(new Term(ID, id)));
    }

    /**
     * Begins a full rebuild that keeps serving: every write from now on carries the returned
     * stamp. Re-add every material with {@link #indexAll}, then call {@link #removeStale}.
     */
    public long beginRebuild() {
        return generation.incrementAndGet();
    }

    /**
     * Ends a full rebuild: removes what was written before {@code stamp} whose id is not in {@code
     * live}, the materials that still exist (read after the rebuild began, so that a material
     * being ingested meanwhile stays). Returns how many were removed.
     */
    public int removeStale(long stamp, Set<String> live) {
        int removed = removeStaleWrites(stamp, live);
        if (!currentLayout) {
            writer.setLiveCommitData(Map.of(LAYOUT_KEY, LAYOUT).entrySet());
            commit();
            currentLayout = true;
        }
        return removed;
    }

    /**
     * Whether every document was indexed with this version's fields and analysis; false after an
     * upgrade changed them, until a rebuild ({@link #removeStale} ends one) has re-added them all.
     */
    public boolean currentLayout() {
        return currentLayout;
    }

    private int removeStaleWrites(long stamp, Set<String> live) {
        List<String> stale = read(searcher -> {
            Query before = new BooleanQuery.Builder()
                    .add(new MatchAllDocsQuery(), Occur.MUST)
                    .add(LongPoint.newRangeQuery(GENERATION, stamp, Long.MAX_VALUE), Occur.MUST_NOT)
                    .build();
            Weight weight = searcher.createWeight(searcher.rewrite(before), ScoreMode.COMPLETE_NO_SCORES, 1);
            List<String> ids = new ArrayList<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                Bits existing = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                DocIdSetIterator docs = scorer.iterator();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    String id = existing == null || existing.get(doc)
                            ? stored.document(doc, Set.of(ID)).get(ID)
                            : null;
                    if (id != null && !live.contains(id)) {
                        ids.add(id);
                    }
                }
            }
            return ids;
        });
        write(() -> {
            for (String id : stale) {
                writer.deleteDocuments(new Term(ID, id));
            }
        });
        return stale.size();
    }

    /** Empties the index, typically before rebuilding it from storage. */
    public void removeAll() {
        write(writer::deleteAll);
    }

    public long count() {
        return read(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    public boolean contains(String id) {
        return read(searcher -> searcher.count(new TermQuery(new Term(ID, id))) > 0);
    }

    /** The id of every material in the index, for checking it against storage. */
    public Set<String> ids() {
        return read(searcher -> {
            Set<String> ids = new HashSet<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), ID);
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        ids.add(values.lookupOrd(values.nextOrd()).utf8ToString());
                    }
                }
            }
            return ids;
        });
    }

    /**
     * One page of materials matching every term of the text and all filters, best first (or in the
     * query's order); newest first when the text is blank or only filters remain. Facets are counted
     * and chips understood when the query asks for them.
     */
    public SearchResults search(SearchQuery query) {
        Plan plan = plan(query);
        int window = (query.page() + 1) * query.size();
        Filters selected = plan.understood().filters();
        return read(searcher -> {
            Set<FacetField> shared = FacetCounting.shared(selected, query.facets());
            List<FacetField> sideways = FacetCounting.sideways(selected, query.facets());
            Page page = null;
            boolean many = false;
            boolean manyNearMisses = false;
            if (!sideways.isEmpty()) {
                // One pass over every material that misses at most one chip or facet selection
                // collects the page from those that miss none and counts every facet, as long as
                // there are few enough of both to count them all.
                Query nearMisses = FacetCounting.nearMisses(plan.matching(), selected, sideways);
                UpTo<TopDocs> hits = new UpTo<>(collecting(plan, window), FacetCounting.EXACT_UP_TO);
                FacetCounting.Joined<TopDocs> joined = searcher.search(
                        plan.sort() == null ? new WithSignals(nearMisses, signals) : nearMisses,
                        // As many as the separate drill-sideways pass would count exactly: when
                        // there are more, the searches that follow cost what they did without it.
                        new UpTo<>(
                                FacetCounting.joined(hits, shared, sideways, selected),
                                (long) FacetCounting.EXACT_UP_TO * sideways.size()));
                if (joined != null && joined.hits() != null) {
                    page = new Page(joined.hits().scoreDocs, facets.counted(selected, query.facets(), joined.tally()));
                }
                many = hits.exceeded();
                manyNearMisses = joined == null;
            }
            if (page == null) {
                page = page(searcher, plan, query, shared, window, many, manyNearMisses);
            }
            ScoreDoc[] top = page.top();
            ScoreDoc[] shown = Arrays.copyOfRange(top, Math.min(query.page() * query.size(), top.length), top.length);
            return new SearchResults(
                    page.counted().matches(),
                    page.counted().exact(),
                    hits(searcher, plan.highlight(), shown),
                    query.page(),
                    query.size(),
                    page.counted().facets(),
                    plan.understood().chips(),
                    plan.understood().text());
        });
    }

    /** The best {@code window} hits of a search and what it counted. */
    private record Page(ScoreDoc[] top, FacetCounting.Counted counted) {}

    /**
     * The page and the counts of a search, the facets with a selection counted drill-sideways after
     * the hits; {@code many} when it is known that more than {@value FacetCounting#EXACT_UP_TO}
     * match, {@code manyNearMisses} when it is known that too many miss at most one selection to
     * count the drill-sideways facets exactly.
     */
    private Page page(
            IndexSearcher searcher,
            Plan plan,
            SearchQuery query,
            Set<FacetField> shared,
            int window,
            boolean many,
            boolean manyNearMisses)
            throws IOException {
        // One pass collects the page, counts every match and the facets without a selection of
        // their own, as long as there are few enough matches to count them all exactly.
        Object[] collected = many
                ? null
                : searcher.search(
                        plan.scored(),
                        new UpTo<>(
                                new MultiCollectorManager(collecting(plan, window), FacetCounting.counter(shared)),
                                FacetCounting.EXACT_UP_TO));
        ScoreDoc[] top;
        FacetCounting.Tally all;
        if (collected != null) {
            top = ((TopDocs) collected[0]).scoreDocs;
            all = (FacetCounting.Tally) collected[1];
        } else {
            // Too many to score them all: two stages for relevance, the sort's own shortcuts
            // otherwise; the counts are estimated from a sample.
            top = plan.sort() == null
                    ? Ranking.top(
                            searcher,
                            plan.matches(),
                            plan.scored(),
                            plan.firstStage().get(),
                            window)
                    : searcher.search(plan.scored(), new TopFieldCollectorManager(plan.sort(), window, window))
                            .scoreDocs;
            all = FacetCounting.estimate(searcher, plan.matches(), shared);
        }
        Filters selected = plan.understood().filters();
        return new Page(top, facets.count(searcher, plan.matching(), selected, query.facets(), all, manyNearMisses));
    }

    /** Collects the best {@code window} hits in the plan's order, counting every match. */
    @SuppressWarnings("unchecked") // TopFieldDocs are TopDocs
    private static CollectorManager<?, TopDocs> collecting(Plan plan, int window) {
        return plan.sort() == null
                ? new TopScoreDocCollectorManager(window, EXACT_COUNT)
                : (CollectorManager<?, TopDocs>)
                        (CollectorManager<?, ?>) new TopFieldCollectorManager(plan.sort(), window, EXACT_COUNT);
    }

    /**
     * The full Lucene query that ranks the hits of {@code query} (scored with the ranking signals,
     * or in the query's sort order), in one pass: for diagnostics and the benchmark that compares
     * the module with plain Lucene running the same ranking. {@link #search} runs it whole while
     * there are at most {@value FacetCounting#EXACT_UP_TO} matches; beyond, it scores with it only
     * the best {@value Ranking#RESCORED} that a cheaper first stage picks ({@link Ranking}).
     */
    public Query luceneQuery(SearchQuery query) {
        return plan(query).scored();
    }

    /** The similarity the index scores with, for a plain searcher running {@link #luceneQuery}. */
    public static Similarity similarity() {
        return SIMILARITY;
    }

    private Plan plan(SearchQuery query) {
        if ((long) (query.page() + 1) * query.size() > MAX_RESULT_WINDOW) {
            throw new InvalidQuery("Only the first " + MAX_RESULT_WINDOW + " results can be paged through");
        }
        QueryUnderstanding.Understood understood = query.understand()
                ? understanding.understand(query.text(), query.filters(), analysis)
                : new QueryUnderstanding.Understood(List.of(), query.filters(), query.text());
        List<QueryTerm> terms = QueryTerm.parse(analysis.synonyms().separate(understood.text(), analysis), analysis);
        boolean nothing = terms.isEmpty()
                && understood.filters().isEmpty()
                && !understood.text().isEmpty();
        Function<Filters, Query> matching = filters -> queries.search(query, terms, filters, nothing);
        Query lucene = matching.apply(understood.filters());
        Sort sort = sort(query.order(), terms);
        return new Plan(
                understood,
                matching,
                lucene,
                sort == null ? new WithSignals(lucene, signals) : lucene,
                // Built only for a search with too many matches to score them all.
                () -> new WithSignals(firstStage.search(query, terms, understood.filters(), nothing), signals),
                sort,
                terms.isEmpty()
                        ? null
                        : new Snippets.Marking(
                                queries.highlight(terms, LuceneFields.TITLE),
                                queries.highlight(terms, LuceneFields.BODY)));
    }

    /**
     * How one search runs: what matches under which filters ({@code matches} under the understood
     * ones), how hits are ordered and marked; {@code firstStage} is for relevance only.
     */
    private record Plan(
            QueryUnderstanding.Understood understood,
            Function<Filters, Query> matching,
            Query matches,
            Query scored,
            Supplier<Query> firstStage,
            @Nullable Sort sort,
            Snippets.@Nullable Marking highlight) {}

    /**
     * Up to {@code limit} (at most 10) titles the audience may see that complete what was typed:
     * characters, pinyin or pinyin initials, the last piece possibly unfinished.
     */
    public List<Suggestion> suggest(String typed, Audience audience, int limit) {
        return read(searcher -> suggestions.suggest(searcher, typed, audience, limit));
    }

    /**
     * Up to {@code limit} (at most {@link SearchQuery#MAX_PAGE_SIZE}) other materials the audience
     * may see that are most like the material {@code id} in title and body; none when it is not
     * indexed.
     */
    public List<SearchHit> related(String id, Audience audience, int limit) {
        if (limit < 1 || limit > SearchQuery.MAX_PAGE_SIZE) {
            throw new InvalidQuery("limit must be between 1 and " + SearchQuery.MAX_PAGE_SIZE);
        }
        return read(searcher -> {
            Query like = related.like(searcher, id, audience).orElse(null);
            if (like == null) {
                return List.of();
            }
            ScoreDoc[] top = searcher.search(like, limit).scoreDocs;
            // A few shared everyday words (教学, 设计) make a weak match, not a related material.
            float cutoff = top.length == 0 ? 0 : top[0].score * RelatedMaterials.MIN_SHARE_OF_BEST;
            return hits(
                    searcher,
                    null,
                    Arrays.stream(top).filter(hit -> hit.score >= cutoff).toArray(ScoreDoc[]::new));
        });
    }

    /** Null for relevance: scores, with freshness and downloads. */
    private static @Nullable Sort sort(SortOrder order, List<QueryTerm> terms) {
        return switch (order) {
            case RELEVANCE -> terms.isEmpty() ? NEWEST_FIRST : null;
            case NEWEST -> NEWEST_FIRST;
            case MOST_DOWNLOADED -> MOST_DOWNLOADED;
        };
    }

    /** Commits what is left and closes; writes after this fail. */
    @Override
    public void close() throws IOException {
        try {
            IOUtils.close(commits, searchers, writer, analysis, ownedDirectory);
        } finally {
            slices.shutdown();
        }
    }

    private static long latestGeneration(IndexSearcher searcher) throws IOException {
        byte[] max = PointValues.getMaxPackedValue(searcher.getIndexReader(), GENERATION);
        return max == null ? 0 : LongPoint.decodeDimension(max, 0);
    }

    private List<SearchHit> hits(IndexSearcher searcher, Snippets.@Nullable Marking highlight, ScoreDoc[] page)
            throws IOException {
        int[] docIds = Arrays.stream(page).mapToInt(hit -> hit.doc).toArray();
        StoredFields storedFields = searcher.storedFields();
        List<Document> stored = new ArrayList<>(page.length);
        for (int docId : docIds) {
            stored.add(storedFields.document(docId, MaterialDocument.HIT));
        }
        List<Snippets.Html> html = snippets.highlight(searcher, highlight, docIds, stored);
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            hits.add(MaterialDocument.hit(
                    stored.get(i), html.get(i).title(), html.get(i).snippet(), page[i].score));
        }
        return hits;
    }

    private void write(Change change) {
        try {
            change.apply();
            commits.commitNow();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the search index", e);
        }
    }

    private <T> T read(Reading<T> reading) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return reading.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the search index", e);
        }
    }

    @FunctionalInterface
    private interface Change {
        void apply() throws IOException;
    }

    @FunctionalInterface
    private interface Reading<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
