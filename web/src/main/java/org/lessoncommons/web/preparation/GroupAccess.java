package org.lessoncommons.web.preparation;

import java.util.UUID;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.preparation.PreparationGroup;
import org.lessoncommons.storage.preparation.PreparationGroups;
import org.lessoncommons.storage.preparation.PreparationPackage;
import org.lessoncommons.storage.preparation.PreparationPackages;
import org.lessoncommons.web.accounts.Forbidden;
import org.lessoncommons.web.accounts.Viewer;
import org.springframework.stereotype.Component;

/**
 * Who may open and change a group and its packages: its members prepare; the alliance's
 * administrators may look in and manage members. To anyone else a group does not exist.
 */
@Component
class GroupAccess {

    private final PreparationGroups groups;
    private final PreparationPackages packages;

    GroupAccess(PreparationGroups groups, PreparationPackages packages) {
        this.groups = groups;
        this.packages = packages;
    }

    PreparationGroup visible(UUID groupId, Viewer viewer) {
        PreparationGroup group = groups.find(groupId).orElseThrow(() -> new GroupNotFound(groupId));
        if (!isMember(group, viewer) && !oversees(group, viewer)) {
            throw new GroupNotFound(groupId);
        }
        return group;
    }

    /** Members only: filling packages, saving plans, discussing. */
    PreparationGroup asMember(UUID groupId, Viewer viewer) {
        PreparationGroup group = visible(groupId, viewer);
        if (!isMember(group, viewer)) {
            throw new Forbidden("只有备课组成员可以编辑备课包");
        }
        return group;
    }

    /** The lead (组长) or an administrator of the alliance: adding and removing members. */
    PreparationGroup asLead(UUID groupId, Viewer viewer) {
        PreparationGroup group = visible(groupId, viewer);
        if (!isLead(group, viewer) && !oversees(group, viewer)) {
            throw new Forbidden("只有备课组组长或联盟管理员可以管理成员");
        }
        return group;
    }

    PreparationPackage visiblePackage(UUID packageId, Viewer viewer) {
        PreparationPackage p = find(packageId);
        try {
            visible(p.groupId(), viewer);
        } catch (GroupNotFound e) {
            throw new PackageNotFound("No preparation package with id " + packageId);
        }
        return p;
    }

    PreparationPackage packageAsMember(UUID packageId, Viewer viewer) {
        PreparationPackage p = visiblePackage(packageId, viewer);
        asMember(p.groupId(), viewer);
        return p;
    }

    boolean isMember(PreparationGroup group, Viewer viewer) {
        return groups.membership(group.id(), viewer.accountId()).isPresent();
    }

    boolean isLead(PreparationGroup group, Viewer viewer) {
        return groups.membership(group.id(), viewer.accountId()).orElse(false);
    }

    static boolean oversees(PreparationGroup group, Viewer viewer) {
        return viewer.role() == Role.SYSTEM_ADMIN
                || viewer.role() == Role.ALLIANCE_ADMIN && viewer.allianceId().equals(group.allianceId());
    }

    private PreparationPackage find(UUID packageId) {
        return packages.find(packageId)
                .orElseThrow(() -> new PackageNotFound("No preparation package with id " + packageId));
    }
}
