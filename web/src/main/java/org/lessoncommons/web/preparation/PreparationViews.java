package org.lessoncommons.web.preparation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.preparation.GroupMember;
import org.lessoncommons.storage.preparation.PackageComment;
import org.lessoncommons.storage.preparation.PreparationGroup;
import org.lessoncommons.storage.preparation.PreparationPackage;

/** What the preparation API answers. */
final class PreparationViews {

    private PreparationViews() {}

    record Group(
            UUID id,
            String name,
            String subject,
            String subjectLabel,
            String grade,
            String gradeLabel,
            Instant createdAt,
            boolean member,
            boolean lead) {

        static Group of(PreparationGroup g, boolean member, boolean lead) {
            return new Group(
                    g.id(),
                    g.name(),
                    g.subject().name(),
                    g.subject().label(),
                    g.grade().name(),
                    g.grade().label(),
                    g.createdAt(),
                    member,
                    lead);
        }
    }

    record GroupDetail(
            Group group, List<GroupMember> members, List<PackageSummary> packages, List<Activity> activity) {}

    record PackageSummary(UUID id, String topic, String edition, String chapter, Instant updatedAt) {

        static PackageSummary of(PreparationPackage p) {
            return new PackageSummary(p.id(), p.topic(), p.edition(), p.chapter(), p.updatedAt());
        }
    }

    /** @param materialTitle the material added, for ITEM_ADDED (lines about materials the viewer may not see are left out) */
    record Activity(
            Instant at,
            String kind,
            UUID packageId,
            String packageTopic,
            String actorName,
            @Nullable String materialTitle) {}

    record PackageDetail(
            UUID id,
            UUID groupId,
            String groupName,
            String topic,
            String subject,
            String subjectLabel,
            String grade,
            String gradeLabel,
            String edition,
            String chapter,
            String plan,
            int planVersion,
            Instant updatedAt,
            List<Item> items,
            int hiddenItems,
            List<PackageComment> comments,
            boolean member) {}

    /** A packaged material the viewer may see. */
    record Item(
            UUID materialId,
            int position,
            String title,
            String fileName,
            String resourceType,
            String schoolName,
            String note,
            String addedBy,
            Instant addedAt,
            String url,
            String fileUrl) {}
}
