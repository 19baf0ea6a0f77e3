package org.lessoncommons.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples, every few milliseconds, the heap used by this JVM and the resident memory of its child
 * processes (the Tika extraction JVMs and embedded PostgreSQL), read from /proc on Linux. Peak RSS
 * of a process is its {@code VmHWM}; this JVM's is reset by {@link #reset()}.
 */
final class MemorySampler implements AutoCloseable {

    private static final long PERIOD_MILLIS = 20;

    /**
     * The processes are read less often: reading /proc every 20 ms cost the benchmark's own
     * pipeline run 4 s of CPU on two cores. Their peaks are the kernel's {@code VmHWM}, which
     * sampling cannot miss; only PostgreSQL's sum of current RSS is sampled.
     */
    private static final int PROCESS_EVERY = 10;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private final Map<Long, Long> extractionPeakKb = new ConcurrentHashMap<>();
    private volatile long peakHeapUsed;
    private volatile long peakHeapCommitted;
    private volatile long peakPostgresKb;
    private volatile boolean running = true;
    private final String postgresDataDir;
    private volatile long postmaster = -1;
    private long lastSearch = System.nanoTime() - 2_000_000_000L;

    /** @param postgresDataDir the embedded PostgreSQL's data folder, to find its server process */
    MemorySampler(Path postgresDataDir) {
        this.postgresDataDir = postgresDataDir.toString();
        thread = new Thread(this::loop, "memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Forgets the peaks seen so far (also this process's VmHWM, where Linux allows it). */
    void reset() {
        peakHeapUsed = 0;
        peakHeapCommitted = 0;
        peakPostgresKb = 0;
        extractionPeakKb.clear();
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not allowed: VmHWM then covers the whole run.
        }
    }

    long peakHeapUsed() {
        return peakHeapUsed;
    }

    long peakHeapCommitted() {
        return peakHeapCommitted;
    }

    /** Largest peak RSS of any extraction child seen since {@link #reset()}, in bytes; -1 if none. */
    long peakExtractionRss() {
        return extractionPeakKb.values().stream()
                .mapToLong(kb -> kb * 1024)
                .max()
                .orElse(-1);
    }

    int extractionProcesses() {
        return extractionPeakKb.size();
    }

    /** Largest sum of the RSS of the PostgreSQL processes (shared buffers counted once per process). */
    long peakPostgresRss() {
        return peakPostgresKb * 1024;
    }

    /** This JVM's peak RSS ({@code VmHWM}), in bytes; -1 when unknown. */
    static long ownPeakRss() {
        return Proc.status(ProcessHandle.current().pid(), "VmHWM:") * 1024;
    }

    private void loop() {
        for (long round = 0; running; round++) {
            sampleHeap();
            if (round % PROCESS_EVERY == 0) {
                sampleProcesses();
            }
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void sample() {
        sampleHeap();
        sampleProcesses();
    }

    private void sampleHeap() {
        var heap = memory.getHeapMemoryUsage();
        peakHeapUsed = Math.max(peakHeapUsed, heap.getUsed());
        peakHeapCommitted = Math.max(peakHeapCommitted, heap.getCommitted());
    }

    private void sampleProcesses() {
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            if (Proc.commandLine(child.pid()).contains("ExtractionServer")) {
                long hwm = Proc.status(child.pid(), "VmHWM:");
                if (hwm > 0) {
                    extractionPeakKb.merge(child.pid(), hwm, Math::max);
                }
            }
        }
        // pg_ctl detaches the server: find it by its data folder, then count it and its backends.
        ProcessHandle server =
                postmaster < 0 ? null : ProcessHandle.of(postmaster).orElse(null);
        if ((server == null || !server.isAlive()) && System.nanoTime() - lastSearch > 1_000_000_000L) {
            lastSearch = System.nanoTime();
            server = Proc.running(postgresDataDir).orElse(null);
            postmaster = server == null ? -1 : server.pid();
        }
        if (server != null) {
            long postgresKb = Math.max(0, Proc.status(server.pid(), "VmRSS:"));
            for (ProcessHandle backend : server.descendants().toList()) {
                postgresKb += Math.max(0, Proc.status(backend.pid(), "VmRSS:"));
            }
            peakPostgresKb = Math.max(peakPostgresKb, postgresKb);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
        sample();
    }
}
