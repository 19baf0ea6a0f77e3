package org.lessoncommons.storage;

import java.util.Optional;

/** Who a material is shared with, as its uploader chose. */
public enum Sharing {
    ALLIANCE("联盟共享", "Whole alliance"),
    SCHOOL("仅本校", "My school only"),
    PRIVATE("仅自己", "Only me");

    private final String label;
    private final String englishLabel;

    Sharing(String label, String englishLabel) {
        this.label = label;
        this.englishLabel = englishLabel;
    }

    public String label() {
        return label;
    }

    public String englishLabel() {
        return englishLabel;
    }

    /** Accepts the code ({@code SCHOOL}) or the Chinese label ({@code 仅本校}). */
    public static Optional<Sharing> parse(String text) {
        return Vocabulary.parse(Sharing.class, text, Sharing::label);
    }
}
