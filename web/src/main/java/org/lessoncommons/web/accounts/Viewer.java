package org.lessoncommons.web.accounts;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.search.Audience;
import org.lessoncommons.search.Sharing;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.School;

/** The signed-in person making a request, with their school and alliance. */
public record Viewer(UUID accountId, String username, String displayName, Role role, UUID schoolId, UUID allianceId) {

    static Viewer of(Account account, School school) {
        return new Viewer(
                account.id(),
                account.username(),
                account.displayName(),
                account.role(),
                school.id(),
                school.allianceId());
    }

    /** What this viewer may find in search (the same rule as {@link #maySee}). */
    public Audience audience() {
        return switch (role) {
            case TEACHER -> Audience.member(id(accountId), id(schoolId), id(allianceId));
            case SCHOOL_ADMIN -> new Audience(id(accountId), id(schoolId), id(allianceId), Audience.Reach.SCHOOL_ADMIN);
            case ALLIANCE_ADMIN ->
                new Audience(id(accountId), id(schoolId), id(allianceId), Audience.Reach.ALLIANCE_ADMIN);
            case SYSTEM_ADMIN -> Audience.everything();
        };
    }

    public boolean maySee(Material material, UUID materialAllianceId) {
        return audience()
                .maySee(
                        Sharing.valueOf(material.sharing().name()),
                        id(material.schoolId()),
                        id(materialAllianceId),
                        material.uploaderId() == null ? null : id(material.uploaderId()));
    }

    /** Metadata edits, deletion and restoring: the uploader, the school's administrators, or a system admin. */
    public boolean mayChange(Material material) {
        return accountId.equals(material.uploaderId()) || administers(material.schoolId());
    }

    /** Whether this viewer administers the school: its own school admin, or any admin above. */
    public boolean administers(UUID school) {
        return switch (role) {
            case TEACHER -> false;
            case SCHOOL_ADMIN, ALLIANCE_ADMIN -> schoolId.equals(school);
            case SYSTEM_ADMIN -> true;
        };
    }

    /** Whether this viewer administers the school's accounts and alliance membership. */
    public boolean administers(School school) {
        return administers(school.id()) || role == Role.ALLIANCE_ADMIN && allianceId.equals(school.allianceId());
    }

    public boolean isAdmin() {
        return role != Role.TEACHER;
    }

    /** The roles this viewer may give to others: never one above their own. */
    public boolean mayGrant(Role granted) {
        return switch (role) {
            case TEACHER -> false;
            case SCHOOL_ADMIN -> granted == Role.TEACHER || granted == Role.SCHOOL_ADMIN;
            case ALLIANCE_ADMIN -> granted != Role.SYSTEM_ADMIN;
            case SYSTEM_ADMIN -> true;
        };
    }

    private static String id(@Nullable UUID id) {
        return id == null ? "" : id.toString();
    }
}
