package org.lessoncommons.search.catalog;

import java.util.List;
import java.util.Locale;

/** Field names of a catalog document. */
final class CatalogFields {

    static final String ID = "id";
    static final String ALLIANCE = "alliance";

    /** Facets: keyword fields with doc values. */
    static final String KIND = "kind";

    static final String SCHOOL = "school";
    static final String AVAILABILITY = "availability";

    /** ISBN, barcodes, asset tags: exact, lower case, hyphens and spaces dropped. */
    static final String CODE = "code";

    /** Text fields, each with a {@code .cjk} bigram sub-field for substrings smartcn splits apart. */
    static final List<String> TEXT = List.of("title", "author", "publisher", "model");

    static final String TITLE = "title";
    static final String TITLE_SORT = "title.sort";
    static final String COPIES = "copies";
    static final String AVAILABLE = "available";
    static final String ISBN = "isbn";

    private CatalogFields() {}

    static String bigrams(String field) {
        return field + ".cjk";
    }

    static String code(String text) {
        return text.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }
}
