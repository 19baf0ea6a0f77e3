package org.lessoncommons.storage.observation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of lesson observation the alliance holds. */
public enum SessionKind {
    OPEN_LESSON("观摩课", "Open lesson"),
    DEMONSTRATION("示范课", "Demonstration lesson"),
    SEMINAR("研讨课", "Seminar lesson"),
    /** 同课异构: two or more teachers teach the same topic, shown side by side. */
    SAME_TOPIC("同课异构", "Same topic, different designs");

    private final String label;
    private final String englishLabel;

    SessionKind(String label, String englishLabel) {
        this.label = label;
        this.englishLabel = englishLabel;
    }

    public String label() {
        return label;
    }

    public String englishLabel() {
        return englishLabel;
    }

    /** Accepts the code ({@code SAME_TOPIC}) or the Chinese label ({@code 同课异构}). */
    public static Optional<SessionKind> parse(String text) {
        String wanted = text.strip();
        return Arrays.stream(values())
                .filter(kind -> kind.name().equals(wanted.toUpperCase(Locale.ROOT)) || kind.label.equals(wanted))
                .findFirst();
    }
}
