package org.lessoncommons.storage;

import java.nio.charset.StandardCharsets;

/**
 * A {@code Content-Disposition: attachment} value (RFC 6266) for any file name: an ASCII {@code
 * filename} for old clients and the exact name as RFC 5987 {@code filename*}. Control and
 * bidirectional-override characters and path separators never reach the header.
 */
final class AttachmentDisposition {

    private static final String ATTR_CHARS = "!#$&+-.^_`|~";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private AttachmentDisposition() {}

    static String of(String fileName) {
        String name = clean(fileName);
        return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + percentEncoded(name);
    }

    private static String clean(String fileName) {
        StringBuilder clean = new StringBuilder();
        fileName.codePoints().forEach(cp -> {
            if (cp == '/' || cp == '\\') {
                clean.append('_');
            } else if (!Character.isISOControl(cp) && !isBidiControl(cp)) {
                clean.appendCodePoint(cp);
            }
        });
        String name = clean.toString().strip();
        return name.isEmpty() ? "download" : name;
    }

    private static boolean isBidiControl(int cp) {
        return cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static String asciiFallback(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints()
                .forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '%' ? (char) cp : '_'));
        int dot = ascii.lastIndexOf(".");
        boolean hasExtension = dot > 0 && ascii.substring(dot + 1).matches("[A-Za-z0-9]{1,10}");
        String stem = hasExtension ? ascii.substring(0, dot) : ascii.toString();
        String extension = hasExtension ? ascii.substring(dot) : "";
        boolean readable = stem.chars().anyMatch(Character::isLetterOrDigit);
        return readable ? ascii.toString() : "download" + extension;
    }

    private static String percentEncoded(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || ATTR_CHARS.indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return encoded.toString();
    }
}
