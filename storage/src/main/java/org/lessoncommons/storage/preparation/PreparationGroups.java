package org.lessoncommons.storage.preparation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.Subject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Preparation groups and their members. */
@Component
public class PreparationGroups {

    private final JdbcClient jdbc;

    PreparationGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Saves a new group with its creator as lead. */
    @Transactional
    public PreparationGroup create(PreparationGroup group) {
        jdbc.sql("""
                        INSERT INTO prep_group (id, alliance_id, name, subject, grade, created_by, created_at)
                        VALUES (:id, :alliance, :name, :subject, :grade, :by, :at)
                        """)
                .param("id", group.id())
                .param("alliance", group.allianceId())
                .param("name", group.name())
                .param("subject", group.subject().name())
                .param("grade", group.grade().name())
                .param("by", group.createdBy())
                .param("at", Timestamp.from(group.createdAt()))
                .update();
        addMember(group.id(), group.createdBy(), true);
        return group;
    }

    public Optional<PreparationGroup> find(UUID id) {
        return jdbc.sql("SELECT * FROM prep_group WHERE id = :id")
                .param("id", id)
                .query(PreparationGroups::group)
                .optional();
    }

    /** The groups the account is a member of, newest first. */
    public List<PreparationGroup> ofMember(UUID accountId) {
        return jdbc.sql("""
                        SELECT g.* FROM prep_group g JOIN prep_group_member m ON m.group_id = g.id
                        WHERE m.account_id = :account ORDER BY g.created_at DESC
                        """)
                .param("account", accountId)
                .query(PreparationGroups::group)
                .list();
    }

    public List<PreparationGroup> inAlliance(UUID allianceId) {
        return jdbc.sql("SELECT * FROM prep_group WHERE alliance_id = :alliance ORDER BY created_at DESC")
                .param("alliance", allianceId)
                .query(PreparationGroups::group)
                .list();
    }

    public List<GroupMember> members(UUID groupId) {
        return jdbc.sql("""
                        SELECT a.id, a.display_name, s.id AS school_id, s.name AS school_name, m.lead
                        FROM prep_group_member m JOIN account a ON a.id = m.account_id JOIN school s ON s.id = a.school_id
                        WHERE m.group_id = :group ORDER BY m.lead DESC, s.name, a.display_name
                        """)
                .param("group", groupId)
                .query((rs, row) -> new GroupMember(
                        rs.getObject("id", UUID.class),
                        rs.getString("display_name"),
                        rs.getObject("school_id", UUID.class),
                        rs.getString("school_name"),
                        rs.getBoolean("lead")))
                .list();
    }

    public Optional<Boolean> membership(UUID groupId, UUID accountId) {
        return jdbc.sql("SELECT lead FROM prep_group_member WHERE group_id = :group AND account_id = :account")
                .param("group", groupId)
                .param("account", accountId)
                .query(Boolean.class)
                .optional();
    }

    /** Adds the account (again: no change); returns whether it was new. */
    public boolean addMember(UUID groupId, UUID accountId, boolean lead) {
        return jdbc.sql("""
                                INSERT INTO prep_group_member (group_id, account_id, lead) VALUES (:group, :account, :lead)
                                ON CONFLICT DO NOTHING
                                """)
                        .param("group", groupId)
                        .param("account", accountId)
                        .param("lead", lead)
                        .update()
                == 1;
    }

    public boolean removeMember(UUID groupId, UUID accountId) {
        return jdbc.sql("DELETE FROM prep_group_member WHERE group_id = :group AND account_id = :account")
                        .param("group", groupId)
                        .param("account", accountId)
                        .update()
                == 1;
    }

    private static PreparationGroup group(ResultSet rs, int row) throws SQLException {
        return new PreparationGroup(
                rs.getObject("id", UUID.class),
                rs.getObject("alliance_id", UUID.class),
                rs.getString("name"),
                Subject.valueOf(rs.getString("subject")),
                Grade.valueOf(rs.getString("grade")),
                rs.getObject("created_by", UUID.class),
                rs.getTimestamp("created_at").toInstant());
    }
}
