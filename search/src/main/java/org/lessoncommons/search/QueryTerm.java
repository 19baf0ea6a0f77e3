package org.lessoncommons.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.search.ChineseAnalysis.Token;

/**
 * One piece of the teacher's text between spaces or punctuation, split into parts that must all
 * occur in a field.
 *
 * <p>smartcn falls back to single characters for words it does not know (静夜思 → 静 夜 思, 孟浩然 → 孟
 * 浩然), and a lone character matches almost anywhere. So a single character is glued to its
 * neighbours and the group must appear verbatim (searched in the bigram field); only whole words
 * stand alone (三年级数学 → "三年级" verbatim AND the word 数学).
 */
record QueryTerm(String text, List<Part> parts) {

    static final int MAX_TEXT_LENGTH = 500;
    static final int MAX_TERMS = 32;

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Z}\\p{P}]+");

    /**
     * Text that must occur: as the smartcn word {@code token} in a word field, or, when token is
     * null, verbatim as a bigram sequence.
     */
    record Part(String surface, @Nullable String token) {

        boolean verbatim() {
            return token == null;
        }
    }

    /** The terms of a query; terms made only of punctuation or stop words are dropped. */
    static List<QueryTerm> parse(String text, ChineseAnalysis analysis) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidQuery("The query is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        List<QueryTerm> terms = new ArrayList<>();
        for (String piece : SEPARATORS.split(text)) {
            List<Part> parts = parts(piece, analysis);
            if (!parts.isEmpty()) {
                terms.add(new QueryTerm(piece, parts));
            }
        }
        if (terms.size() > MAX_TERMS) {
            throw new InvalidQuery("The query has more than " + MAX_TERMS + " words");
        }
        return List.copyOf(terms);
    }

    private static List<Part> parts(String piece, ChineseAnalysis analysis) {
        Map<Integer, String> indexed = new HashMap<>();
        ChineseAnalysis.tokens(analysis.words(), piece).forEach(t -> indexed.put(t.start(), t.term()));
        List<Part> parts = new ArrayList<>();
        List<Token> group = new ArrayList<>();
        for (Token token : ChineseAnalysis.tokens(analysis.segments(), piece)) {
            if (!group.isEmpty() && !joins(group.getLast(), token, piece)) {
                addGroup(group, piece, indexed, parts);
                group.clear();
            }
            if (hasLetterOrDigit(piece, token)) {
                group.add(token);
            }
        }
        addGroup(group, piece, indexed, parts);
        return List.copyOf(parts);
    }

    /** Adjacent tokens stay together unless both are whole words. */
    private static boolean joins(Token previous, Token next, String piece) {
        boolean adjacent = previous.end() == next.start() && hasLetterOrDigit(piece, next);
        return adjacent && (length(previous) == 1 || length(next) == 1);
    }

    private static void addGroup(List<Token> group, String piece, Map<Integer, String> indexed, List<Part> parts) {
        int first = 0;
        int last = group.size() - 1;
        while (first <= last && !indexed.containsKey(group.get(first).start())) {
            first++;
        }
        while (last >= first && !indexed.containsKey(group.get(last).start())) {
            last--;
        }
        if (first > last) {
            return;
        }
        String surface =
                piece.substring(group.get(first).start(), group.get(last).end());
        parts.add(new Part(surface, first == last ? indexed.get(group.get(first).start()) : null));
    }

    private static boolean hasLetterOrDigit(String piece, Token token) {
        return piece.substring(token.start(), token.end()).codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static int length(Token token) {
        return token.end() - token.start();
    }
}
