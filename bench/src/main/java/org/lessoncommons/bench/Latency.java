package org.lessoncommons.bench;

import java.util.Arrays;

/**
 * The timings of one leg: per-query latencies (sorted) from one thread, or the wall time of a
 * two-thread run for throughput.
 */
record Latency(String leg, long[] sortedNanos, double wallSeconds, int threads, double[] perQueryMillis) {

    /** {@code nanos[i]} is the time of query {@code i % queries}. */
    static Latency of(String leg, long[] nanos, double wallSeconds, int threads, int queries) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double[] perQuery = new double[queries];
        int[] counts = new int[queries];
        for (int i = 0; i < nanos.length; i++) {
            perQuery[i % queries] += nanos[i] / 1e6;
            counts[i % queries]++;
        }
        for (int q = 0; q < queries; q++) {
            perQuery[q] = counts[q] == 0 ? 0 : perQuery[q] / counts[q];
        }
        return new Latency(leg, sorted, wallSeconds, threads, perQuery);
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
