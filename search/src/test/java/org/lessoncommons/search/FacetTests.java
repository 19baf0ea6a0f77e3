package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FacetTests {

    private static final Set<FacetField> ALL = EnumSet.allOf(FacetField.class);
    private static final Audience TEACHER = Audience.member("t1", "s1", "a1");

    private final SearchIndex index = new SearchIndex(new ByteBuffersDirectory());

    @BeforeEach
    void indexMaterials() {
        index.indexAll(List.of(
                material("m1", "分数 教案", "MATH", "GRADE_3", "LESSON_PLAN", "s1", "PEP", "FIRST_TERM", "2024"),
                material("m2", "分数 课件", "MATH", "GRADE_3", "COURSEWARE", "s2", "PEP", "FIRST_TERM", "2025"),
                material("m3", "分数 试卷", "MATH", "GRADE_5", "TEST_PAPER", "s1", "BNU", "SECOND_TERM", "2025"),
                material("c1", "分数 朗读评价", "CHINESE", "GRADE_3", "LESSON_PLAN", "s1", null, null, "2025"),
                material("c2", "函数 教案", "MATH", "GRADE_8", "LESSON_PLAN", "s2", "PEP", null, "2025"),
                material("h1", "函数 试卷", "MATH", "GRADE_10", "TEST_PAPER", "s1", null, null, "2023"),
                secret()));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void countsEveryFieldOverTheMatches() {
        SearchResults results = index.search(query("分数", Filters.none()));

        assertThat(values(results, FacetField.SUBJECT)).containsExactly(tuple("MATH", 3L), tuple("CHINESE", 1L));
        assertThat(values(results, FacetField.GRADE)).containsExactly(tuple("GRADE_3", 3L), tuple("GRADE_5", 1L));
        assertThat(values(results, FacetField.RESOURCE_TYPE))
                .containsExactly(tuple("LESSON_PLAN", 2L), tuple("COURSEWARE", 1L), tuple("TEST_PAPER", 1L));
        assertThat(values(results, FacetField.SCHOOL)).containsExactly(tuple("s1", 3L), tuple("s2", 1L));
        assertThat(values(results, FacetField.EDITION)).containsExactly(tuple("PEP", 2L), tuple("BNU", 1L));
        assertThat(values(results, FacetField.SEMESTER))
                .containsExactly(tuple("FIRST_TERM", 2L), tuple("SECOND_TERM", 1L));
        assertThat(values(results, FacetField.YEAR)).containsExactly(tuple("2025", 3L), tuple("2024", 1L));
    }

    @Test
    void ordsValuesWithinAFieldAndAndsFields() {
        Filters filters = Filters.none()
                .with(FacetField.RESOURCE_TYPE, "LESSON_PLAN", "COURSEWARE")
                .with(FacetField.SUBJECT, "MATH");

        SearchResults results = index.search(query("", filters));

        assertThat(results.hits()).extracting(SearchHit::id).containsExactlyInAnyOrder("m1", "m2", "c2");
        assertThat(results.totalHits()).isEqualTo(3);
    }

    @Test
    void countsAFieldWithoutItsOwnSelectionButUnderTheOthers() {
        Filters filters = Filters.none().with(FacetField.SUBJECT, "MATH").with(FacetField.GRADE, "GRADE_3");

        SearchResults results = index.search(query("分数", filters));

        assertThat(results.totalHits()).isEqualTo(2);
        assertThat(values(results, FacetField.SUBJECT)).containsExactly(tuple("MATH", 2L), tuple("CHINESE", 1L));
        assertThat(values(results, FacetField.GRADE)).containsExactly(tuple("GRADE_3", 2L), tuple("GRADE_5", 1L));
        assertThat(values(results, FacetField.RESOURCE_TYPE))
                .containsExactly(tuple("COURSEWARE", 1L), tuple("LESSON_PLAN", 1L));
        assertThat(results.facets().of(FacetField.SUBJECT).orElseThrow().values())
                .filteredOn(FacetCount::selected)
                .extracting(FacetCount::code)
                .containsExactly("MATH");
    }

    @Test
    void listsASelectedValueThatNoMatchHas() {
        SearchResults results = index.search(query("分数", Filters.none().with(FacetField.EDITION, "JIANGSU")));

        assertThat(results.totalHits()).isZero();
        assertThat(results.facets().of(FacetField.EDITION).orElseThrow().values())
                .contains(new FacetCount("JIANGSU", 0, true, null));
    }

    @Test
    void groupsGradesByStage() {
        SearchResults results = index.search(query("", Filters.none()));

        Facet grades = results.facets().of(FacetField.GRADE).orElseThrow();

        assertThat(grades.groups())
                .extracting(Facet.Group::label, Facet.Group::count)
                .containsExactlyInAnyOrder(tuple("小学", 4L), tuple("初中", 1L), tuple("高中", 1L));
        assertThat(grades.values()).contains(new FacetCount("GRADE_10", 1, false, "高中"));
    }

    @Test
    void countsOnlyTheFieldsAskedFor() {
        SearchResults results = index.search(query("分数", Filters.none()).counting(Set.of(FacetField.SUBJECT)));
        SearchResults none = index.search(SearchQuery.of("分数", TEACHER));

        assertThat(results.facets().facets()).extracting(Facet::field).containsExactly(FacetField.SUBJECT);
        assertThat(none.facets().facets()).isEmpty();
    }

    @Test
    void neverCountsOrLabelsWhatTheAudienceMayNotSee() {
        SearchQuery query = query("分数", Filters.none());

        SearchResults results = index.search(query);
        SearchResults everything = index.search(
                new SearchQuery("分数", Filters.none(), SortOrder.RELEVANCE, false, ALL, 0, 20, Audience.everything()));
        SearchResults selected = index.search(query.with(Filters.none().with(FacetField.SUBJECT, "SECRET")));

        assertThat(results.facets().facets())
                .flatExtracting(Facet::values)
                .extracting(FacetCount::code)
                .doesNotContain("SECRET", "s9", "GRADE_12", "UNKNOWN_EDITION", "2019");
        assertThat(everything.facets().facets())
                .flatExtracting(Facet::values)
                .extracting(FacetCount::code)
                .contains("SECRET", "s9");
        assertThat(selected.totalHits()).isZero();
        assertThat(selected.facets().of(FacetField.SUBJECT).orElseThrow().values())
                .contains(new FacetCount("SECRET", 0, true, null));
        assertThat(values(results, FacetField.SUBJECT)).containsExactly(tuple("MATH", 3L), tuple("CHINESE", 1L));
    }

    private static SearchQuery query(String text, Filters filters) {
        return new SearchQuery(text, filters, SortOrder.RELEVANCE, false, ALL, 0, 20, TEACHER);
    }

    private static List<Tuple> values(SearchResults results, FacetField field) {
        return results.facets().of(field).orElseThrow().values().stream()
                .map(value -> tuple(value.code(), value.count()))
                .toList();
    }

    private static IndexedMaterial material(
            String id,
            String title,
            String subject,
            String grade,
            String type,
            String school,
            String edition,
            String semester,
            String year) {
        return new IndexedMaterial(
                        id,
                        title,
                        "正文",
                        subject,
                        grade,
                        type,
                        school,
                        school,
                        "a1",
                        null,
                        Sharing.ALLIANCE,
                        id + ".docx",
                        "application/octet-stream",
                        Instant.parse(year + "-10-01T08:00:00Z"))
                .withTextbook(edition, semester, null);
    }

    /** A private upload of another school: a teacher of s1 must not even learn its codes exist. */
    private static IndexedMaterial secret() {
        return new IndexedMaterial(
                        "secret",
                        "分数 秘密",
                        "正文",
                        "SECRET",
                        "GRADE_12",
                        "LESSON_PLAN",
                        "s9",
                        "s9",
                        "a1",
                        "t9",
                        Sharing.PRIVATE,
                        "secret.docx",
                        "application/octet-stream",
                        Instant.parse("2019-10-01T08:00:00Z"))
                .withTextbook("UNKNOWN_EDITION", null, null);
    }
}
