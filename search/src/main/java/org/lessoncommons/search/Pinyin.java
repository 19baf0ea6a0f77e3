package org.lessoncommons.search;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tone-less pinyin of titles, for teachers who type {@code jingyesi} or {@code jys} for 静夜思.
 * ICU's Han-Latin transform reads each run of Han characters; polyphonic words it reads wrongly
 * (长江, 音乐, 银行 …) come from a data file, longest match first. Letters and digits stay as they are.
 */
final class Pinyin {

    private static final int MAX_WORD = 8;
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Map<String, List<String>> WORDS = words();
    private static final Set<String> SYLLABLES = syllables();
    private static final Transliterator HAN_LATIN = Transliterator.getInstance("Han-Latin; NFD");
    private static final Transliterator ASCII = Transliterator.getInstance("Latin-ASCII; Lower");

    private Pinyin() {}

    /** The syllables of a text in order: 静夜思 教案 → jing ye si jiao an. */
    static List<String> syllables(String text) {
        String simplified = Simplified.text(text);
        List<String> syllables = new ArrayList<>();
        int i = 0;
        while (i < simplified.length()) {
            int end = i;
            if (isHan(simplified.charAt(i))) {
                while (end < simplified.length() && isHan(simplified.charAt(end))) {
                    end++;
                }
                han(simplified.substring(i, end), syllables);
            } else if (Character.isLetterOrDigit(simplified.charAt(i))) {
                while (end < simplified.length() && isAsciiWord(simplified.charAt(end))) {
                    end++;
                }
                end = Math.max(end, i + 1);
                syllables.add(simplified.substring(i, end).toLowerCase(Locale.ROOT));
            } else {
                end = i + 1;
            }
            i = end;
        }
        return syllables;
    }

    /** The first letter of every syllable: 静夜思 → j y s. */
    static List<String> initials(String text) {
        return syllables(text).stream().map(s -> s.substring(0, 1)).toList();
    }

    /** The longest run of initials indexed (and searched for as initials). */
    static final int LONGEST_RUN = 8;

    /** Every run of 2 to {@value #LONGEST_RUN} consecutive initials: 静夜思 → jy ys jys. */
    static Set<String> initialRuns(String text) {
        String initials = String.join("", initials(text));
        Set<String> runs = new LinkedHashSet<>();
        for (int start = 0; start < initials.length(); start++) {
            for (int end = start + 2; end <= Math.min(initials.length(), start + LONGEST_RUN); end++) {
                runs.add(initials.substring(start, end));
            }
        }
        return runs;
    }

    /** A typed pinyin word split into syllables (jingyesi → jing ye si), if it is one. */
    static Optional<List<String>> split(String typed) {
        String letters = typed.toLowerCase(Locale.ROOT);
        if (!letters.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return Optional.empty();
        }
        return split(letters, 0);
    }

    /** Like {@link #split(String)}, but the last syllable may be unfinished (jingy → jing y…). */
    static Optional<List<String>> splitPrefix(String typed) {
        String letters = typed.toLowerCase(Locale.ROOT);
        for (int cut = letters.length(); cut > 0; cut--) {
            Optional<List<String>> head = split(letters.substring(0, cut));
            String rest = letters.substring(cut);
            if (head.isPresent() && (rest.isEmpty() || SYLLABLES.stream().anyMatch(s -> s.startsWith(rest)))) {
                List<String> syllables = new ArrayList<>(head.get());
                if (!rest.isEmpty()) {
                    syllables.add(rest);
                }
                return Optional.of(syllables);
            }
        }
        return SYLLABLES.stream().anyMatch(s -> s.startsWith(letters))
                ? Optional.of(List.of(letters))
                : Optional.empty();
    }

    private static Optional<List<String>> split(String letters, int from) {
        if (from == letters.length()) {
            return Optional.of(new ArrayList<>());
        }
        for (int end = Math.min(letters.length(), from + 6); end > from; end--) {
            String syllable = letters.substring(from, end);
            if (SYLLABLES.contains(syllable)) {
                Optional<List<String>> rest = split(letters, end);
                if (rest.isPresent()) {
                    rest.get().addFirst(syllable);
                    return rest;
                }
            }
        }
        return Optional.empty();
    }

    private static void han(String run, List<String> syllables) {
        int plain = 0;
        int start = 0;
        while (start < run.length()) {
            int length = overriddenLength(run, start);
            if (length == 0) {
                start++;
                continue;
            }
            transliterate(run.substring(plain, start), syllables);
            syllables.addAll(WORDS.get(run.substring(start, start + length)));
            start += length;
            plain = start;
        }
        transliterate(run.substring(plain), syllables);
    }

    /** The length of the longest overridden word at {@code start}, or 0. */
    private static int overriddenLength(String run, int start) {
        for (int length = Math.min(MAX_WORD, run.length() - start); length > 1; length--) {
            if (WORDS.containsKey(run.substring(start, start + length))) {
                return length;
            }
        }
        return 0;
    }

    private static void transliterate(String han, List<String> syllables) {
        if (han.isEmpty()) {
            return;
        }
        String latin;
        synchronized (HAN_LATIN) {
            latin = ASCII.transliterate(HAN_LATIN.transliterate(han).replace("u\u0308", "v"));
        }
        for (String syllable : SPACE.split(latin.strip())) {
            if (!syllable.isEmpty()) {
                syllables.add(syllable);
            }
        }
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean isAsciiWord(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static Map<String, List<String>> words() {
        Map<String, List<String>> words = new HashMap<>();
        for (String line : DataFile.lines("pinyin-words.txt")) {
            String[] fields = SPACE.split(line);
            words.put(fields[0], List.of(fields).subList(1, fields.length));
        }
        return Map.copyOf(words);
    }

    private static Set<String> syllables() {
        Set<String> syllables = new HashSet<>();
        DataFile.lines("pinyin-syllables.txt").forEach(line -> syllables.addAll(List.of(SPACE.split(line))));
        return Set.copyOf(syllables);
    }
}
