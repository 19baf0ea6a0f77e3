package org.lessoncommons.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/** The search benchmark's figures as the Markdown section of docs/benchmarks.md. */
record SearchReport(
        int documents,
        LessonCorpus corpus,
        double indexSeconds,
        long indexBytes,
        long appRss,
        Latency http,
        Latency httpTwo,
        Latency module,
        Latency moduleTwo,
        Latency raw,
        Latency rawTwo,
        Latency plain,
        @Nullable Properties solr,
        long[] hits,
        long[] trueHits,
        boolean[] estimated,
        int[] sameTop,
        int[] topLength,
        double loadBefore,
        double loadAfter) {

    static final String BEGIN = "<!-- search latency results begin -->";
    static final String END = "<!-- search latency results end -->";

    private static final double OVERHEAD_GOAL = 1.5;
    private static final double P99_GOAL_MS = 50;

    String markdown() {
        StringBuilder out = new StringBuilder();
        Runtime runtime = Runtime.getRuntime();
        line(
                out,
                "Run of %s: %,d generated materials (%d topics, %d sentences of real text), %d teacher queries"
                        + " cycled, %d timed per leg after a warm-up; %d CPU cores, Java %s; load average %.1f"
                        + " before, %.1f after.",
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                documents,
                corpus.topicCount(),
                corpus.sentenceCount(),
                SearchBenchmark.QUERIES.length,
                http.sortedNanos().length,
                runtime.availableProcessors(),
                System.getProperty("java.version"),
                loadBefore,
                loadAfter);
        out.append('\n');
        line(
                out,
                "Index: built in %.0f s (%.0f materials a second, two threads), %.2f GB on disk; web app"
                        + " resident set %.0f MB after the HTTP runs.",
                indexSeconds,
                documents / indexSeconds,
                indexBytes / 1e9,
                appRss / 1e6);
        long[] sorted = trueHits.clone();
        Arrays.sort(sorted);
        line(
                out,
                "Matches per query (what the teacher may see, counted whole on raw Lucene): median %,d, largest %,d,"
                        + " smallest %,d.",
                sorted[sorted.length / 2],
                sorted[sorted.length - 1],
                sorted[0]);
        int estimates = 0;
        double worst = 0;
        int same = 0;
        int positions = 0;
        int identical = 0;
        for (int i = 0; i < hits.length; i++) {
            if (estimated[i]) {
                estimates++;
                worst = Math.max(worst, Math.abs(hits[i] - trueHits[i]) / (double) trueHits[i]);
            }
            same += sameTop[i];
            positions += topLength[i];
            identical += sameTop[i] == topLength[i] ? 1 : 0;
        }
        line(
                out,
                "The module's answers against the full query run whole: the first 20 hits score the same at %d of %d"
                        + " positions (%d of %d queries identical); %d queries matched more than 10,000 and were"
                        + " counted from a sample, off by %.1f %% at most.",
                same,
                positions,
                identical,
                hits.length,
                estimates,
                100 * worst);
        out.append('\n');
        out.append("| Leg | p50 ms | p99 ms | mean ms | queries/s, 1 thread | queries/s, 2 threads |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        row(out, "**HTTP API** `GET /api/search` (facets, chips, snippets, JSON)", http, httpTwo);
        row(out, "`SearchIndex.search` in-process (the same request)", module, moduleTwo);
        row(out, "raw Lucene `IndexSearcher`, the full query in one pass, top 20 + stored fields", raw, rawTwo);
        row(out, "plain Lucene: smartcn AND on the body, top 20 + stored fields", plain, null);
        if (solr != null) {
            line(
                    out,
                    "| Solr %s `EmbeddedSolrServer` (edismax, same facets and highlighting) | %.2f | %.2f | %.2f | %.0f | %.0f |",
                    solr.getProperty("solr.version"),
                    number("p50.ms"),
                    number("p99.ms"),
                    number("mean.ms"),
                    number("qps.one.thread"),
                    number("qps.two.threads"));
        }
        out.append('\n');
        double overhead50 = http.percentileMillis(50) / raw.percentileMillis(50);
        double overhead99 = http.percentileMillis(99) / raw.percentileMillis(99);
        line(
                out,
                "- **API overhead over raw Lucene running the same ranking: %.3f× at p50, %.2f× at p99** (goal < %.1f×: %s).",
                overhead50,
                overhead99,
                OVERHEAD_GOAL,
                overhead50 < OVERHEAD_GOAL && overhead99 < OVERHEAD_GOAL ? "met" : "**missed**");
        line(
                out,
                "- **HTTP p99 %.1f ms** (goal < %.0f ms on 2 cores: %s).",
                http.percentileMillis(99),
                P99_GOAL_MS,
                http.percentileMillis(99) < P99_GOAL_MS ? "met" : "**missed**");
        line(
                out,
                "- Of the API's time, in-process search is %.0f %% at p50 (HTTP, security, JSON the rest); the"
                        + " module costs %.2f× the raw query at p50 (facets, exact counts, snippets, query understanding).",
                100 * module.percentileMillis(50) / http.percentileMillis(50),
                module.percentileMillis(50) / raw.percentileMillis(50));
        line(
                out,
                "- Against plain Lucene (a minimal application without ranking features): %.1f× at p50.",
                http.percentileMillis(50) / plain.percentileMillis(50));
        if (solr != null) {
            line(
                    out,
                    "- Against Solr: HTTP API %.2f× Solr's p50, %.2f× its p99; in-process module %.2f× Solr's p50."
                            + " Solr indexed the same %,d materials in %.0f s (%.2f GB); its queries matched %,.0f"
                            + " documents on average.",
                    http.percentileMillis(50) / number("p50.ms"),
                    http.percentileMillis(99) / number("p99.ms"),
                    module.percentileMillis(50) / number("p50.ms"),
                    documents,
                    number("index.seconds"),
                    number("index.bytes") / 1e9,
                    number("mean.numFound"));
        } else {
            out.append(
                    "- Solr: not run (no -Dbench.solr.classpath, or the Solr leg failed; see bench-work/search/solr.log).\n");
        }
        out.append('\n');
        out.append("Per query (one thread, mean of its timed runs):\n\n");
        out.append("| Query | Matches | Module's count | Same top 20 | HTTP API ms | in-process ms | raw Lucene ms |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < hits.length; i++) {
            line(
                    out,
                    "| %s | %,d | %s%,d | %d/%d | %.1f | %.1f | %.1f |",
                    SearchBenchmark.QUERIES[i],
                    trueHits[i],
                    estimated[i] ? "≈ " : "",
                    hits[i],
                    sameTop[i],
                    topLength[i],
                    http.perQueryMillis()[i],
                    module.perQueryMillis()[i],
                    raw.perQueryMillis()[i]);
        }
        return out.toString();
    }

    private double number(String key) {
        return Double.parseDouble(solr.getProperty(key, "NaN"));
    }

    private static void row(StringBuilder out, String name, Latency one, @Nullable Latency two) {
        line(
                out,
                "| %s | %.2f | %.2f | %.2f | %.0f | %s |",
                name,
                one.percentileMillis(50),
                one.percentileMillis(99),
                one.meanMillis(),
                one.queriesPerSecond(),
                two == null ? "" : String.format(Locale.ROOT, "%.0f", two.queriesPerSecond()));
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    /** Rewrites the part of {@code docs} between the two markers. */
    static void replaceIn(Path docs, String report) throws IOException {
        String text = Files.readString(docs, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(docs + " has no " + BEGIN + " … " + END + " section");
        }
        Files.writeString(
                docs,
                text.substring(0, begin + BEGIN.length()) + "\n\n" + report + "\n" + text.substring(end),
                StandardCharsets.UTF_8);
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
