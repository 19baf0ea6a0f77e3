package org.lessoncommons.search;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The 学段 of grade codes (GRADE_3 → 小学), from {@code grade-stages.txt}: longest code prefix wins. */
final class GradeStages {

    private final Map<String, String> labelsByPrefix;

    private GradeStages(Map<String, String> labelsByPrefix) {
        this.labelsByPrefix = labelsByPrefix;
    }

    static GradeStages load() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String line : DataFile.lines("grade-stages.txt")) {
            String[] fields = line.split("\\s+", 2);
            labels.put(fields[0], fields[1]);
        }
        return new GradeStages(Map.copyOf(labels));
    }

    @Nullable
    String of(String grade) {
        String best = null;
        for (String prefix : labelsByPrefix.keySet()) {
            if (grade.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? null : labelsByPrefix.get(best);
    }
}
