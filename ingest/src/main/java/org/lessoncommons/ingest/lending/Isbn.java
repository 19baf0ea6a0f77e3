package org.lessoncommons.ingest.lending;

import java.util.Locale;
import java.util.Optional;

/** ISBN-10 and ISBN-13 as people type them (with hyphens or spaces), checked by their check digit. */
final class Isbn {

    private Isbn() {}

    /** Digits only (and a final X), or empty when the text is not a valid ISBN. */
    static Optional<String> normalize(String text) {
        String digits = text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (digits.matches("[0-9]{13}") && valid13(digits)) {
            return Optional.of(digits);
        }
        if (digits.matches("[0-9]{9}[0-9X]") && valid10(digits)) {
            return Optional.of(digits);
        }
        return Optional.empty();
    }

    private static boolean valid13(String digits) {
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return sum % 10 == 0;
    }

    private static boolean valid10(String digits) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = digits.charAt(i);
            sum += (c == 'X' ? 10 : c - '0') * (10 - i);
        }
        return sum % 11 == 0;
    }
}
