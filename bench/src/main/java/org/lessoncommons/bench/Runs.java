package org.lessoncommons.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a leg's queries, cycling through them: untimed warm-up first, then timed. The same counts
 * and order for every leg, so that the legs answer the same queries equally often.
 *
 * <p>The warm-up is long ({@value #DEFAULT_WARM_UP} queries by default): on two cores the web
 * app's JIT compilers need thousands of requests before its latency settles (p50 of the 40
 * queries through wrk: 24.7 ms in the first 10 s of a fresh app, 12.2, 10.2, 9.5 ms in the next,
 * about 8.7 ms after a minute), and a leg timed before that measures the compilers, not the
 * search. Its rounds' medians are logged, so that the log shows each leg settled.
 */
record Runs(int warmUp, int measured) {

    static final int DEFAULT_WARM_UP = 6_000;

    private static final int WARM_UP_ROUND = 1_000;

    /** One query of the cycle, by its index in {@link SearchBenchmark#QUERIES}. */
    @FunctionalInterface
    interface Leg {
        Object run(int query) throws Exception;
    }

    /**
     * The untimed warm-up of {@code legs}, in rounds of {@value #WARM_UP_ROUND} queries that
     * alternate between them; logs each round's median.
     */
    void warmUp(String[] names, Leg... legs) throws Exception {
        List<List<String>> medians = new ArrayList<>();
        for (int l = 0; l < legs.length; l++) {
            medians.add(new ArrayList<>());
        }
        for (int from = 0; from < warmUp; from += WARM_UP_ROUND) {
            for (int l = 0; l < legs.length; l++) {
                long[] nanos = new long[Math.min(WARM_UP_ROUND, warmUp - from)];
                time(legs[l], from, nanos, 0, nanos.length);
                Arrays.sort(nanos);
                medians.get(l).add("%.2f".formatted(nanos[nanos.length / 2] / 1e6));
            }
        }
        for (int l = 0; l < legs.length; l++) {
            SearchBenchmark.log(
                    "%-24s warm-up, p50 of each round of %d: %s ms",
                    names[l], WARM_UP_ROUND, String.join(", ", medians.get(l)));
        }
    }

    Latency oneThread(String name, Leg leg) throws Exception {
        int queries = SearchBenchmark.QUERIES.length;
        warmUp(new String[] {name}, leg);
        long[] nanos = new long[measured];
        long started = System.nanoTime();
        time(leg, 0, nanos, 0, measured);
        Latency latency = Latency.of(name, nanos, (System.nanoTime() - started) / 1e9, 1, queries);
        SearchBenchmark.log(
                "%-24s one thread: p50 %.2f ms, p99 %.2f ms, %.0f queries/s",
                name, latency.percentileMillis(50), latency.percentileMillis(99), latency.queriesPerSecond());
        return latency;
    }

    /**
     * Two legs on one thread, warmed up each, then timed in {@code turns} alternating blocks of
     * {@code measured / turns} queries that go on through the cycle: each leg answers the same
     * queries as {@link #oneThread} would, and slow and fast stretches of the machine fall on both.
     */
    Latency[] takingTurns(String nameA, Leg a, String nameB, Leg b, int turns) throws Exception {
        int queries = SearchBenchmark.QUERIES.length;
        Leg[] legs = {a, b};
        String[] names = {nameA, nameB};
        warmUp(names, legs);
        long[][] nanos = new long[2][measured];
        long[] wall = new long[2];
        int block = (measured + turns - 1) / turns;
        for (int from = 0; from < measured; from += block) {
            for (int l = 0; l < 2; l++) {
                long started = System.nanoTime();
                time(legs[l], from, nanos[l], from, Math.min(measured, from + block) - from);
                wall[l] += System.nanoTime() - started;
            }
        }
        Latency[] latencies = new Latency[2];
        for (int l = 0; l < 2; l++) {
            latencies[l] = Latency.of(names[l], nanos[l], wall[l] / 1e9, 1, queries);
            SearchBenchmark.log(
                    "%-24s one thread, in %d turns: p50 %.2f ms, p99 %.2f ms, %.0f queries/s",
                    names[l],
                    turns,
                    latencies[l].percentileMillis(50),
                    latencies[l].percentileMillis(99),
                    latencies[l].queriesPerSecond());
        }
        return latencies;
    }

    /**
     * Runs {@code count} queries of the cycle from its {@code from}th, one after another, and keeps
     * the time each took in {@code nanos} from {@code at}.
     */
    private static void time(Leg leg, int from, long[] nanos, int at, int count) throws Exception {
        int queries = SearchBenchmark.QUERIES.length;
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            leg.run((from + i) % queries);
            nanos[at + i] = System.nanoTime() - start;
        }
    }

    /** Two threads, each running the measured count from its own place in the cycle. */
    Latency twoThreads(String name, Leg leg) throws Exception {
        int queries = SearchBenchmark.QUERIES.length;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            long[] nanos = new long[2 * measured];
            long started = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                running.add(threads.submit(() -> {
                    for (int i = 0; i < measured; i++) {
                        long start = System.nanoTime();
                        leg.run((i + thread * queries / 2) % queries);
                        nanos[thread * measured + i] = System.nanoTime() - start;
                    }
                    return null;
                }));
            }
            for (Future<?> thread : running) {
                thread.get();
            }
            // Per-query means are not kept for this run: each thread starts elsewhere in the cycle.
            Latency latency = Latency.of(name, nanos, (System.nanoTime() - started) / 1e9, 2, 1);
            SearchBenchmark.log(
                    "%-24s two threads: p50 %.2f ms, p99 %.2f ms, %.0f queries/s",
                    name, latency.percentileMillis(50), latency.percentileMillis(99), latency.queriesPerSecond());
            return latency;
        } finally {
            threads.shutdown();
        }
    }
}
