package org.lessoncommons.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.lessoncommons.search.ChineseAnalysis.Token;

/**
 * Finds filter words in a query (三年级上册 语文 第二单元 教案 → grade GRADE_3, semester FIRST_TERM,
 * subject CHINESE, type LESSON_PLAN; 第二单元 stays as text), from {@code query-words.txt}. A word is
 * only taken where smartcn puts word boundaries (so 化学 is not found in 文化学习), and never inside
 * quotes.
 */
final class QueryUnderstanding {

    /** The filters found and the text left to score. */
    record Understood(List<Chip> chips, Filters filters, String text) {}

    record Entry(FacetField field, String code) {}

    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|“[^”]*”|「[^」]*」");

    private final Map<String, Entry> words;
    private final int longest;

    private QueryUnderstanding(Map<String, Entry> words) {
        this.words = words;
        this.longest = words.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    static QueryUnderstanding load() {
        Map<String, Entry> words = new LinkedHashMap<>();
        for (String line : DataFile.lines("query-words.txt")) {
            String[] fields = SPACE.split(line);
            Entry entry = new Entry(FacetField.valueOf(fields[0]), fields[1]);
            for (int i = 2; i < fields.length; i++) {
                words.put(fields[i].toLowerCase(Locale.ROOT), entry);
            }
        }
        return new QueryUnderstanding(Map.copyOf(words));
    }

    /** Every word of the table and what it means, for tests. */
    Map<String, Entry> words() {
        return words;
    }

    Understood understand(String text, Filters filters, ChineseAnalysis analysis) {
        String folded = Simplified.text(text).toLowerCase(Locale.ROOT);
        boolean[] quoted = new boolean[text.length()];
        QUOTED.matcher(text).results().forEach(m -> Arrays.fill(quoted, m.start(), m.end(), true));
        Set<Integer> starts = new HashSet<>();
        Set<Integer> ends = new HashSet<>();
        for (Token token : ChineseAnalysis.tokens(analysis.segments(), folded)) {
            starts.add(token.start());
            ends.add(token.end());
        }
        List<Chip> chips = new ArrayList<>();
        StringBuilder rest = new StringBuilder(text);
        Filters understood = filters;
        int i = 0;
        while (i < folded.length()) {
            int length = match(folded, i, starts, ends, quoted);
            if (length == 0) {
                i++;
                continue;
            }
            Entry entry = words.get(folded.substring(i, i + length));
            chips.add(new Chip(entry.field(), entry.code(), text.substring(i, i + length)));
            understood = understood.with(entry.field(), entry.code());
            for (int j = i; j < i + length; j++) {
                rest.setCharAt(j, ' ');
            }
            i += length;
        }
        return new Understood(
                chips, understood, SPACE.matcher(rest).replaceAll(" ").strip());
    }

    private int match(String folded, int start, Set<Integer> starts, Set<Integer> ends, boolean[] quoted) {
        if (!starts.contains(start) || quoted[start]) {
            return 0;
        }
        for (int length = Math.min(longest, folded.length() - start); length > 0; length--) {
            if (ends.contains(start + length) && words.containsKey(folded.substring(start, start + length))) {
                return length;
            }
        }
        return 0;
    }
}
