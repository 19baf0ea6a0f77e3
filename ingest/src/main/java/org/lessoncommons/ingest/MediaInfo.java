package org.lessoncommons.ingest;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What a video or audio file holds, as ffprobe reports it.
 *
 * @param width width of the picture; null for audio (an album cover is no picture)
 * @param posterKey object-store key of a JPEG frame from the video; null for audio or when none
 *     could be taken
 */
public record MediaInfo(
        @Nullable Double durationSeconds,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable String posterKey,
        Tags tags) {

    /** The file's own title, artist, album and comment tags, each null when absent or blank. */
    public record Tags(
            @Nullable String title,
            @Nullable String artist,
            @Nullable String album,
            @Nullable String comment) {

        public Tags {
            title = blankToNull(title);
            artist = blankToNull(artist);
            album = blankToNull(album);
            comment = blankToNull(comment);
        }

        /**
         * {@code text} followed by the tags it does not contain yet: Tika puts the tags of an .mp3
         * or .mp4 into the text, but not those of a .mov or a .webm.
         */
        public String appendTo(String text) {
            String missing = Stream.of(title, artist, album, comment)
                    .filter(tag -> tag != null && !text.contains(tag))
                    .collect(Collectors.joining("\n"));
            if (missing.isEmpty()) {
                return text;
            }
            return text.isEmpty() ? missing : text + "\n\n" + missing;
        }

        private static @Nullable String blankToNull(@Nullable String tag) {
            return tag == null || tag.isBlank() ? null : tag.strip();
        }
    }
}
