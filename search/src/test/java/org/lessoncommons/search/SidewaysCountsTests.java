package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fields with a selection are counted drill-sideways in one pass: every field's counts must be
 * those of the same search with that field's selection dropped, counted one material at a time
 * here, for one to four selections at once (one of them a choice of two values), over materials
 * some of whose fields are empty.
 */
class SidewaysCountsTests {

    private static final Set<FacetField> ALL = EnumSet.allOf(FacetField.class);
    private static final Audience TEACHER = Audience.member("t1", "s1", "a1");
    private static final String[] SUBJECTS = {"MATH", "CHINESE", "ENGLISH"};
    private static final String[] GRADES = {"GRADE_3", "GRADE_4", "GRADE_5", "GRADE_7"};
    private static final String[] TYPES = {"LESSON_PLAN", "COURSEWARE", "TEST_PAPER"};
    private static final String[] EDITIONS = {"PEP", "BNU", null};
    private static final String[] SEMESTERS = {"FIRST_TERM", "SECOND_TERM", null};

    private static final List<IndexedMaterial> materials = new ArrayList<>();
    private static SearchIndex index;

    @BeforeAll
    static void indexMaterials() {
        Random random = new Random(20261203);
        for (int i = 0; i < 600; i++) {
            materials.add(new IndexedMaterial(
                            "m" + i,
                            (random.nextInt(3) == 0 ? "分数 " : "函数 ") + "教学设计 " + i,
                            "正文",
                            pick(random, SUBJECTS),
                            pick(random, GRADES),
                            pick(random, TYPES),
                            random.nextBoolean() ? "s1" : "s2",
                            "学校",
                            "a1",
                            null,
                            Sharing.ALLIANCE,
                            "m" + i + ".docx",
                            "application/octet-stream",
                            Instant.parse((2023 + random.nextInt(3)) + "-10-01T08:00:00Z"))
                    .withTextbook(pick(random, EDITIONS), pick(random, SEMESTERS), null));
        }
        index = new SearchIndex(new ByteBuffersDirectory());
        // In several segments, as an index that grows with uploads is.
        for (int from = 0; from < materials.size(); from += 150) {
            index.indexAll(materials.subList(from, from + 150));
        }
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void countsEverySelectedFieldUnderAllOtherSelections(int selections) {
        Map<FacetField, Set<String>> chosen = new HashMap<>();
        chosen.put(FacetField.RESOURCE_TYPE, Set.of("LESSON_PLAN", "COURSEWARE"));
        if (selections > 1) {
            chosen.put(FacetField.GRADE, Set.of("GRADE_3"));
        }
        if (selections > 2) {
            chosen.put(FacetField.EDITION, Set.of("PEP"));
        }
        if (selections > 3) {
            chosen.put(FacetField.SEMESTER, Set.of("FIRST_TERM"));
        }
        Filters filters = Filters.none();
        for (Map.Entry<FacetField, Set<String>> selection : chosen.entrySet()) {
            filters = filters.with(selection.getKey(), selection.getValue());
        }

        SearchResults results =
                index.search(new SearchQuery("分数", filters, SortOrder.RELEVANCE, false, ALL, 0, 20, TEACHER));

        List<IndexedMaterial> matching =
                materials.stream().filter(m -> m.title().startsWith("分数")).toList();
        assertThat(results.totalHits())
                .isEqualTo(matching.stream()
                        .filter(m -> chosen.keySet().stream().allMatch(f -> selected(chosen, f, m)))
                        .count());
        for (FacetField field : ALL) {
            Map<String, Long> expected = matching.stream()
                    .filter(m -> chosen.keySet().stream()
                            .filter(other -> other != field)
                            .allMatch(other -> selected(chosen, other, m)))
                    .map(m -> VALUES.get(field).apply(m))
                    .filter(value -> value != null)
                    .collect(Collectors.groupingBy(value -> value, Collectors.counting()));
            chosen.getOrDefault(field, Set.of()).forEach(code -> expected.putIfAbsent(code, 0L));
            Facet facet = results.facets().of(field).orElseThrow();
            assertThat(facet.exact()).isTrue();
            assertThat(facet.values().stream().collect(Collectors.toMap(FacetCount::code, FacetCount::count)))
                    .as("%s with %s selected", field, chosen)
                    .isEqualTo(expected);
        }
    }

    private static final Map<FacetField, Function<IndexedMaterial, String>> VALUES = Map.of(
            FacetField.SUBJECT, IndexedMaterial::subject,
            FacetField.GRADE, IndexedMaterial::grade,
            FacetField.RESOURCE_TYPE, IndexedMaterial::resourceType,
            FacetField.SCHOOL, IndexedMaterial::schoolId,
            FacetField.EDITION, IndexedMaterial::edition,
            FacetField.SEMESTER, IndexedMaterial::semester,
            FacetField.YEAR,
                    m -> String.valueOf(
                            m.createdAt().atZone(MaterialDocument.CHINA).getYear()));

    private static boolean selected(Map<FacetField, Set<String>> chosen, FacetField field, IndexedMaterial m) {
        String value = VALUES.get(field).apply(m);
        return value != null && chosen.get(field).contains(value);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
