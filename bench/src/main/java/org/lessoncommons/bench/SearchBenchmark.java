package org.lessoncommons.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.lessoncommons.search.Audience;
import org.lessoncommons.search.FacetField;
import org.lessoncommons.search.Filters;
import org.lessoncommons.search.IndexedMaterial;
import org.lessoncommons.search.SearchIndex;
import org.lessoncommons.search.SearchQuery;
import org.lessoncommons.search.SearchResults;
import org.lessoncommons.search.SortOrder;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search latency and throughput on N generated Chinese materials ({@link LessonCorpus}), every leg
 * on the same index and the same teacher queries in one run:
 *
 * <ol>
 *   <li><b>HTTP API</b>: {@code GET /api/search?q=…} on the web jar (a child process on the
 *       embedded default, the index built beforehand in its data folder), signed in as a demo
 *       teacher: query understanding, the audience filter, ranking, exact counts, seven facets,
 *       snippets, JSON;
 *   <li><b>the module in-process</b>: {@link SearchIndex#search} with the same request;
 *   <li><b>raw Lucene, same query</b>: the Lucene query the module runs for that request
 *       ({@link SearchIndex#luceneQuery}) on a plain {@link IndexSearcher}, top 20 and their
 *       stored fields, Lucene's default count (exact up to 1,000);
 *   <li><b>plain Lucene</b>: a smartcn AND query on the body, top 20, stored fields, what a
 *       minimal Lucene application does;
 *   <li><b>Solr</b> (when {@code -Dbench.solr.classpath} names the classpath file of bench/solr):
 *       EmbeddedSolrServer, smartcn and bigram fields, edismax, the same facets and highlighting,
 *       in a JVM of its own (Solr 9 brings Lucene 9).
 * </ol>
 *
 * One thread for latency (after a warm-up), then two threads for throughput. See
 * docs/benchmarks.md.
 */
public final class SearchBenchmark {

    /** How many turns the HTTP and raw Lucene legs take, each a share of the timed queries. */
    private static final int TURNS = 5;

    static final String[] QUERIES = {
        "三年级上册 语文 第二单元 教案",
        "《静夜思》课件",
        "分数的初步认识 同课异构",
        "jys",
        "jingyesi",
        "床前明月光，疑是地上霜",
        "光合作用 教学设计",
        "勾股定理 练习",
        "八年级 物理 浮力 实验",
        "欧姆定律",
        "圆的面积 公式",
        "教学反思",
        "小组合作",
        "古诗 朗读",
        "桃花源记 课件",
        "人教版 七年级 数学 有理数",
        "高一 函数的概念",
        "二次函数 试卷",
        "评课记录 公开课",
        "辛亥革命",
        "中国的地形 教案",
        "认识钟表 一年级",
        "小数的加法和减法",
        "水的循环 科学",
        "月相变化",
        "My Friends",
        "茉莉花 音乐",
        "质量守恒定律 化学",
        "电磁感应 高二",
        "陋室铭 翻译",
        "草船借箭",
        "背影 朱自清",
        "岳阳楼记 先天下之忧而忧",
        "大单元教学",
        "集体备课 数学",
        "思乡的古诗",
        "送别诗 李白",
        "分层作业 设计",
        "牛顿第一定律 惯性",
        "PPT 浮力"
    };

    private static final int BATCH = 2_000;
    private static final int APP_PORT = 18490;
    private static final int APP_POSTGRES_PORT = 18491;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int documents = Integer.getInteger("bench.search.docs", 1_000_000);
        int warmUp = Integer.getInteger("bench.search.warmup", Runs.DEFAULT_WARM_UP);
        int measured = Integer.getInteger("bench.search.queries", 2_000);
        Path root = Path.of(System.getProperty("bench.work", "bench/target/bench-work"));
        Path work = root.resolve("search");
        Path jar = webJar(Path.of(System.getProperty("bench.web.jar", "web/target")));
        String solrClasspath = System.getProperty("bench.solr.classpath", "");
        String appHeap = System.getProperty("bench.app.heap", "1g");
        Path data = work.resolve("app-data");
        Path built = work.resolve("index.properties");
        Path log = work.resolve("app.log");
        Runs runs = new Runs(warmUp, measured);
        double loadBefore = load();
        Path relevanceCorpus = Path.of("search/src/test/resources/relevance/corpus.txt");

        // -Dbench.search.reuse=true measures again on the index of an earlier run of the same size.
        Built index = Boolean.getBoolean("bench.search.reuse") ? Built.read(built, documents) : null;
        if (index == null) {
            FileSystemUtils.deleteRecursively(work);
            Files.createDirectories(data);
            // 1. A first start seeds the demo alliance: its teacher and schools own the materials.
            log("Starting the web app once to seed the demo alliance (%s)", jar);
            Identity teacher;
            try (WebApp app = WebApp.start(jar, data, APP_PORT, APP_POSTGRES_PORT, appHeap, log)) {
                app.signIn("teacher1", "demo2026");
                teacher = Identity.read(app);
                app.awaitIdle(Duration.ofMinutes(10));
            }
            List<LessonCorpus.School> schools = new ArrayList<>(teacher.schools());
            String otherAlliance = UUID.nameUUIDFromBytes("bench-other-alliance".getBytes(StandardCharsets.UTF_8))
                    .toString();
            schools.add(new LessonCorpus.School(UUID.randomUUID().toString(), "外联盟实验学校", otherAlliance));
            schools.add(new LessonCorpus.School(UUID.randomUUID().toString(), "外联盟第二中学", otherAlliance));
            teacher = new Identity(teacher.accountId(), teacher.schoolId(), teacher.allianceId(), schools);
            log(
                    "Teacher %s of school %s in alliance %s",
                    teacher.accountId(), teacher.schoolId(), teacher.allianceId());

            // 2. The index, written into the app's index folder while the app is stopped.
            LessonCorpus corpus = new LessonCorpus(relevanceCorpus, teacher.schools(), teacher.accountId(), 42);
            double seconds;
            try (FSDirectory directory = FSDirectory.open(data.resolve("index"));
                    SearchIndex searchIndex = new SearchIndex(directory)) {
                long seeded = searchIndex.count();
                seconds = index(searchIndex, corpus, documents);
                log(
                        "Indexed %,d materials in %.1f s (%.0f a second); %d from the demo seed",
                        documents, seconds, documents / seconds, seeded);
            }
            index = new Built(documents, seconds, Instant.now(), teacher);
            index.write(built);
        } else {
            log("Reusing the index of %,d materials built %s", documents, index.builtAt());
        }
        Identity teacher = index.teacher();
        LessonCorpus corpus = new LessonCorpus(relevanceCorpus, teacher.schools(), teacher.accountId(), 42);
        double indexSeconds = index.seconds();
        Audience audience = Audience.member(teacher.accountId(), teacher.schoolId(), teacher.allianceId());
        List<SearchQuery> requests = new ArrayList<>();
        for (String q : QUERIES) {
            requests.add(new SearchQuery(
                    q, Filters.none(), SortOrder.RELEVANCE, true, EnumSet.allOf(FacetField.class), 0, 20, audience));
        }
        List<Query> luceneQueries = new ArrayList<>();
        long[] moduleHits = new long[QUERIES.length];
        long[] trueHits = new long[QUERIES.length];
        boolean[] estimated = new boolean[QUERIES.length];
        int[] sameTop = new int[QUERIES.length];
        int[] topLength = new int[QUERIES.length];
        Latency module;
        Latency moduleTwo;
        try (FSDirectory directory = FSDirectory.open(data.resolve("index"));
                SearchIndex searchIndex = new SearchIndex(directory)) {
            for (int i = 0; i < requests.size(); i++) {
                luceneQueries.add(searchIndex.luceneQuery(requests.get(i)));
            }
            // How the module's answers compare with the full query run whole on raw Lucene: the
            // true count beside the module's (estimated beyond 10,000), the same top 20 or not.
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher whole = new IndexSearcher(reader);
                whole.setSimilarity(SearchIndex.similarity());
                whole.setQueryCache(null);
                for (int i = 0; i < requests.size(); i++) {
                    SearchResults results = searchIndex.search(requests.get(i));
                    moduleHits[i] = results.totalHits();
                    estimated[i] = !results.totalExact();
                    TopDocs full =
                            whole.search(luceneQueries.get(i), new TopScoreDocCollectorManager(20, Integer.MAX_VALUE));
                    trueHits[i] = full.totalHits.value();
                    for (int k = 0;
                            k < Math.min(full.scoreDocs.length, results.hits().size());
                            k++) {
                        float expected = full.scoreDocs[k].score;
                        if (Math.abs(results.hits().get(k).score() - expected) <= 1e-4 * Math.abs(expected)) {
                            sameTop[i]++;
                        }
                    }
                    topLength[i] = full.scoreDocs.length;
                }
            }
            module = runs.oneThread("module", i -> searchIndex.search(requests.get(i)));
            moduleTwo = runs.twoThreads("module", i -> searchIndex.search(requests.get(i)));
        }
        long indexBytes = size(data.resolve("index"));

        // 3. The HTTP API on the same index and raw Lucene, taking turns, with the app up.
        Latency httpOne;
        Latency httpTwo;
        Latency raw;
        Latency rawTwo;
        Latency plain;
        long appRss;
        log("Starting the web app on the index");
        try (WebApp app = WebApp.start(jar, data, APP_PORT, APP_POSTGRES_PORT, appHeap, log)) {
            app.signIn("teacher1", "demo2026");
            app.awaitIdle(Duration.ofMinutes(5));
            List<String> urls = new ArrayList<>();
            for (String q : QUERIES) {
                urls.add("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            }
            for (int i = 0; i < QUERIES.length; i++) {
                long total = JSON.readTree(app.getOk(urls.get(i))).get("total").asLong();
                if (total != moduleHits[i]) {
                    log("Note: '%s' has %d hits over HTTP, %d in-process", QUERIES[i], total, moduleHits[i]);
                }
            }
            KeepAliveClient client = app.keepAlive();
            for (int i = 0; i < QUERIES.length; i++) {
                if (!client.getOk(urls.get(i)).equals(app.getOk(urls.get(i)))) {
                    log("Note: '%s' answered differently through the two clients", QUERIES[i]);
                }
            }
            try (FSDirectory directory = FSDirectory.open(data.resolve("index"));
                    DirectoryReader reader = DirectoryReader.open(directory);
                    SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer()) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(SearchIndex.similarity());
                // The two legs the goal compares take turns, a fifth of their queries at a time, so
                // that a change of the machine's pace during the run slows both alike (one after the
                // other, raw Lucene's p50 came out at 9.2 ms in one run and 5.7 ms in the next).
                Latency[] turns = runs.takingTurns(
                        "HTTP API",
                        i -> client.getOk(urls.get(i)),
                        "raw Lucene, same query",
                        i -> topTwenty(searcher, luceneQueries.get(i)),
                        TURNS);
                httpOne = turns[0];
                raw = turns[1];
                httpTwo = runs.twoThreads("HTTP API", i -> client.getOk(urls.get(i)));
                appRss = rss(app.pid());
                rawTwo = runs.twoThreads("raw Lucene, same query", i -> topTwenty(searcher, luceneQueries.get(i)));
                IndexSearcher bm25 = new IndexSearcher(reader);
                QueryBuilder builder = new QueryBuilder(analyzer);
                plain = runs.oneThread("plain Lucene", i -> {
                    Query query = builder.createBooleanQuery("body", QUERIES[i], Occur.MUST);
                    return query == null ? 0 : topTwenty(bm25, query);
                });
            }
        }

        // 4. Solr on the same materials and queries, in its own JVM, with the app stopped.
        Properties solr = null;
        if (!solrClasspath.isBlank()) {
            solr = solr(corpus, documents, work, Path.of(solrClasspath), teacher, warmUp, measured);
        }

        String report = new SearchReport(
                        documents,
                        corpus,
                        indexSeconds,
                        indexBytes,
                        appRss,
                        httpOne,
                        httpTwo,
                        module,
                        moduleTwo,
                        raw,
                        rawTwo,
                        plain,
                        solr,
                        moduleHits,
                        trueHits,
                        estimated,
                        sameTop,
                        topLength,
                        loadBefore,
                        load())
                .markdown();
        System.out.println(report);
        Files.writeString(root.resolve("search-latency.md"), report);
        String docs = System.getProperty("bench.docs", "");
        if (!docs.isBlank()) {
            SearchReport.replaceIn(Path.of(docs), report);
        }
    }

    /** Two threads, each adding batches of generated materials; one commit per batch. */
    private static double index(SearchIndex index, LessonCorpus corpus, int documents) throws Exception {
        long started = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                writers.add(threads.submit(() -> {
                    List<IndexedMaterial> batch = new ArrayList<>(BATCH);
                    for (int start = next.getAndAdd(BATCH); start < documents; start = next.getAndAdd(BATCH)) {
                        for (int n = start; n < Math.min(documents, start + BATCH); n++) {
                            batch.add(corpus.material(n));
                        }
                        index.indexAll(batch);
                        int total = done.addAndGet(batch.size());
                        batch.clear();
                        if (total % 100_000 < BATCH) {
                            log("  %,d indexed (%.0f s)", total, (System.nanoTime() - started) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            threads.shutdown();
        }
        index.commit();
        return (System.nanoTime() - started) / 1e9;
    }

    private static int topTwenty(IndexSearcher searcher, Query query) {
        try {
            ScoreDoc[] top = searcher.search(query, new TopScoreDocCollectorManager(20, 1_000)).scoreDocs;
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : top) {
                stored.document(hit.doc);
            }
            return top.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties solr(
            LessonCorpus corpus,
            int documents,
            Path work,
            Path classpathFile,
            Identity teacher,
            int warmUp,
            int measured)
            throws IOException, InterruptedException {
        Path solrWork = Files.createDirectories(work.resolve("solr-leg"));
        boolean reuse =
                Boolean.getBoolean("bench.search.reuse") && Files.exists(solrWork.resolve("solr-built.properties"));
        if (!reuse) {
            log("Writing the corpus for Solr (%,d lines)", documents);
            corpus.writeTsv(solrWork.resolve("corpus.tsv"), documents);
        }
        Files.write(solrWork.resolve("queries.txt"), List.of(QUERIES), StandardCharsets.UTF_8);
        Path module = classpathFile.toAbsolutePath().getParent();
        String classpath = module.resolve("classes")
                + java.io.File.pathSeparator
                + Files.readString(classpathFile).strip();
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("bench.solr.heap", "2g"),
                "-Dfile.encoding=UTF-8",
                "-Dbench.solr.reuse=" + reuse,
                "-cp",
                classpath,
                "org.lessoncommons.bench.solr.SolrLeg",
                solrWork.toString(),
                teacher.schoolId(),
                teacher.allianceId(),
                teacher.accountId(),
                Integer.toString(warmUp),
                Integer.toString(measured));
        log("Running the Solr leg");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        work.resolve("solr.log").toFile()))
                .start();
        int exit = process.waitFor();
        Path results = solrWork.resolve("solr-results.properties");
        if (exit != 0 || !Files.exists(results)) {
            log("The Solr leg failed (exit %d); see %s", exit, work.resolve("solr.log"));
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(results)) {
            properties.load(in);
        }
        return properties;
    }

    private static Path webJar(Path given) throws IOException {
        Path jar;
        if (Files.isRegularFile(given)) {
            jar = given;
        } else {
            try (var files = Files.list(given)) {
                jar = files.filter(p -> p.getFileName().toString().matches("lessoncommons-web-.*\\.jar"))
                        .filter(p -> !p.getFileName().toString().contains("plain"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(
                                "No web jar in " + given + ": build it with ./mvnw -pl web -am package -DskipTests"));
            }
        }
        requireSameSearchModule(jar);
        return jar;
    }

    /**
     * The HTTP leg must run the search module this process measures in-process: a web jar left from
     * an earlier build (Spring Boot does not repackage a jar it already repackaged) would not.
     */
    private static void requireSameSearchModule(Path jar) throws IOException {
        String entry = "org/lessoncommons/search/SearchIndex.class";
        byte[] here;
        try (InputStream in = SearchIndex.class.getClassLoader().getResourceAsStream(entry)) {
            here = in.readAllBytes();
        }
        try (var web = new java.util.zip.ZipFile(jar.toFile())) {
            var nested = web.stream()
                    .filter(e -> e.getName().matches("BOOT-INF/lib/lessoncommons-search-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(jar + " holds no search module"));
            try (var search = new java.util.zip.ZipInputStream(web.getInputStream(nested))) {
                for (var e = search.getNextEntry(); e != null; e = search.getNextEntry()) {
                    if (e.getName().equals(entry)) {
                        if (!java.util.Arrays.equals(here, search.readAllBytes())) {
                            throw new IllegalStateException(jar + " was built from other search code than this"
                                    + " benchmark: rm web/target/*.jar* and build it again"
                                    + " (./mvnw -pl web -am package -DskipTests)");
                        }
                        return;
                    }
                }
            }
        }
        throw new IllegalStateException(jar + " holds no " + entry);
    }

    /** An index built by an earlier run, for measuring again without building it again. */
    record Built(int documents, double seconds, Instant builtAt, Identity teacher) {

        static Built read(Path file, int documents) throws IOException {
            if (!Files.exists(file)) {
                return null;
            }
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            if (Integer.parseInt(p.getProperty("documents")) != documents) {
                return null;
            }
            List<LessonCorpus.School> schools = new ArrayList<>();
            for (String school : p.getProperty("schools").split(";")) {
                String[] parts = school.split("\\|", 3);
                schools.add(new LessonCorpus.School(parts[0], parts[2], parts[1]));
            }
            return new Built(
                    documents,
                    Double.parseDouble(p.getProperty("seconds")),
                    Instant.parse(p.getProperty("builtAt")),
                    new Identity(
                            p.getProperty("accountId"),
                            p.getProperty("schoolId"),
                            p.getProperty("allianceId"),
                            schools));
        }

        void write(Path file) throws IOException {
            Properties p = new Properties();
            p.setProperty("documents", Integer.toString(documents));
            p.setProperty("seconds", Double.toString(seconds));
            p.setProperty("builtAt", builtAt.toString());
            p.setProperty("accountId", teacher.accountId());
            p.setProperty("schoolId", teacher.schoolId());
            p.setProperty("allianceId", teacher.allianceId());
            p.setProperty(
                    "schools",
                    String.join(
                            ";",
                            teacher.schools().stream()
                                    .map(s -> s.id() + "|" + s.allianceId() + "|" + s.name())
                                    .toList()));
            try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "The search benchmark's index (bench/target/bench-work/search/app-data/index)");
            }
        }
    }

    /** The signed-in teacher and the schools of their alliance, as the API tells them. */
    record Identity(String accountId, String schoolId, String allianceId, List<LessonCorpus.School> schools) {

        static Identity read(WebApp app) throws IOException, InterruptedException {
            JsonNode me = JSON.readTree(app.getOk("/api/me"));
            String schoolId = me.get("schoolId").asString();
            List<LessonCorpus.School> schools = new ArrayList<>();
            String allianceId = null;
            for (JsonNode school : JSON.readTree(app.getOk("/api/schools"))) {
                LessonCorpus.School s = new LessonCorpus.School(
                        school.get("id").asString(),
                        school.get("name").asString(),
                        school.get("allianceId").asString());
                if (s.id().equals(schoolId)) {
                    allianceId = s.allianceId();
                    schools.addFirst(s);
                } else {
                    schools.add(s);
                }
            }
            if (allianceId == null) {
                throw new IllegalStateException("The teacher's school is not among /api/schools");
            }
            String alliance = allianceId;
            return new Identity(
                    me.get("id").asString(),
                    schoolId,
                    allianceId,
                    schools.stream()
                            .filter(s -> s.allianceId().equals(alliance))
                            .toList());
        }
    }

    private static long size(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    /** Resident set of a process in bytes (Linux), 0 when unknown. */
    private static long rss(long pid) {
        return Math.max(0, Proc.status(pid, "VmRSS:")) * 1024;
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%s] " + format + "%n", prepend(Instant.now(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
