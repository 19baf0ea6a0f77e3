package org.lessoncommons.bench.solr;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.util.Version;
import org.apache.solr.client.api.util.SolrVersion;

/**
 * The Solr leg of the search benchmark: the same corpus and queries as the app's search, run
 * through Apache Solr ({@code EmbeddedSolrServer}) configured with the same analysis. A JVM of its
 * own, because Solr 9 brings Lucene 9, which cannot share a class path with the app's Lucene 10.
 *
 * <pre>
 * export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
 * ./mvnw -B -q -Pbench-solr -pl bench/solr -am package -DskipTests    # writes bench/solr/target/classpath.txt
 * $JAVA_HOME/bin/java -Xmx2g --add-modules jdk.incubator.vector \
 *     -cp bench/solr/target/classes:$(cat bench/solr/target/classpath.txt) \
 *     org.lessoncommons.bench.solr.SolrLeg WORKDIR SCHOOL_ID ALLIANCE_ID ACCOUNT_ID [WARM_UP=300] [MEASURED=2000]
 * </pre>
 *
 * <p>{@code WORKDIR} holds {@code corpus.tsv} (17 tab-separated columns, see {@link Material}) and
 * {@code queries.txt} (one query a line; blank lines and lines starting with # skipped). The Solr
 * home is made anew in {@code WORKDIR/solr}; the figures go to {@code WORKDIR/solr-results.properties}
 * and standard output. Exit code 1 on any failure, 2 on wrong arguments. Solr 9.10.1 runs as it is
 * on Java 25 (embedded, it installs no security manager). {@code --add-modules jdk.incubator.vector}
 * is harmless but idle: Lucene 9.12 does not use the Vector API on Java 23 or later (it warns so at
 * start), which matters only for vector search, not for this text search.
 *
 * <p>A made-up corpus for a trial (the test's generator, compiled by the package above even with
 * -DskipTests; the orchestrator writes the real corpus):
 *
 * <pre>
 * java -cp bench/solr/target/test-classes:bench/solr/target/classes:$(cat bench/solr/target/classpath.txt) \
 *     org.lessoncommons.bench.solr.TestCorpus /tmp/solr20k 19996
 * </pre>
 *
 * <p>What differs from the app's search (search module), because stock Solr cannot do it or does it
 * its own way:
 *
 * <ul>
 *   <li>No synonyms (the app's synonym file and its query expansion), no traditional → simplified
 *       folding (ICU-built char map), no pinyin / initials fields of the title: a query typed in
 *       letters (jys) finds only materials with those letters in their text.
 *   <li>No query understanding: grade, subject, semester, edition and type words (三年级, 上册) stay
 *       words to match, not filters.
 *   <li>The app glues smartcn's single characters to their neighbours and requires the group
 *       verbatim (静夜思 → "静夜思" in a bigram field); edismax requires every smartcn word of a
 *       piece in one word field (静, 夜, 思 in the title), or the piece verbatim in a bigram field.
 *       Pieces are split on whitespace only (the app also splits on punctuation), and a piece made
 *       only of stop words still counts (the app drops it).
 *   <li>Scoring: stock BM25 with per-field idf (the app measures idf over all materials), and
 *       edismax's dismax per piece. The app's freshness / popularity multiplier is the boost
 *       function {@code MaterialsCore.SIGNALS}.
 *   <li>The stop word "#" is not stopped (a Solr word list takes it for a comment).
 *   <li>The whole body is stored for highlighting (the app stores at most 200,000 characters).
 *   <li>Highlighting marks the terms of the main query (the app builds a separate query of every
 *       verbatim piece); a hit without a body match gets no snippet (the app shows the body's start).
 *   <li>EmbeddedSolrServer writes every request and response to javabin and reads it back, a cost
 *       the app does not have.
 * </ul>
 */
public final class SolrLeg {

    private static final int INDEXING_THREADS = 2;
    private static final int SEARCH_THREADS = 2;

    private SolrLeg() {}

    public static void main(String[] args) {
        try {
            if (args.length < 4 || args.length > 6) {
                System.err.println(
                        "Usage: SolrLeg <workDir> <schoolId> <allianceId> <accountId> [warmUp=300] [measured=2000]");
                System.exit(2);
            }
            Path workDir = Path.of(args[0]);
            Viewer viewer = new Viewer(args[3], args[1], args[2]);
            int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 300;
            int measured = args.length > 5 ? Integer.parseInt(args[5]) : 2000;
            Map<String, String> figures = run(workDir, viewer, warmUp, measured);
            figures.forEach((key, value) -> System.out.println(key + "=" + value));
            // Solr leaves non-daemon threads behind
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Builds the core, indexes, runs the queries; writes and returns the figures. */
    static Map<String, String> run(Path workDir, Viewer viewer, int warmUp, int measured)
            throws IOException, InterruptedException, ExecutionException {
        if (warmUp < 0 || measured < 1) {
            throw new IllegalArgumentException("warmUp must be >= 0 and measured >= 1");
        }
        List<String> queries = queries(workDir.resolve("queries.txt"));
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("solr.version", SolrVersion.LATEST.toString());
        figures.put("lucene.version", Version.LATEST.toString());
        figures.put("load.before", load());
        Path home = workDir.resolve("solr");
        Path built = workDir.resolve("solr-built.properties");
        // -Dbench.solr.reuse=true measures again on the core an earlier run indexed.
        boolean reuse = Boolean.getBoolean("bench.solr.reuse") && Files.exists(built);
        try (MaterialsCore core = reuse ? MaterialsCore.open(home) : MaterialsCore.create(home)) {
            if (reuse) {
                Properties earlier = new Properties();
                try (var in = Files.newBufferedReader(built, StandardCharsets.UTF_8)) {
                    earlier.load(in);
                }
                figures.put("docs", earlier.getProperty("docs"));
                figures.put("index.seconds", earlier.getProperty("index.seconds"));
            } else {
                long start = System.nanoTime();
                long docs = core.index(workDir.resolve("corpus.tsv"), INDEXING_THREADS);
                double indexSeconds = (System.nanoTime() - start) / 1e9;
                figures.put("docs", String.valueOf(docs));
                figures.put("index.seconds", format(indexSeconds));
                Properties now = new Properties();
                now.setProperty("docs", String.valueOf(docs));
                now.setProperty("index.seconds", format(indexSeconds));
                try (var out = Files.newBufferedWriter(built, StandardCharsets.UTF_8)) {
                    now.store(out, "The core in solr/, indexed from corpus.tsv");
                }
            }
            figures.put("index.bytes", String.valueOf(core.indexBytes()));

            for (int i = 0; i < warmUp; i++) {
                core.search(queries.get(i % queries.size()), viewer);
            }
            long[] nanos = new long[measured];
            long found = 0;
            long begin = System.nanoTime();
            for (int i = 0; i < measured; i++) {
                String query = queries.get(i % queries.size());
                long t = System.nanoTime();
                Page page = core.search(query, viewer);
                nanos[i] = System.nanoTime() - t;
                found += page.numFound();
            }
            double oneThreadSeconds = (System.nanoTime() - begin) / 1e9;
            Arrays.sort(nanos);
            figures.put("p50.ms", format(percentile(nanos, 0.50) / 1e6));
            figures.put("p99.ms", format(percentile(nanos, 0.99) / 1e6));
            figures.put("mean.ms", format(Arrays.stream(nanos).average().orElseThrow() / 1e6));
            figures.put("qps.one.thread", format(measured / oneThreadSeconds));
            figures.put("qps.two.threads", format(throughput(core, queries, viewer, measured)));
            figures.put("mean.numFound", format((double) found / measured));
        }
        figures.put("queries", String.valueOf(new HashSet<>(queries).size()));
        figures.put("load.after", load());
        write(workDir.resolve("solr-results.properties"), figures);
        return figures;
    }

    /** Queries per second of {@value #SEARCH_THREADS} threads, each running {@code perThread} queries. */
    private static double throughput(MaterialsCore core, List<String> queries, Viewer viewer, int perThread)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(SEARCH_THREADS);
        try {
            List<Future<?>> runs = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < SEARCH_THREADS; t++) {
                // Each thread starts elsewhere in the cycle, so they do not run the same query in step
                int offset = t * queries.size() / SEARCH_THREADS;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        core.search(queries.get((offset + i) % queries.size()), viewer);
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            return (double) SEARCH_THREADS * perThread / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    static List<String> queries(Path file) throws IOException {
        List<String> queries = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("No queries in " + file);
        }
        return queries;
    }

    /** Nearest rank. */
    private static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String load() {
        return format(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** A properties file in the given order (Properties.store would shuffle it and add a date). */
    private static void write(Path file, Map<String, String> figures) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            out.write("# Solr leg of the search benchmark\n");
            for (Map.Entry<String, String> figure : figures.entrySet()) {
                out.write(figure.getKey() + "=" + figure.getValue() + "\n");
            }
        }
    }
}
