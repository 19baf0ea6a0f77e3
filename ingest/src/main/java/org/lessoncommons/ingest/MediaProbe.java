package org.lessoncommons.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads duration and resolution with ffprobe and takes a poster frame with ffmpeg (Debian's
 * packages). Without them installed, videos are still stored and searchable, just without poster.
 */
class MediaProbe {

    private static final Logger log = LoggerFactory.getLogger(MediaProbe.class);
    private static final long TIMEOUT_SECONDS = 60;
    private static final Pattern DURATION = Pattern.compile("\"duration\"\\s*:\\s*\"([0-9.]+)\"");
    private static final Pattern WIDTH = Pattern.compile("\"width\"\\s*:\\s*(\\d+)");
    private static final Pattern HEIGHT = Pattern.compile("\"height\"\\s*:\\s*(\\d+)");

    record Probe(
            @Nullable Double durationSeconds,
            @Nullable Integer width,
            @Nullable Integer height) {

        boolean hasPicture() {
            return width != null && height != null;
        }
    }

    Optional<Probe> probe(Path file) {
        return run(List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-show_entries",
                        "format=duration:stream=width,height",
                        "-of",
                        "json",
                        file.toString()))
                .map(json -> new Probe(
                        find(DURATION, json).map(Double::valueOf).orElse(null),
                        find(WIDTH, json).map(Integer::valueOf).orElse(null),
                        find(HEIGHT, json).map(Integer::valueOf).orElse(null)));
    }

    /** A 480-pixel-wide JPEG from one second in (or the middle of a shorter clip). */
    Optional<Path> poster(Path video, @Nullable Double durationSeconds, Path out) {
        double at = durationSeconds == null ? 0 : Math.min(1.0, durationSeconds / 2);
        return run(List.of(
                        "ffmpeg",
                        "-v",
                        "error",
                        "-y",
                        "-ss",
                        String.valueOf(at),
                        "-i",
                        video.toString(),
                        "-frames:v",
                        "1",
                        "-vf",
                        "scale=480:-2",
                        "-q:v",
                        "4",
                        out.toString()))
                .filter(ignored -> Files.isRegularFile(out) && out.toFile().length() > 0)
                .map(ignored -> out);
    }

    private static Optional<String> run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readNBytes(1 << 20);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                log.warn("{} timed out", command.getFirst());
                return Optional.empty();
            }
            if (process.exitValue() != 0) {
                log.info("{} failed: {}", command.getFirst(), new String(output, StandardCharsets.UTF_8).strip());
                return Optional.empty();
            }
            return Optional.of(new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.info("{} is not available ({}); skipping media details", command.getFirst(), e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<String> find(Pattern pattern, String json) {
        Matcher m = pattern.matcher(json);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
