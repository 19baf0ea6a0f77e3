package org.lessoncommons.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Turns a sidecar subtitle file (.srt or .vtt, UTF-8 or GBK) into searchable text: the spoken
 * lines without cue numbers and timestamps.
 */
final class Subtitles {

    static final int MAX_BYTES = 4 * 1024 * 1024;

    private static final Pattern CUE_NUMBER = Pattern.compile("^\\d+$");
    private static final Pattern TIMING = Pattern.compile("^[\\d:.,]+\\s*-->\\s*[\\d:.,]+.*$");
    private static final Pattern TAGS = Pattern.compile("<[^>]{0,50}>");

    private Subtitles() {}

    static String text(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES);
            StringBuilder text = new StringBuilder();
            for (String line : decode(bytes).split("\\R")) {
                String l = line.strip();
                if (l.isEmpty()
                        || l.equals("WEBVTT")
                        || CUE_NUMBER.matcher(l).matches()
                        || TIMING.matcher(l).matches()) {
                    continue;
                }
                text.append(TAGS.matcher(l).replaceAll("")).append('\n');
            }
            return text.toString().strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString()
                    .replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            return new String(bytes, ZipArchives.CHINESE_WINDOWS);
        }
    }
}
