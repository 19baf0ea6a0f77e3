package org.lessoncommons.storage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Parses a controlled-vocabulary term given as its code or its Chinese label. */
final class Vocabulary {

    private Vocabulary() {}

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text, Function<E, String> label) {
        String wanted = text.strip();
        return Arrays.stream(type.getEnumConstants())
                .filter(term -> term.name().equals(wanted.toUpperCase(Locale.ROOT))
                        || label.apply(term).equals(wanted))
                .findFirst();
    }
}
