package org.lessoncommons.web.preparation;

import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Checks of the free-text and vocabulary fields the preparation API takes. */
final class Texts {

    private Texts() {}

    static String required(String field, @Nullable String value, int max, String label) {
        String text = optional(field, value, max, label);
        if (text.isEmpty()) {
            throw new InvalidInput(field, "请填写" + label);
        }
        return text;
    }

    static String optional(String field, @Nullable String value, int max, String label) {
        String text = value == null ? "" : value.strip();
        if (text.length() > max) {
            throw new InvalidInput(field, label + "不能超过 " + max + " 个字");
        }
        return text;
    }

    static <T> T term(String field, @Nullable String value, Function<String, Optional<T>> parse, String label) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "请选择" + label);
        }
        return parse.apply(value).orElseThrow(() -> new InvalidInput(field, "未知的" + label + ": " + value));
    }
}
