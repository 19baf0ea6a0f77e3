package org.lessoncommons.storage.preparation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.School.Membership;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.Subject;
import org.lessoncommons.storage.embedded.LocalPostgres;
import org.lessoncommons.storage.observation.Criterion;
import org.lessoncommons.storage.observation.RubricCriteria;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Plan versions under concurrent saves, item order, and rubric redefinition, on real PostgreSQL. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@DirtiesContext
@Import({PreparationGroups.class, PreparationPackages.class, PackageItems.class, RubricCriteria.class})
class PreparationStorageTests {

    @TempDir
    static Path directory;

    @TestConfiguration(proxyBeanMethods = false)
    static class EmbeddedDatabase {

        @Bean(destroyMethod = "close")
        LocalPostgres localPostgres() {
            return LocalPostgres.start(directory, 0);
        }

        @Bean
        DataSource dataSource(LocalPostgres postgres) {
            return postgres.dataSource();
        }
    }

    @Autowired
    Alliances alliances;

    @Autowired
    Schools schools;

    @Autowired
    Accounts accounts;

    @Autowired
    PreparationGroups groups;

    @Autowired
    PreparationPackages packages;

    @Autowired
    PackageItems items;

    @Autowired
    RubricCriteria rubric;

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void ofTwoConcurrentSavesOfTheSameVersionExactlyOneWinsAndThePreviousTextIsKept() throws Exception {
        Account teacher = teacher();
        PreparationPackage p = preparationPackage(teacher);
        packages.savePlan(p.id(), "初稿", 0, teacher.id());
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> saves = new ArrayList<>();
        for (String text : List.of("甲的修改", "乙的修改")) {
            saves.add(() -> {
                start.await();
                return packages.savePlan(p.id(), text, 1, teacher.id()).plan();
            });
        }

        List<Object> outcomes = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Future<String>> futures = saves.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<String> f : futures) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
        }

        assertThat(outcomes)
                .filteredOn(o -> o instanceof OptimisticLockingFailureException)
                .hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof String).hasSize(1);
        PreparationPackage after = packages.find(p.id()).orElseThrow();
        assertThat(after.planVersion()).isEqualTo(2);
        assertThat(outcomes).contains(after.plan());
        assertThat(packages.versions(p.id()))
                .extracting(PlanVersion::version, PlanVersion::plan)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "初稿"));
        assertThatExceptionOfType(OptimisticLockingFailureException.class)
                .isThrownBy(() -> packages.savePlan(p.id(), "过时的", 1, teacher.id()));
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void theActivityOfAGroupIsNewestFirstAndAPlanSaveKeepsItsOwnTime() {
        Account teacher = teacher();
        PreparationPackage p = preparationPackage(teacher);
        packages.savePlan(p.id(), "初稿", 0, teacher.id());
        packages.comment(p.id(), teacher.id(), "请大家提意见");

        List<GroupActivity> activity = packages.activity(p.groupId(), 10);

        assertThat(activity)
                .extracting(GroupActivity::kind)
                .containsExactly(
                        GroupActivity.Kind.COMMENTED,
                        GroupActivity.Kind.PLAN_SAVED,
                        GroupActivity.Kind.PACKAGE_CREATED);
        assertThat(activity.get(1).at()).isBefore(activity.get(0).at());
        assertThat(activity).extracting(GroupActivity::actorName).containsOnly("教师");
    }

    @Test
    void reorderingKeepsItemsThatWereNotNamedAfterTheNamedOnes() {
        Account teacher = teacher();
        PreparationPackage p = preparationPackage(teacher);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        List.of(a, b, c).forEach(id -> material(id, teacher));
        List.of(a, b, c).forEach(id -> items.add(p.id(), id, "", teacher.id()));

        items.reorder(p.id(), List.of(c, UUID.randomUUID(), a));

        assertThat(items.of(p.id())).extracting(PackageItem::materialId).containsExactly(c, a, b);
    }

    @Test
    void redefiningTheRubricKeepsTheIdsOfCriteriaWhoseNameStays() {
        Alliance alliance = alliances.save(Alliance.named("联盟 " + UUID.randomUUID()));
        List<Criterion> defaults = rubric.of(alliance.id());

        List<Criterion> redefined = rubric.define(
                alliance.id(), List.of(new RubricCriteria.Line("教学效果", 40), new RubricCriteria.Line("板书设计", 10)));

        assertThat(defaults).extracting(Criterion::name).containsExactly("教学目标", "教学过程", "教学方法", "学生活动", "教学效果");
        assertThat(redefined)
                .extracting(Criterion::name, Criterion::maxScore, Criterion::position)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("教学效果", 40, 1),
                        org.assertj.core.groups.Tuple.tuple("板书设计", 10, 2));
        assertThat(redefined.getFirst().id()).isEqualTo(defaults.getLast().id());
        assertThat(rubric.of(alliance.id())).isEqualTo(redefined);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private void material(UUID id, Account teacher) {
        String sha = String.format(
                        "%064x", new java.math.BigInteger(1, id.toString().getBytes()))
                .substring(0, 64);
        jdbc.sql("INSERT INTO blob (sha256, object_key, size_bytes, content_type) VALUES (:s, :k, 1, 'text/plain')")
                .param("s", sha)
                .param("k", "blobs/" + id)
                .update();
        jdbc.sql("""
                        INSERT INTO material (id, school_id, uploader_id, title, subject, grade, resource_type, file_name,
                                              content_type, size_bytes, sha256)
                        VALUES (:id, :school, :uploader, '教案', 'MATH', 'GRADE_3', 'LESSON_PLAN', 'a.txt', 'text/plain', 1, :s)
                        """)
                .param("id", id)
                .param("school", teacher.schoolId())
                .param("uploader", teacher.id())
                .param("s", sha)
                .update();
    }

    private Account teacher() {
        Alliance alliance = alliances.save(Alliance.named("联盟 " + UUID.randomUUID()));
        School school = schools.save(School.of(alliance, "实验小学", Membership.CORE));
        return accounts.save(Account.teacher(school, "t-" + UUID.randomUUID(), "教师"));
    }

    private PreparationPackage preparationPackage(Account teacher) {
        School school = schools.findById(teacher.schoolId()).orElseThrow();
        PreparationGroup group = groups.create(
                PreparationGroup.of(school.allianceId(), "备课组", Subject.MATH, Grade.GRADE_3, teacher.id()));
        return packages.create(
                PreparationPackage.of(group.id(), "分数的初步认识", Subject.MATH, Grade.GRADE_3, "人教版", "第八单元", teacher.id()));
    }
}
