package org.lessoncommons.web.preparation;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.preparation.PackageComment;
import org.lessoncommons.storage.preparation.PackageItems;
import org.lessoncommons.storage.preparation.PlanVersion;
import org.lessoncommons.storage.preparation.PreparationGroup;
import org.lessoncommons.storage.preparation.PreparationPackage;
import org.lessoncommons.storage.preparation.PreparationPackages;
import org.lessoncommons.web.VisibleMaterials;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.accounts.Viewers;
import org.lessoncommons.web.preparation.PreparationViews.PackageDetail;
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

/** Preparation packages: their items, plan versions and discussion, for the group's members. */
@RestController
@RequestMapping("/api/preparation/packages")
class PackageApi {

    private final PreparationPackages packages;
    private final PackageItems items;
    private final PackageContents contents;
    private final GroupAccess access;
    private final VisibleMaterials visible;
    private final Viewers viewers;

    PackageApi(
            PreparationPackages packages,
            PackageItems items,
            PackageContents contents,
            GroupAccess access,
            VisibleMaterials visible,
            Viewers viewers) {
        this.packages = packages;
        this.items = items;
        this.contents = contents;
        this.access = access;
        this.visible = visible;
        this.viewers = viewers;
    }

    record Plan(@Nullable String plan, @Nullable Integer version) {}

    record NewItem(@Nullable UUID materialId, @Nullable String note) {}

    record Note(@Nullable String note) {}

    record Order(@Nullable List<UUID> materialIds) {}

    record NewComment(@Nullable String body) {}

    @GetMapping("/{id}")
    PackageDetail preparationPackage(@PathVariable UUID id) {
        Viewer viewer = viewers.current();
        return detail(access.visiblePackage(id, viewer), viewer);
    }

    /** Saves the plan; the text it replaces is kept as a version. 409 when someone saved meanwhile. */
    @PutMapping("/{id}/plan")
    PackageDetail savePlan(@PathVariable UUID id, @RequestBody Plan form) {
        Viewer viewer = viewers.current();
        PreparationPackage p = access.packageAsMember(id, viewer);
        String plan = Texts.optional("plan", form.plan(), 100_000, "教学设计");
        int expected = form.version() == null ? p.planVersion() : form.version();
        return detail(packages.savePlan(id, plan, expected, viewer.accountId()), viewer);
    }

    @GetMapping("/{id}/plan/versions")
    List<PlanVersion> versions(@PathVariable UUID id) {
        access.visiblePackage(id, viewers.current());
        return packages.versions(id);
    }

    @GetMapping("/{id}/plan/versions/{version}")
    PlanVersion version(@PathVariable UUID id, @PathVariable int version) {
        access.visiblePackage(id, viewers.current());
        return packages.version(id, version)
                .orElseThrow(() -> new PackageNotFound("No version " + version + " of the plan of package " + id));
    }

    /** Adds a material the viewer may see (one they may not is "not found"). */
    @PostMapping("/{id}/items")
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

    @PatchMapping("/{id}/items/{materialId}")
    PackageDetail annotate(@PathVariable UUID id, @PathVariable UUID materialId, @RequestBody Note form) {
        Viewer viewer = viewers.current();
        PreparationPackage p = access.packageAsMember(id, viewer);
        visibleItem(p, materialId, viewer);
        items.annotate(id, materialId, Texts.optional("note", form.note(), 2000, "备注"));
        return detail(p, viewer);
    }

    @DeleteMapping("/{id}/items/{materialId}")
    ResponseEntity<Void> removeItem(@PathVariable UUID id, @PathVariable UUID materialId) {
        Viewer viewer = viewers.current();
        PreparationPackage p = access.packageAsMember(id, viewer);
        visibleItem(p, materialId, viewer);
        items.remove(id, materialId);
        return ResponseEntity.noContent().build();
    }

    /** Puts the items the viewer sees in this order; items hidden from the viewer keep theirs, after them. */
    @PutMapping("/{id}/order")
    PackageDetail reorder(@PathVariable UUID id, @RequestBody Order form) {
        Viewer viewer = viewers.current();
        PreparationPackage p = access.packageAsMember(id, viewer);
        if (form.materialIds() == null) {
            throw new InvalidInput("materialIds", "请给出资源的新顺序");
        }
        items.reorder(id, form.materialIds());
        return detail(p, viewer);
    }

    @PostMapping("/{id}/comments")
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
}
