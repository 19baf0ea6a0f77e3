package org.lessoncommons.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.Subject;

class MetadataInferenceTests {

    private final MetadataInference inference = new MetadataInference();

    record Labelled(String path, String text, String[] expected) {}

    record Score(int proposed, int correct, int expected) {
        double precision() {
            return proposed == 0 ? 1 : (double) correct / proposed;
        }

        double recall() {
            return expected == 0 ? 1 : (double) correct / expected;
        }
    }

    @Test
    void proposalsOnTheLabelledSetArePreciseAndMostlyComplete() throws IOException {
        List<Labelled> set = labelledSet();
        Map<String, Function<ProposedMetadata, Optional<String>>> fields = new LinkedHashMap<>();
        fields.put("subject", p -> p.subject().map(Subject::name));
        fields.put("grade", p -> p.grade().map(Grade::name));
        fields.put("semester", ProposedMetadata::semester);
        fields.put("edition", ProposedMetadata::edition);
        fields.put("unit", ProposedMetadata::unit);
        fields.put("type", p -> p.resourceType().map(ResourceType::name));

        Map<String, Score> scores = score(set, fields);

        List<String> misses = misses(set);
        misses.forEach(System.out::println);
        scores.forEach((field, s) -> System.out.printf(
                "metadata inference %-8s precision %.2f recall %.2f (%d labelled)%n",
                field, s.precision(), s.recall(), s.expected()));
        assertThat(set).hasSizeGreaterThanOrEqualTo(50);
        scores.forEach((field, s) -> {
            assertThat(s.precision()).as(field + " precision").isGreaterThanOrEqualTo(0.95);
            assertThat(s.recall()).as(field + " recall").isGreaterThanOrEqualTo(0.9);
        });
    }

    @Test
    void fileNameBeatsFolderAndFolderBeatsText() {
        ProposedMetadata proposed = inference.infer("数学 三年级 教案.docx", "语文/五年级", "英语 六年级 试卷");

        assertThat(proposed.subject()).contains(Subject.MATH);
        assertThat(proposed.grade()).contains(Grade.GRADE_3);
        assertThat(proposed.resourceType()).contains(ResourceType.LESSON_PLAN);
    }

    @Test
    void seniorHighIsNotReadAsFirstGrade() {
        assertThat(inference.infer("高中一年级物理.docx", "", "").grade()).contains(Grade.GRADE_10);
    }

    @Test
    void noEvidenceMeansNoProposal() {
        ProposedMetadata proposed = inference.infer("IMG_2041.docx", "", "今天天气很好。");

        assertThat(proposed.subject()).isEmpty();
        assertThat(proposed.grade()).isEmpty();
        assertThat(proposed.edition()).isEmpty();
        assertThat(proposed.resourceType()).isEmpty();
    }

    private Map<String, Score> score(
            List<Labelled> set, Map<String, Function<ProposedMetadata, Optional<String>>> fields) {
        int[][] counts = new int[fields.size()][3];
        for (Labelled row : set) {
            int slash = row.path().lastIndexOf('/');
            ProposedMetadata proposed = inference.infer(
                    row.path().substring(slash + 1), slash < 0 ? "" : row.path().substring(0, slash), row.text());
            int i = 0;
            for (var field : fields.values()) {
                Optional<String> value = field.apply(proposed);
                String expected = row.expected()[i];
                counts[i][0] += value.isPresent() ? 1 : 0;
                counts[i][1] += value.isPresent() && value.get().equals(expected) ? 1 : 0;
                counts[i][2] += expected.isEmpty() ? 0 : 1;
                i++;
            }
        }
        Map<String, Score> scores = new LinkedHashMap<>();
        int i = 0;
        for (String name : fields.keySet()) {
            scores.put(name, new Score(counts[i][0], counts[i][1], counts[i][2]));
            i++;
        }
        return scores;
    }

    private List<String> misses(List<Labelled> set) {
        List<String> misses = new java.util.ArrayList<>();
        for (Labelled row : set) {
            int slash = row.path().lastIndexOf('/');
            ProposedMetadata p = inference.infer(
                    row.path().substring(slash + 1), slash < 0 ? "" : row.path().substring(0, slash), row.text());
            String got = String.join(
                    ",",
                    p.subject().map(Subject::name).orElse(""),
                    p.grade().map(Grade::name).orElse(""),
                    p.semester().orElse(""),
                    p.edition().orElse(""),
                    p.unit().orElse(""),
                    p.resourceType().map(ResourceType::name).orElse(""));
            String want = String.join(",", row.expected());
            if (!got.equals(want)) {
                misses.add("miss " + row.path() + " got " + got + " want " + want);
            }
        }
        return misses;
    }

    private static List<Labelled> labelledSet() throws IOException {
        try (InputStream in = MetadataInferenceTests.class.getResourceAsStream("/inference/labelled.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> Arrays.stream(line.split("\t", -1))
                            .map(String::strip)
                            .toArray(String[]::new))
                    .map(cols -> Arrays.copyOf(cols, 8))
                    .map(cols ->
                            Arrays.stream(cols).map(c -> c == null ? "" : c).toArray(String[]::new))
                    .map(cols -> new Labelled(cols[0], cols[1], Arrays.copyOfRange(cols, 2, 8)))
                    .toList();
        }
    }
}
