package org.lessoncommons.ingest;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The codes the search index files semesters and textbook editions under: the same the search
 * module understands in a query (上册 → {@code FIRST_TERM}, 人教版 → {@code PEP}), so a teacher typing
 * 上册 finds the materials whose names say so. An edition without a code is kept as its name.
 */
final class TextbookCodes {

    private static final Map<String, String> SEMESTERS = Map.of("上册", "FIRST_TERM", "下册", "SECOND_TERM");
    private static final Map<String, String> EDITIONS = Map.of(
            "人教版", "PEP",
            "部编版", "UNIFIED",
            "北师大版", "BNU",
            "苏教版", "JIANGSU",
            "外研版", "FLTRP",
            "沪教版", "SHANGHAI");

    private TextbookCodes() {}

    static @Nullable String semester(Optional<String> label) {
        return label.map(SEMESTERS::get).orElse(null);
    }

    static @Nullable String edition(Optional<String> label) {
        return label.map(name -> EDITIONS.getOrDefault(name, name)).orElse(null);
    }
}
