package org.lessoncommons.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** A UTF-8 table shipped in this package's resources: lines without blanks and {@code #} comments. */
final class DataFile {

    private DataFile() {}

    static List<String> lines(String name) {
        InputStream stream = Objects.requireNonNull(
                DataFile.class.getResourceAsStream(name), () -> "Missing search data file " + name);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read search data file " + name, e);
        }
    }
}
