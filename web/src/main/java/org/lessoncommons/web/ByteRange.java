package org.lessoncommons.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** One satisfiable byte range of a file, from an HTTP {@code Range} header (RFC 9110 §14). */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    long length() {
        return last - first + 1;
    }

    /**
     * Empty when there is no header or it asks for several ranges (then the whole file is sent,
     * which RFC 9110 allows).
     *
     * @throws Unsatisfiable when the range lies outside the file
     */
    static Optional<ByteRange> parse(@Nullable String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    throw new Unsatisfiable(size);
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (first >= size || last < first) {
                throw new Unsatisfiable(size);
            }
            return Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException e) {
            throw new Unsatisfiable(size);
        }
    }

    /** The requested range does not overlap the file. */
    static class Unsatisfiable extends RuntimeException {

        private final long size;

        Unsatisfiable(long size) {
            super("The requested range is outside the file (" + size + " bytes)");
            this.size = size;
        }

        long size() {
            return size;
        }
    }
}
