package org.lessoncommons.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.Subject;

/**
 * The search module's query words name grades, subjects and types by storage's codes, which it
 * cannot see; ingest sees both and indexes those codes, so the check lives here.
 */
class QueryWordsTests {

    @Test
    void everyGradeSubjectAndTypeCodeIsOneStorageKnows() throws IOException {
        List<String[]> rows = rows();

        assertThat(codes(rows, "GRADE")).isSubsetOf(names(Grade.values(), Grade::name));
        assertThat(codes(rows, "SUBJECT")).isSubsetOf(names(Subject.values(), Subject::name));
        assertThat(codes(rows, "RESOURCE_TYPE")).isSubsetOf(names(ResourceType.values(), ResourceType::name));
        assertThat(rows)
                .extracting(row -> row[0])
                .allMatch(field -> Set.of("GRADE", "SUBJECT", "RESOURCE_TYPE", "SEMESTER", "EDITION")
                        .contains(field));
    }

    @Test
    void everyStorageLabelIsUnderstood() throws IOException {
        Set<String> words =
                rows().stream().flatMap(row -> Arrays.stream(row).skip(2)).collect(Collectors.toSet());

        assertThat(words)
                .contains(Arrays.stream(Grade.values()).map(Grade::label).toArray(String[]::new));
        assertThat(words)
                .contains(Arrays.stream(Subject.values())
                        .filter(subject -> subject != Subject.OTHER)
                        .map(Subject::label)
                        .toArray(String[]::new));
    }

    private static Set<String> codes(List<String[]> rows, String field) {
        return rows.stream()
                .filter(row -> row[0].equals(field))
                .map(row -> row[1])
                .collect(Collectors.toSet());
    }

    private static <T> Set<String> names(T[] values, Function<T, String> name) {
        return Arrays.stream(values).map(name).collect(Collectors.toSet());
    }

    private static List<String[]> rows() throws IOException {
        try (InputStream in = QueryWordsTests.class.getResourceAsStream("/org/lessoncommons/search/query-words.txt")) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split("\\s+"))
                    .toList();
        }
    }
}
