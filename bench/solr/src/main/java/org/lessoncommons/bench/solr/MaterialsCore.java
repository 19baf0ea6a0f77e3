package org.lessoncommons.bench.solr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.core.SolrCore;

/**
 * One Solr core holding the materials, in a fresh Solr home, opened in this JVM through
 * EmbeddedSolrServer. Thread-safe for concurrent {@link #search} calls.
 */
final class MaterialsCore implements AutoCloseable {

    static final String CORE = "materials";
    static final int BATCH = 1_000;

    private static final String RESOURCES = "/org/lessoncommons/bench/solr/";

    /** The fields a hit shows (MaterialDocument.DISPLAYED, less fileName / contentType: not in the corpus). */
    private static final String DISPLAYED =
            "id,title,subject,grade,resourceType,schoolId,schoolName,createdAt,edition,semester,downloads,score";

    /** The facets the app counts. */
    private static final List<String> FACETS =
            List.of("subject", "grade", "resourceType", "schoolId", "year", "semester", "edition");

    /**
     * Signals: at most ×1.1 for a material added today, halving every year, times 1 + 0.05 ×
     * log10(1 + downloads). Solr's log is base 10; ms() is in milliseconds.
     */
    private static final String SIGNALS = "product(sum(1,mul(0.1,pow(0.5,div(ms(NOW,createdAt),31536000000))))"
            + ",sum(1,mul(0.05,log(sum(1,downloads)))))";

    private final Path home;
    private final CoreContainer container;
    private final EmbeddedSolrServer server;

    private MaterialsCore(Path home) {
        this.home = home;
        this.container = CoreContainer.createAndLoad(home);
        if (!container.getCoreInitFailures().isEmpty()) {
            container.shutdown();
            throw new IllegalStateException("The core did not load: " + container.getCoreInitFailures());
        }
        // Requests and responses go through javabin (EmbeddedSolrServer has no way to skip that)
        this.server = new EmbeddedSolrServer(container, CORE);
    }

    /** The Solr home an earlier run built in {@code home}, to measure again without indexing. */
    static MaterialsCore open(Path home) {
        return new MaterialsCore(home);
    }

    /** A new Solr home in {@code home} (whatever was there is deleted) with an empty core. */
    static MaterialsCore create(Path home) throws IOException {
        delete(home);
        Path conf = Files.createDirectories(home.resolve(CORE).resolve("conf"));
        Files.writeString(home.resolve("solr.xml"), "<solr/>\n");
        Files.writeString(home.resolve(CORE).resolve("core.properties"), "name=" + CORE + "\n");
        copy("solrconfig.xml", conf);
        copy("schema.xml", conf);
        Files.write(conf.resolve("stopwords.txt"), stopWords(), StandardCharsets.UTF_8);
        return new MaterialsCore(home);
    }

    /**
     * Indexes every line of the corpus in batches of {@link #BATCH}, added by {@code threads}
     * threads while this one reads, then commits once. Returns the number of documents.
     */
    long index(Path corpus, int threads) throws IOException, InterruptedException {
        List<SolrInputDocument> end = List.of();
        BlockingQueue<List<SolrInputDocument>> batches = new ArrayBlockingQueue<>(threads * 2);
        AtomicLong added = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    for (List<SolrInputDocument> batch = batches.take(); batch != end; batch = batches.take()) {
                        server.add(batch);
                        added.addAndGet(batch.size());
                    }
                    return null;
                }));
            }
            try (BufferedReader reader = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
                List<SolrInputDocument> batch = new ArrayList<>(BATCH);
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isEmpty()) {
                        continue;
                    }
                    batch.add(Material.parse(line).toSolr());
                    if (batch.size() == BATCH) {
                        offer(batches, batch, workers);
                        batch = new ArrayList<>(BATCH);
                    }
                }
                if (!batch.isEmpty()) {
                    offer(batches, batch, workers);
                }
            }
            for (int i = 0; i < threads; i++) {
                offer(batches, end, workers);
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            server.commit();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Indexing failed", e.getCause());
        } catch (SolrServerException e) {
            throw new IllegalStateException("Commit failed", e);
        } finally {
            pool.shutdownNow();
        }
        return added.get();
    }

    /** The app's search of {@code text} by {@code viewer}: first page of 20, facets, highlights. */
    Page search(String text, Viewer viewer) {
        QueryResponse response;
        try {
            response = server.query(params(text, viewer));
        } catch (SolrServerException | IOException e) {
            throw new IllegalStateException("Query failed: " + text, e);
        }
        Map<String, Map<String, List<String>>> highlighting =
                Objects.requireNonNullElse(response.getHighlighting(), Map.of());
        List<Page.Hit> hits = new ArrayList<>();
        for (SolrDocument doc : response.getResults()) {
            String id = (String) doc.getFirstValue("id");
            String title = (String) doc.getFirstValue("title");
            Map<String, List<String>> marked = highlighting.getOrDefault(id, Map.of());
            hits.add(new Page.Hit(
                    id,
                    title,
                    first(marked.get("title_cjk")),
                    String.join("… ", Objects.requireNonNullElse(marked.get("body_cjk"), List.of()))));
        }
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (FacetField field : Objects.requireNonNullElse(response.getFacetFields(), List.<FacetField>of())) {
            Map<String, Long> counts = new LinkedHashMap<>();
            field.getValues().forEach(count -> counts.put(count.getName(), count.getCount()));
            facets.put(field.getName(), counts);
        }
        return new Page(response.getResults().getNumFound(), hits, facets);
    }

    /** The size of the core's index directory, in bytes. */
    long indexBytes() throws IOException {
        Path index;
        try (SolrCore core = container.getCore(CORE)) {
            index = Path.of(core.getIndexDir());
        }
        try (Stream<Path> files = Files.walk(index)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        }
    }

    Path home() {
        return home;
    }

    @Override
    public void close() throws IOException {
        // The server does not shut down a container it was handed
        try {
            server.close();
        } finally {
            container.shutdown();
        }
    }

    /**
     * SearchQueries in edismax terms. Each whitespace-separated piece (escaped: the app reads the
     * text literally) is a clause that must match (mm=100%); a clause is the best of title^3,
     * tags^2, body and their bigram fields with the same boosts (tie 0.1); q.op=AND makes all of a
     * piece's smartcn words required within one field, like the app's allParts. pf mirrors the
     * app's wholeText: the words of the whole text close together (slop 2) in title^3 or body.
     */
    private static ModifiableSolrParams params(String text, Viewer viewer) {
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("defType", "edismax");
        params.set("q", literal(text));
        params.set("qf", "title^3 tags^2 body title_cjk^3 tags_cjk^2 body_cjk");
        params.set("tie", "0.1");
        params.set("mm", "100%");
        params.set("q.op", "AND");
        params.set("sow", "true");
        params.set("pf", "title^3 body");
        params.set("ps", "2");
        params.set("boost", SIGNALS);
        params.set("fq", viewer.filter());
        params.set("rows", "20");
        params.set("fl", DISPLAYED);
        params.set("facet", "true");
        params.set("facet.field", FACETS.toArray(String[]::new));
        params.set("facet.mincount", "1");
        params.set("facet.limit", "-1");
        // Snippets: <mark>, the whole title, two ~100-character passages of the body cut at words
        params.set("hl", "true");
        params.set("hl.method", "unified");
        params.set("hl.fl", "title_cjk,body_cjk");
        params.set("hl.tag.pre", "<mark>");
        params.set("hl.tag.post", "</mark>");
        params.set("hl.tag.ellipsis", "… ");
        params.set("hl.encoder", "html");
        params.set("hl.defaultSummary", "false");
        params.set("hl.maxAnalyzedChars", "200000");
        params.set("hl.snippets", "2");
        params.set("hl.fragsize", "100");
        params.set("hl.fragsizeIsMinimum", "false");
        params.set("hl.fragAlignRatio", "0.5");
        params.set("hl.bs.type", "WORD");
        params.set("hl.bs.language", "zh");
        params.set("f.title_cjk.hl.bs.type", "WHOLE");
        params.set("f.title_cjk.hl.snippets", "1");
        return params;
    }

    private static String literal(String text) {
        return String.join(
                " ",
                Stream.of(text.strip().split("\\s+"))
                        .filter(piece -> !piece.isEmpty())
                        .map(ClientUtils::escapeQueryChars)
                        .toList());
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }

    private static void offer(
            BlockingQueue<List<SolrInputDocument>> batches, List<SolrInputDocument> batch, List<Future<?>> workers)
            throws InterruptedException, ExecutionException {
        // A worker that failed takes no more: give up instead of waiting on a full queue for ever
        while (!batches.offer(batch, 1, java.util.concurrent.TimeUnit.SECONDS)) {
            for (Future<?> worker : workers) {
                if (worker.isDone()) {
                    worker.get();
                }
            }
        }
    }

    /**
     * ChineseAnalysis.STOP_WORDS: smartcn's default set, Lucene's English stop words and the
     * commonest function characters. Solr's word list reader takes a line starting with # as a
     * comment, so the stop word "#" cannot be listed and stays a token here.
     */
    private static List<String> stopWords() {
        CharArraySet set = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
        set.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        for (String word : "的 地 得 了 着 过 吗 呢 吧 啊 呀 嘛 是 在 和 与 及 或 也 都 就 而 之 其".split(" ")) {
            set.add(word);
        }
        TreeSet<String> words = new TreeSet<>();
        for (Object word : set) {
            words.add(new String((char[]) word));
        }
        words.remove("#");
        return List.copyOf(words);
    }

    private static void copy(String resource, Path conf) throws IOException {
        try (InputStream in = MaterialsCore.class.getResourceAsStream(RESOURCES + resource)) {
            if (in == null) {
                throw new IOException("Missing resource " + RESOURCES + resource);
            }
            Files.copy(in, conf.resolve(resource));
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
