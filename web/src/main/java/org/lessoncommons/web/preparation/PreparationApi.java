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
import org.lessoncommons.storage.preparation.PackageComment;
import org.lessoncommons.storage.preparation.PackageItems;
import org.lessoncommons.storage.preparation.PlanVersion;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Preparation groups and packages for their members (and, read-only, the alliance's administrators). */
@RestController
@RequestMapping("/api/preparation")
class PreparationApi {

    private static final int ACTIVITY_LINES = 30;

    private final PreparationGroups groups;
    private final PreparationPackages packages;
    private final PackageItems items;
    private final PackageContents contents;
    private final GroupAccess access;
    private final VisibleMaterials visible;
    private final Accounts accounts;
    private final Schools schools;
    private final Viewers viewers;
    private final Audit audit;

    PreparationApi(
            PreparationGroups groups,
            PreparationPackages packages,
            PackageItems items,
            PackageContents contents,
            GroupAccess access,
            VisibleMaterials visible,
            Accounts accounts,
            Schools schools,
            Viewers viewers,
            Audit audit) {
        this.audit = audit;
        this.groups = groups;
        this.packages = packages;
        this.items = items;
        this.contents = contents;
        this.access = access;
        this.visible = visible;
        this.accounts = accounts;
        this.schools = schools;
        this.viewers = viewers;
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

    record Plan(@Nullable String plan, @Nullable Integer version) {}

    record NewItem(@Nullable UUID materialId, @Nullable String note) {}

    record Note(@Nullable String note) {}

    record Order(@Nullable List<UUID> materialIds) {}

    record NewComment(@Nullable String body) {}

    /** The viewer's groups; an alliance administrator sees every group of the alliance. */
    @GetMapping("/groups")
    List<Group> groups() {
        Viewer viewer = viewers.current();
        List<PreparationGroup> found = viewer.role() == Account.Role.ALLIANCE_ADMIN
                ? groups.inAlliance(viewer.allianceId())
                : groups.ofMember(viewer.accountId());
        return found.stream().map(g -> view(g, viewer)).toList();
    }

    @PostMapping("/groups")
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

    @GetMapping("/groups/{id}")
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
    @PostMapping("/groups/{id}/members")
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

    @DeleteMapping("/groups/{id}/members/{accountId}")
    ResponseEntity<Void> removeMember(@PathVariable UUID id, @PathVariable UUID accountId) {
        access.asLead(id, viewers.current());
        groups.removeMember(id, accountId);
        return ResponseEntity.noContent().build();
    }

    /** A new package; subject and grade default to the group's. */
    @PostMapping("/groups/{id}/packages")
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
                .body(detail(created, viewer));
    }

    @GetMapping("/packages/{id}")
    PackageDetail preparationPackage(@PathVariable UUID id) {
        Viewer viewer = viewers.current();
        return detail(access.visiblePackage(id, viewer), viewer);
    }

    /** Saves the plan; the text it replaces is kept as a version. 409 when someone saved meanwhile. */
    @PutMapping("/packages/{id}/plan")
    PackageDetail savePlan(@PathVariable UUID id, @RequestBody Plan form) {
        Viewer viewer = viewers.current();
        PreparationPackage p = access.packageAsMember(id, viewer);
        String plan = Texts.optional("plan", form.plan(), 100_000, "教学设计");
        int expected = form.version() == null ? p.planVersion() : form.version();
        return detail(packages.savePlan(id, plan, expected, viewer.accountId()), viewer);
    }

    @GetMapping("/packages/{id}/plan/versions")
    List<PlanVersion> versions(@PathVariable UUID id) {
        access.visiblePackage(id, viewers.current());
        return packages.versions(id);
    }

    @GetMapping("/packages/{id}/plan/versions/{version}")
    PlanVersion version(@PathVariable UUID id, @PathVariable int version) {
        access.visiblePackage(id, viewers.current());
        return packages.version(id, version)
                .orElseThrow(() -> new PackageNotFound("No version " + version + " of the plan of package " + id));
    }

    /** Adds a material the viewer may see (one they may not is "not found"). */
    @PostMapping("/packages/{id}/items")
    PackageDetail addItem(@PathVariable UUID id, @RequestBody NewItem form) {
        Viewer viewer = viewers.current();
        PreparationPackage p = access.packageAsMember(id, viewer);
        if (form.materialId() == null) {
            throw new InvalidInput("materialId", "请选择要加入备课包的资源");
        }
        Material material = visible.find(form.materialId(), viewer)
                .orElseThrow(() -> new PackageNotFound("No material with id " + form.materialId()));
        items.add(id, material.id(), Texts.optional("note", form.note(), 2000, "备注"), viewer.accountId());
        return detail(p, viewer);
    }

    @PatchMapping("/packages/{id}/items/{materialId}")
    PackageDetail annotate(@PathVariable UUID id, @PathVariable UUID materialId, @RequestBody Note form) {
        Viewer viewer = viewers.current();
        PreparationPackage p = access.packageAsMember(id, viewer);
        visibleItem(p, materialId, viewer);
        items.annotate(id, materialId, Texts.optional("note", form.note(), 2000, "备注"));
        return detail(p, viewer);
    }

    @DeleteMapping("/packages/{id}/items/{materialId}")
    ResponseEntity<Void> removeItem(@PathVariable UUID id, @PathVariable UUID materialId) {
        Viewer viewer = viewers.current();
        PreparationPackage p = access.packageAsMember(id, viewer);
        visibleItem(p, materialId, viewer);
        items.remove(id, materialId);
        return ResponseEntity.noContent().build();
    }

    /** Puts the items the viewer sees in this order; items hidden from the viewer keep theirs, after them. */
    @PutMapping("/packages/{id}/order")
    PackageDetail reorder(@PathVariable UUID id, @RequestBody Order form) {
        Viewer viewer = viewers.current();
        PreparationPackage p = access.packageAsMember(id, viewer);
        if (form.materialIds() == null) {
            throw new InvalidInput("materialIds", "请给出资源的新顺序");
        }
        items.reorder(id, form.materialIds());
        return detail(p, viewer);
    }

    @PostMapping("/packages/{id}/comments")
    ResponseEntity<PackageComment> comment(@PathVariable UUID id, @RequestBody NewComment form) {
        Viewer viewer = viewers.current();
        access.packageAsMember(id, viewer);
        PackageComment posted =
                packages.comment(id, viewer.accountId(), Texts.required("body", form.body(), 5000, "讨论内容"));
        return ResponseEntity.created(URI.create("/api/preparation/packages/" + id + "#comment-" + posted.id()))
                .body(posted);
    }

    PackageDetail detail(PreparationPackage p, Viewer viewer) {
        PreparationGroup group = access.visible(p.groupId(), viewer);
        PackageContents.Contents c = contents.of(p, viewer);
        return new PackageDetail(
                p.id(),
                group.id(),
                group.name(),
                p.topic(),
                p.subject().name(),
                p.subject().label(),
                p.grade().name(),
                p.grade().label(),
                p.edition(),
                p.chapter(),
                p.plan(),
                p.planVersion(),
                p.updatedAt(),
                c.entries().stream().map(PackageContents::view).toList(),
                c.hidden(),
                packages.comments(p.id()),
                access.isMember(group, viewer));
    }

    private void visibleItem(PreparationPackage p, UUID materialId, Viewer viewer) {
        boolean seen = contents.of(p, viewer).entries().stream()
                .anyMatch(e -> e.material().id().equals(materialId));
        if (!seen) {
            throw new PackageNotFound("No material " + materialId + " in package " + p.id());
        }
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
