package org.lessoncommons.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What Linux's /proc says of a process or thread. A process that is gone (or a system that is not
 * Linux) reads as empty, -1 or nothing.
 */
final class Proc {

    private Proc() {}

    /** A process's or thread's name and the CPU time it used, in clock ticks of 1/100 s. */
    record Stat(String name, long ticks) {}

    /** The command line, its arguments run together; empty when unknown. */
    static String commandLine(long pid) {
        try {
            return new String(
                    Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The first process whose command line contains {@code part}. */
    static Optional<ProcessHandle> running(String part) {
        return ProcessHandle.allProcesses()
                .filter(p -> commandLine(p.pid()).contains(part))
                .findFirst();
    }

    /** A kB value of /proc/pid/status ({@code VmRSS:}, {@code VmHWM:}), -1 when unknown. */
    static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(
                            line.substring(field.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // Gone or not Linux.
        }
        return -1;
    }

    /** The stat of a process ({@code /proc/pid/stat}) or thread ({@code /proc/pid/task/tid/stat}). */
    static Optional<Stat> stat(Path file) {
        try {
            String stat = Files.readString(file);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name.
            return Optional.of(new Stat(
                    stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
                    Long.parseLong(fields[11]) + Long.parseLong(fields[12])));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    static Optional<Stat> stat(long pid) {
        return stat(Path.of("/proc", Long.toString(pid), "stat"));
    }
}
