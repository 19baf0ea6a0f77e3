package org.lessoncommons.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads duration, resolution and tags with ffprobe and takes a poster frame with ffmpeg (Debian's
 * packages). Without them installed, videos are still stored and searchable, just without poster.
 */
class MediaProbe {

    private static final Logger log = LoggerFactory.getLogger(MediaProbe.class);
    private static final long TIMEOUT_SECONDS = 60;
    private static final JsonMapper json = JsonMapper.builder().build();

    record Probe(
            @Nullable Double durationSeconds,
            @Nullable Integer width,
            @Nullable Integer height,
            MediaInfo.Tags tags) {

        boolean hasPicture() {
            return width != null && height != null;
        }
    }

    /**
     * Stream selector {@code V}: video streams that are not attached pictures, so the cover art
     * of an .mp3 gives it neither a size nor a poster.
     */
    Optional<Probe> probe(Path file) {
        return run(List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-select_streams",
                        "V",
                        "-show_entries",
                        "format=duration:format_tags=title,artist,album,comment:stream=width,height",
                        "-of",
                        "json",
                        file.toString()))
                .flatMap(MediaProbe::parse);
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

    private static Optional<Probe> parse(String output) {
        JsonNode root;
        try {
            root = json.readTree(output);
        } catch (JacksonException e) {
            log.info("ffprobe printed no JSON: {}", e.getOriginalMessage());
            return Optional.empty();
        }
        JsonNode format = root.path("format");
        JsonNode picture = root.path("streams").path(0);
        // Matroska spells it COMMENT, MP4 comment: ffprobe keeps the file's spelling.
        Map<String, String> tags = new HashMap<>();
        for (Map.Entry<String, JsonNode> tag : format.path("tags").properties()) {
            tags.put(tag.getKey().toLowerCase(Locale.ROOT), tag.getValue().asString());
        }
        return Optional.of(new Probe(
                decimal(format.path("duration")),
                picture.path("width").isInt() ? picture.path("width").intValue() : null,
                picture.path("height").isInt() ? picture.path("height").intValue() : null,
                new MediaInfo.Tags(tags.get("title"), tags.get("artist"), tags.get("album"), tags.get("comment"))));
    }

    /** ffprobe writes durations as strings ("2.000000"), or leaves them out when unknown. */
    private static @Nullable Double decimal(JsonNode value) {
        try {
            return value.isMissingNode() ? null : Double.valueOf(value.asString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Optional<String> run(List<String> command) {
        try {
            // stderr stays out of the JSON; with -v error it is empty unless the tool fails.
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readNBytes(1 << 20);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                log.warn("{} timed out", command.getFirst());
                return Optional.empty();
            }
            if (process.exitValue() != 0) {
                log.info("{} failed with exit code {}", command.getFirst(), process.exitValue());
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
}
