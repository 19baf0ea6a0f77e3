package org.lessoncommons.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Query-time synonyms from {@code synonyms.txt}: what else a query word may match (PPT → 课件, 思品 →
 * 道德与法治). Applied only to queries, so the list can change without reindexing.
 */
final class Synonyms {

    private static final Pattern COMMA = Pattern.compile("\\s*[,，]\\s*");
    private static final Pattern ARROW = Pattern.compile("\\s*=>\\s*");

    private final Map<String, List<String>> alternatives;
    private final int longest;

    private Synonyms(Map<String, List<String>> alternatives) {
        this.alternatives = alternatives;
        this.longest =
                alternatives.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    static Synonyms none() {
        return new Synonyms(Map.of());
    }

    static Synonyms load() {
        return parse(DataFile.lines("synonyms.txt"));
    }

    static Synonyms parse(List<String> lines) {
        Map<String, Set<String>> alternatives = new LinkedHashMap<>();
        for (String line : lines) {
            String[] sides = ARROW.split(line);
            List<String> from = List.of(COMMA.split(sides[0].strip()));
            List<String> to = sides.length == 1 ? from : List.of(COMMA.split(sides[1].strip()));
            for (String word : from) {
                for (String other : to) {
                    if (!key(word).equals(key(other))) {
                        alternatives
                                .computeIfAbsent(key(word), k -> new LinkedHashSet<>())
                                .add(other);
                    }
                }
            }
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        alternatives.forEach((word, others) -> lists.put(word, List.copyOf(others)));
        return new Synonyms(Map.copyOf(lists));
    }

    /** The other words {@code word} may match; empty for most words. */
    List<String> of(String word) {
        return alternatives.getOrDefault(key(word), List.of());
    }

    /**
     * The text with spaces around every word that has synonyms, where smartcn puts word boundaries
     * (静夜思教学设计 → 静夜思 教学设计), so that the word becomes a query term of its own.
     */
    String separate(String text, ChineseAnalysis analysis) {
        if (alternatives.isEmpty()) {
            return text;
        }
        String folded = key(text);
        Set<Integer> starts = new HashSet<>();
        Set<Integer> ends = new HashSet<>();
        for (ChineseAnalysis.Token token : ChineseAnalysis.tokens(analysis.segments(), folded)) {
            starts.add(token.start());
            ends.add(token.end());
        }
        StringBuilder separated = new StringBuilder(text.length() + 8);
        int i = 0;
        while (i < text.length()) {
            int length = starts.contains(i) ? longestWord(folded, i, ends) : 0;
            if (length == 0) {
                separated.append(text.charAt(i++));
                continue;
            }
            separated.append(' ').append(text, i, i + length).append(' ');
            i += length;
        }
        return separated.toString();
    }

    private int longestWord(String folded, int start, Set<Integer> ends) {
        for (int end = Math.min(folded.length(), start + longest); end > start + 1; end--) {
            if (ends.contains(end) && alternatives.containsKey(folded.substring(start, end))) {
                return end - start;
            }
        }
        return 0;
    }

    /** Every word that has synonyms (for tests and diagnostics). */
    List<String> words() {
        return new ArrayList<>(alternatives.keySet());
    }

    private static String key(String word) {
        return Simplified.text(word).toLowerCase(Locale.ROOT);
    }
}
