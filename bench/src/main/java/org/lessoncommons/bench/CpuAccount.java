package org.lessoncommons.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the CPU time of a stretch of the benchmark went: this JVM's threads, grouped by name
 * (digits dropped: {@code ingest-1} and {@code ingest-2} are one group), the rest of this JVM (GC,
 * JIT compilers), the Tika children and the embedded PostgreSQL. Two snapshots, before and after;
 * a process or thread that ends between them is counted up to its last snapshot only, one that
 * starts counts whole.
 */
final class CpuAccount {

    private final Map<String, Long> nanos;

    private CpuAccount(Map<String, Long> nanos) {
        this.nanos = nanos;
    }

    /** The CPU time used so far by each thread group of this JVM and by the child processes. */
    static CpuAccount now(String postgresDataDir) {
        Map<String, Long> nanos = new HashMap<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long javaThreads = 0;
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long cpu = threads.getThreadCpuTime(id);
            if (info != null && cpu > 0) {
                nanos.merge("thread " + group(info.getThreadName()), cpu, Long::sum);
                javaThreads += cpu;
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        nanos.put(PROCESS, os.getProcessCpuTime());
        nanos.put(OTHER, os.getProcessCpuTime() - javaThreads);
        vmThreads(nanos);
        ProcessHandle.current().descendants().forEach(child -> {
            if (Proc.commandLine(child.pid()).contains("ExtractionServer")) {
                nanos.merge(TIKA, cpu(child), Long::sum);
            }
        });
        Proc.running(postgresDataDir).ifPresent(server -> {
            long sum = cpu(server);
            for (ProcessHandle backend : server.descendants().toList()) {
                sum += cpu(backend);
            }
            nanos.put(POSTGRES, sum);
        });
        return new CpuAccount(nanos);
    }

    static final String PROCESS = "app JVM, all of it";
    static final String OTHER = "app JVM, not Java threads (GC, JIT compilers)";
    static final String TIKA = "Tika child JVM";
    static final String POSTGRES = "embedded PostgreSQL (all its processes)";

    /** CPU seconds per group between {@code before} and this snapshot, largest first. */
    Map<String, Double> since(CpuAccount before) {
        Map<String, Double> used = new TreeMap<>();
        nanos.forEach((group, n) -> {
            double seconds = (n - before.nanos.getOrDefault(group, 0L)) / 1e9;
            if (seconds >= 0.005) {
                used.put(group, seconds);
            }
        });
        Map<String, Double> sorted = new LinkedHashMap<>();
        used.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    /** The JVM's own threads, from /proc (clock ticks: 10 ms resolution). */
    private static void vmThreads(Map<String, Long> nanos) {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> Proc.stat(task.resolve("stat")).ifPresent(stat -> {
                String name = stat.name();
                String group = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")
                        ? "JVM: JIT compilers (C1, C2)"
                        : name.startsWith("GC Thread") || name.startsWith("G1 ")
                                ? "JVM: garbage collector (G1)"
                                : name.startsWith("VM Thread") ? "JVM: VM thread (safepoints)" : null;
                if (group != null) {
                    nanos.merge(group, stat.ticks() * 10_000_000L, Long::sum);
                }
            }));
        } catch (IOException | RuntimeException e) {
            // Not Linux: the JVM's own threads stay one sum.
        }
    }

    private static String group(String threadName) {
        return threadName.replaceAll("\\d+", "#");
    }

    private static long cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
