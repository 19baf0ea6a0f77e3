package org.lessoncommons.search;

/**
 * Which analysis steps the index uses; everything in production. Switching steps off is for the
 * relevance evaluation, which compares the choices side by side.
 *
 * @param words smartcn words in the title, tags and body fields
 * @param bigrams CJK bigrams: verbatim substrings whatever the segmenter made of them
 * @param simplify traditional characters folded to simplified, at index and query time
 * @param synonyms query words also match their synonyms
 * @param pinyin titles also match typed pinyin and pinyin initials
 */
record AnalysisChoice(boolean words, boolean bigrams, boolean simplify, boolean synonyms, boolean pinyin) {

    static final AnalysisChoice ALL = new AnalysisChoice(true, true, true, true, true);

    AnalysisChoice {
        if (!words && !bigrams) {
            throw new IllegalArgumentException("Either words or bigrams must be indexed");
        }
    }
}
