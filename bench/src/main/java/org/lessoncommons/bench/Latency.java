package org.lessoncommons.bench;

import java.util.Arrays;

/**
 * The timings of one leg: per-query latencies (sorted) from one thread, or the wall time of a
 * two-thread run for throughput.
 */
record Latency(String leg, long[] sortedNanos, double wallSeconds, int threads) {

    static Latency of(String leg, long[] nanos, double wallSeconds, int threads) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latency(leg, sorted, wallSeconds, threads);
    }

    double percentileMillis(int p) {
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1)] / 1e6;
    }

    double meanMillis() {
        return Arrays.stream(sortedNanos).average().orElse(0) / 1e6;
    }

    double queriesPerSecond() {
        return sortedNanos.length / wallSeconds;
    }
}
