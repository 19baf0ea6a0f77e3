package org.lessoncommons.web.preparation;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.Subject;
import org.lessoncommons.storage.preparation.GroupActivity;
import org.lessoncommons.storage.preparation.PreparationGroup;
import org.lessoncommons.storage.preparation.PreparationGroups;
import org.lessoncommons.storage.preparation.PreparationPackage;
import org.lessoncommons.storage.preparation.PreparationPackages;
import org.lessoncommons.web.VisibleMaterials;
import org.lessoncommons.web.accounts.Audit;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.accounts.Viewers;
import org.lessoncommons.web.preparation.PreparationViews.Activity;
import org.lessoncommons.web.preparation.PreparationViews.Group;
import org.lessoncommons.web.preparation.PreparationViews.GroupDetail;
import org.lessoncommons.web.preparation.PreparationViews.PackageDetail;
import org.lessoncommons.web.preparation.PreparationViews.PackageSummary;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Preparation groups: the viewer's groups, one group with its members, packages and activity. */
@RestController
@RequestMapping("/api/preparation/groups")
class GroupApi {

    private static final int ACTIVITY_LINES = 30;

    private final PreparationGroups groups;
    private final PreparationPackages packages;
    private final PackageApi packageApi;
    private final GroupAccess access;
    private final VisibleMaterials visible;
    private final Accounts accounts;
    private final Schools schools;
    private final Viewers viewers;
    private final Audit audit;

    GroupApi(
            PreparationGroups groups,
            PreparationPackages packages,
            PackageApi packageApi,
            GroupAccess access,
            VisibleMaterials visible,
            Accounts accounts,
            Schools schools,
            Viewers viewers,
            Audit audit) {
        this.groups = groups;
        this.packages = packages;
        this.packageApi = packageApi;
        this.access = access;
        this.visible = visible;
        this.accounts = accounts;
        this.schools = schools;
        this.viewers = viewers;
        this.audit = audit;
    }

    record NewGroup(
            @Nullable String name,
            @Nullable String subject,
            @Nullable String grade) {}

    record NewMember(@Nullable String username) {}

    record NewPackage(
            @Nullable String topic,
            @Nullable String subject,
            @Nullable String grade,
            @Nullable String edition,
            @Nullable String chapter) {}

    /** The viewer's groups; an alliance administrator sees every group of the alliance. */
    @GetMapping
    List<Group> groups() {
        Viewer viewer = viewers.current();
        List<PreparationGroup> found = viewer.role() == Account.Role.ALLIANCE_ADMIN
                ? groups.inAlliance(viewer.allianceId())
                : groups.ofMember(viewer.accountId());
        return found.stream().map(g -> view(g, viewer)).toList();
    }

    @PostMapping
    ResponseEntity<Group> createGroup(@RequestBody NewGroup form) {
        Viewer viewer = viewers.current();
        PreparationGroup group = groups.create(PreparationGroup.of(
                viewer.allianceId(),
                Texts.required("name", form.name(), 200, "备课组名称"),
                Texts.term("subject", form.subject(), Subject::parse, "学科"),
                Texts.term("grade", form.grade(), Grade::parse, "年级"),
                viewer.accountId()));
        audit.record(viewer, "preparation.group.create", viewer.schoolId(), "prep_group", group.id(), group.name());
        return ResponseEntity.created(URI.create("/api/preparation/groups/" + group.id()))
                .body(view(group, viewer));
    }

    @GetMapping("/{id}")
    GroupDetail group(@PathVariable UUID id) {
        Viewer viewer = viewers.current();
        PreparationGroup group = access.visible(id, viewer);
        return new GroupDetail(
                view(group, viewer),
                groups.members(id),
                packages.ofGroup(id).stream().map(PackageSummary::of).toList(),
                activity(id, viewer));
    }

    /** Adds a teacher of any school of the alliance, by username. */
    @PostMapping("/{id}/members")
    GroupDetail addMember(@PathVariable UUID id, @RequestBody NewMember form) {
        Viewer viewer = viewers.current();
        PreparationGroup group = access.asLead(id, viewer);
        String username = Texts.required("username", form.username(), 64, "用户名");
        Account account = accounts.findByUsername(username)
                .filter(a -> a.enabled()
                        && schools.findById(a.schoolId())
                                .map(s -> s.allianceId().equals(group.allianceId()))
                                .orElse(false))
                .orElseThrow(() -> new InvalidInput("username", "本联盟没有用户名为 " + username + " 的教师"));
        if (groups.addMember(id, account.id(), false)) {
            audit.record(viewer, "preparation.member.add", account.schoolId(), "prep_group", id, account.username());
        }
        return group(id);
    }

    @DeleteMapping("/{id}/members/{accountId}")
    ResponseEntity<Void> removeMember(@PathVariable UUID id, @PathVariable UUID accountId) {
        access.asLead(id, viewers.current());
        groups.removeMember(id, accountId);
        return ResponseEntity.noContent().build();
    }

    /** A new package; subject and grade default to the group's. */
    @PostMapping("/{id}/packages")
    ResponseEntity<PackageDetail> createPackage(@PathVariable UUID id, @RequestBody NewPackage form) {
        Viewer viewer = viewers.current();
        PreparationGroup group = access.asMember(id, viewer);
        PreparationPackage created = packages.create(PreparationPackage.of(
                id,
                Texts.required("topic", form.topic(), 300, "课题"),
                blank(form.subject()) ? group.subject() : Texts.term("subject", form.subject(), Subject::parse, "学科"),
                blank(form.grade()) ? group.grade() : Texts.term("grade", form.grade(), Grade::parse, "年级"),
                Texts.optional("edition", form.edition(), 100, "教材版本"),
                Texts.optional("chapter", form.chapter(), 200, "章节"),
                viewer.accountId()));
        return ResponseEntity.created(URI.create("/api/preparation/packages/" + created.id()))
                .body(packageApi.detail(created, viewer));
    }

    private List<Activity> activity(UUID groupId, Viewer viewer) {
        List<GroupActivity> lines = packages.activity(groupId, ACTIVITY_LINES);
        Map<UUID, Material> seen = visible.of(
                lines.stream()
                        .map(GroupActivity::materialId)
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList(),
                viewer);
        return lines.stream()
                .filter(a -> a.materialId() == null || seen.containsKey(a.materialId()))
                .map(a -> new Activity(
                        a.at(),
                        a.kind().name(),
                        a.packageId(),
                        a.packageTopic(),
                        a.actorName(),
                        a.materialId() == null ? null : seen.get(a.materialId()).title()))
                .toList();
    }

    private Group view(PreparationGroup g, Viewer viewer) {
        var membership = groups.membership(g.id(), viewer.accountId());
        return Group.of(g, membership.isPresent(), membership.orElse(false));
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
