package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AudienceTests {

    private static final Instant NOW = Instant.parse("2025-09-01T08:00:00Z");

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final SearchIndex index = new SearchIndex(directory);

    /** Every combination of sharing, school, alliance and uploader, all with the same words. */
    private final List<IndexedMaterial> all = materials();

    @AfterEach
    void close() throws Exception {
        index.close();
        directory.close();
    }

    @Test
    void teacherSeesAllianceSharedOwnSchoolSharedAndOwnUploadsOnly() {
        Audience teacher = Audience.member("t1", "s1", "a1");

        Set<String> found = found(teacher);

        assertThat(found)
                .contains("ALLIANCE-s2-a1-t9", "SCHOOL-s1-a1-t9", "PRIVATE-s1-a1-t1")
                .doesNotContain("PRIVATE-s1-a1-t9", "SCHOOL-s2-a1-t9", "ALLIANCE-s3-a2-t9");
    }

    @Test
    void schoolAdministratorAlsoSeesPrivateUploadsOfTheSchool() {
        Audience admin = new Audience("t1", "s1", "a1", Audience.Reach.SCHOOL_ADMIN);

        assertThat(found(admin)).contains("PRIVATE-s1-a1-t9").doesNotContain("SCHOOL-s2-a1-t9", "PRIVATE-s2-a1-t9");
    }

    @Test
    void allianceAdministratorAlsoSeesWhatEachSchoolKeepsToItself() {
        Audience admin = new Audience("t1", "s1", "a1", Audience.Reach.ALLIANCE_ADMIN);

        assertThat(found(admin)).contains("SCHOOL-s2-a1-t9").doesNotContain("PRIVATE-s2-a1-t9", "SCHOOL-s3-a2-t9");
    }

    @Test
    void theLuceneFilterAndTheJavaRuleAgreeForEveryAudience() {
        for (Audience.Reach reach : Audience.Reach.values()) {
            for (String account : List.of("t1", "t9")) {
                Audience audience = reach == Audience.Reach.EVERYTHING
                        ? Audience.everything()
                        : new Audience(account, "s1", "a1", reach);

                Set<String> expected = all.stream()
                        .filter(m -> audience.maySee(m.sharing(), m.schoolId(), m.allianceId(), m.uploaderId()))
                        .map(IndexedMaterial::id)
                        .collect(Collectors.toSet());

                assertThat(found(audience)).as("%s %s", reach, account).isEqualTo(expected);
            }
        }
    }

    @Test
    void browsingWithoutWordsIsFilteredToo() {
        Audience teacher = Audience.member("t1", "s1", "a1");

        SearchResults browse = index.search(new SearchQuery("", null, null, null, null, 0, 100, teacher));

        assertThat(browse.hits()).extracting(SearchHit::id).doesNotContain("PRIVATE-s1-a1-t9", "ALLIANCE-s3-a2-t9");
        assertThat(browse.totalHits()).isEqualTo(found(teacher).size());
    }

    private Set<String> found(Audience audience) {
        SearchResults results = index.search(new SearchQuery("集体备课", null, null, null, null, 0, 100, audience));
        return results.hits().stream().map(SearchHit::id).collect(Collectors.toSet());
    }

    private List<IndexedMaterial> materials() {
        List<IndexedMaterial> materials = new ArrayList<>();
        String[][] schools = {{"s1", "a1"}, {"s2", "a1"}, {"s3", "a2"}};
        for (Sharing sharing : Sharing.values()) {
            for (String[] school : schools) {
                for (String uploader : List.of("t1", "t9")) {
                    String id = sharing + "-" + school[0] + "-" + school[1] + "-" + uploader;
                    materials.add(new IndexedMaterial(
                            id,
                            "集体备课 " + id,
                            "三年级语文集体备课教案",
                            "CHINESE",
                            "GRADE_3",
                            "LESSON_PLAN",
                            school[0],
                            "学校" + school[0],
                            school[1],
                            uploader,
                            sharing,
                            id + ".docx",
                            "application/msword",
                            NOW));
                }
            }
        }
        index.indexAll(materials);
        return materials;
    }
}
