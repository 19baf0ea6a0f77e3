package org.lessoncommons.storage.preparation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.Subject;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Preparation packages, their plan versions and discussion. Items are in {@link PackageItems}. */
@Component
public class PreparationPackages {

    private final JdbcClient jdbc;

    PreparationPackages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PreparationPackage create(PreparationPackage p) {
        jdbc.sql("""
                        INSERT INTO prep_package
                            (id, group_id, topic, subject, grade, edition, chapter, plan, plan_version, created_by, created_at, updated_at)
                        VALUES (:id, :group, :topic, :subject, :grade, :edition, :chapter, :plan, 0, :by, :at, :at)
                        """)
                .param("id", p.id())
                .param("group", p.groupId())
                .param("topic", p.topic())
                .param("subject", p.subject().name())
                .param("grade", p.grade().name())
                .param("edition", p.edition())
                .param("chapter", p.chapter())
                .param("plan", p.plan())
                .param("by", p.createdBy())
                .param("at", Timestamp.from(p.createdAt()))
                .update();
        return find(p.id()).orElseThrow();
    }

    public Optional<PreparationPackage> find(UUID id) {
        return jdbc.sql("SELECT * FROM prep_package WHERE id = :id")
                .param("id", id)
                .query(PreparationPackages::preparationPackage)
                .optional();
    }

    public List<PreparationPackage> ofGroup(UUID groupId) {
        return jdbc.sql("SELECT * FROM prep_package WHERE group_id = :group ORDER BY updated_at DESC")
                .param("group", groupId)
                .query(PreparationPackages::preparationPackage)
                .list();
    }

    /**
     * Replaces the plan, keeping the text it replaces as version {@code expectedVersion}.
     *
     * @throws OptimisticLockingFailureException when someone saved since {@code expectedVersion}
     */
    @Transactional
    public PreparationPackage savePlan(UUID id, String plan, int expectedVersion, UUID savedBy) {
        // The row lock makes a concurrent save with the same expected version find nothing to replace.
        int saved = jdbc.sql("""
                        WITH current AS (
                            SELECT id, plan, plan_version, plan_saved_by, coalesce(plan_saved_at, created_at) AS saved_at
                            FROM prep_package WHERE id = :id AND plan_version = :expected FOR UPDATE),
                        kept AS (
                            INSERT INTO prep_plan_version (package_id, version, plan, saved_by, saved_at)
                            SELECT id, plan_version, plan, plan_saved_by, saved_at FROM current WHERE plan <> '')
                        UPDATE prep_package p SET plan = :plan, plan_version = p.plan_version + 1,
                            plan_saved_by = :by, plan_saved_at = now(), updated_at = now()
                        FROM current WHERE p.id = current.id
                        """)
                .param("id", id)
                .param("expected", expectedVersion)
                .param("plan", plan)
                .param("by", savedBy)
                .update();
        if (saved == 0) {
            throw new OptimisticLockingFailureException(
                    "Plan of package " + id + " changed since version " + expectedVersion);
        }
        return find(id).orElseThrow();
    }

    /** Earlier plans, newest first. */
    public List<PlanVersion> versions(UUID id) {
        return jdbc.sql("""
                        SELECT v.version, v.plan, coalesce(a.display_name, '') AS saved_by_name, v.saved_at
                        FROM prep_plan_version v LEFT JOIN account a ON a.id = v.saved_by
                        WHERE v.package_id = :id ORDER BY v.version DESC
                        """)
                .param("id", id)
                .query((rs, row) -> new PlanVersion(
                        rs.getInt("version"),
                        rs.getString("plan"),
                        rs.getString("saved_by_name"),
                        rs.getTimestamp("saved_at").toInstant()))
                .list();
    }

    public Optional<PlanVersion> version(UUID id, int version) {
        return versions(id).stream().filter(v -> v.version() == version).findFirst();
    }

    public PackageComment comment(UUID packageId, UUID authorId, String body) {
        long id = jdbc.sql("""
                        INSERT INTO prep_comment (package_id, author_id, body) VALUES (:package, :author, :body)
                        RETURNING id
                        """)
                .param("package", packageId)
                .param("author", authorId)
                .param("body", body)
                .query(Long.class)
                .single();
        touch(packageId);
        return comments(packageId).stream()
                .filter(c -> c.id() == id)
                .findFirst()
                .orElseThrow();
    }

    /** The thread, oldest first. */
    public List<PackageComment> comments(UUID packageId) {
        return jdbc.sql("""
                        SELECT c.id, c.author_id, a.display_name, c.body, c.created_at
                        FROM prep_comment c JOIN account a ON a.id = c.author_id
                        WHERE c.package_id = :package ORDER BY c.created_at, c.id
                        """)
                .param("package", packageId)
                .query((rs, row) -> new PackageComment(
                        rs.getLong("id"),
                        rs.getObject("author_id", UUID.class),
                        rs.getString("display_name"),
                        rs.getString("body"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** What happened in the group's packages, newest first. */
    public List<GroupActivity> activity(UUID groupId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM (
                            SELECT p.created_at AS at, 'PACKAGE_CREATED' AS kind, p.id, p.topic, a.display_name, NULL::uuid AS material_id
                            FROM prep_package p JOIN account a ON a.id = p.created_by WHERE p.group_id = :group
                          UNION ALL
                            SELECT p.plan_saved_at, 'PLAN_SAVED', p.id, p.topic, coalesce(a.display_name, ''), NULL
                            FROM prep_package p LEFT JOIN account a ON a.id = p.plan_saved_by
                            WHERE p.group_id = :group AND p.plan_version > 0
                          UNION ALL
                            SELECT i.added_at, 'ITEM_ADDED', p.id, p.topic, a.display_name, i.material_id
                            FROM prep_item i JOIN prep_package p ON p.id = i.package_id JOIN account a ON a.id = i.added_by
                            WHERE p.group_id = :group
                          UNION ALL
                            SELECT c.created_at, 'COMMENTED', p.id, p.topic, a.display_name, NULL
                            FROM prep_comment c JOIN prep_package p ON p.id = c.package_id JOIN account a ON a.id = c.author_id
                            WHERE p.group_id = :group
                        ) activity ORDER BY at DESC LIMIT :limit
                        """)
                .param("group", groupId)
                .param("limit", limit)
                .query((rs, row) -> new GroupActivity(
                        rs.getTimestamp("at").toInstant(),
                        GroupActivity.Kind.valueOf(rs.getString("kind")),
                        rs.getObject("id", UUID.class),
                        rs.getString("topic"),
                        rs.getString("display_name"),
                        rs.getObject("material_id", UUID.class)))
                .list();
    }

    void touch(UUID packageId) {
        jdbc.sql("UPDATE prep_package SET updated_at = now() WHERE id = :id")
                .param("id", packageId)
                .update();
    }

    private static PreparationPackage preparationPackage(ResultSet rs, int row) throws SQLException {
        return new PreparationPackage(
                rs.getObject("id", UUID.class),
                rs.getObject("group_id", UUID.class),
                rs.getString("topic"),
                Subject.valueOf(rs.getString("subject")),
                Grade.valueOf(rs.getString("grade")),
                rs.getString("edition"),
                rs.getString("chapter"),
                rs.getString("plan"),
                rs.getInt("plan_version"),
                rs.getObject("created_by", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
