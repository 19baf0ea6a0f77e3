package org.lessoncommons.web.preparation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.UploadTooLarge;
import org.lessoncommons.search.SearchIndex;
import org.lessoncommons.search.SearchQuery;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.Subject;
import org.lessoncommons.storage.preparation.PreparationPackages;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.accounts.Viewers;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 集体备课 pages: my groups, a group, a package (with search to add materials), an old plan. */
@Controller
class PreparationPages {

    private static final int SEARCH_HITS = 10;

    private final GroupApi groups;
    private final PackageApi api;
    private final PackageFiles files;
    private final PreparationPackages packages;
    private final SearchIndex index;
    private final Viewers viewers;

    PreparationPages(
            GroupApi groups,
            PackageApi api,
            PackageFiles files,
            PreparationPackages packages,
            SearchIndex index,
            Viewers viewers) {
        this.groups = groups;
        this.api = api;
        this.files = files;
        this.packages = packages;
        this.index = index;
        this.viewers = viewers;
    }

    @GetMapping("/preparation")
    String groups(Model model) {
        model.addAttribute("groups", groups.groups());
        vocabulary(model);
        return "preparation/groups";
    }

    @PostMapping("/preparation/groups")
    String createGroup(GroupApi.NewGroup form, RedirectAttributes flash) {
        return attempt("redirect:/preparation", flash, () -> {
            return "redirect:/preparation/groups/"
                    + groups.createGroup(form).getBody().id();
        });
    }

    @GetMapping("/preparation/groups/{id}")
    String group(@PathVariable UUID id, Model model) {
        model.addAttribute("detail", groups.group(id));
        vocabulary(model);
        return "preparation/group";
    }

    @PostMapping("/preparation/groups/{id}/members")
    String addMember(@PathVariable UUID id, GroupApi.NewMember form, RedirectAttributes flash) {
        return attempt("redirect:/preparation/groups/" + id, flash, () -> {
            groups.addMember(id, form);
            return "redirect:/preparation/groups/" + id;
        });
    }

    @PostMapping("/preparation/groups/{id}/members/{accountId}/remove")
    String removeMember(@PathVariable UUID id, @PathVariable UUID accountId) {
        groups.removeMember(id, accountId);
        return "redirect:/preparation/groups/" + id;
    }

    @PostMapping("/preparation/groups/{id}/packages")
    String createPackage(@PathVariable UUID id, GroupApi.NewPackage form, RedirectAttributes flash) {
        return attempt("redirect:/preparation/groups/" + id, flash, () -> {
            return "redirect:/preparation/packages/"
                    + groups.createPackage(id, form).getBody().id();
        });
    }

    /** The package; {@code q} searches (as the viewer) for materials to add. */
    @GetMapping("/preparation/packages/{id}")
    String preparationPackage(
            @PathVariable UUID id, @RequestParam(required = false) @Nullable String q, ModelMap model) {
        Viewer viewer = viewers.current();
        model.addAttribute("pkg", api.preparationPackage(id));
        model.addAttribute("versions", packages.versions(id));
        model.addAttribute("q", q == null ? "" : q);
        if (q != null && !q.isBlank()) {
            model.addAttribute(
                    "hits",
                    index.search(new SearchQuery(q, null, null, null, null, 0, SEARCH_HITS, viewer.audience()))
                            .hits());
        }
        model.addAttribute("types", Arrays.asList(ResourceType.values()));
        return "preparation/package";
    }

    @GetMapping("/preparation/packages/{id}/versions/{version}")
    String version(@PathVariable UUID id, @PathVariable int version, Model model) {
        model.addAttribute("pkg", api.preparationPackage(id));
        model.addAttribute("version", api.version(id, version));
        return "preparation/version";
    }

    /**
     * Saves the plan; when someone saved meanwhile, the page comes back with the teacher's text
     * still in the editor and the other version shown, so nothing typed is lost.
     */
    @PostMapping("/preparation/packages/{id}/plan")
    ModelAndView savePlan(@PathVariable UUID id, PackageApi.Plan form) {
        try {
            api.savePlan(id, form);
            return new ModelAndView("redirect:/preparation/packages/" + id + "?saved");
        } catch (OptimisticLockingFailureException e) {
            ModelAndView page = new ModelAndView("preparation/package", HttpStatus.CONFLICT);
            preparationPackage(id, null, page.getModelMap());
            page.addObject("conflict", form.plan() == null ? "" : form.plan());
            return page;
        }
    }

    @PostMapping("/preparation/packages/{id}/items")
    String addItem(@PathVariable UUID id, PackageApi.NewItem form, RedirectAttributes flash) {
        return attempt("redirect:/preparation/packages/" + id, flash, () -> {
            api.addItem(id, form);
            return "redirect:/preparation/packages/" + id;
        });
    }

    @PostMapping("/preparation/packages/{id}/items/{materialId}/note")
    String annotate(
            @PathVariable UUID id, @PathVariable UUID materialId, PackageApi.Note form, RedirectAttributes flash) {
        return attempt("redirect:/preparation/packages/" + id, flash, () -> {
            api.annotate(id, materialId, form);
            return "redirect:/preparation/packages/" + id;
        });
    }

    @PostMapping("/preparation/packages/{id}/items/{materialId}/remove")
    String removeItem(@PathVariable UUID id, @PathVariable UUID materialId) {
        api.removeItem(id, materialId);
        return "redirect:/preparation/packages/" + id;
    }

    /** Moves an item one place up or down among those the viewer sees. */
    @PostMapping("/preparation/packages/{id}/items/{materialId}/move")
    String move(@PathVariable UUID id, @PathVariable UUID materialId, @RequestParam String direction) {
        List<UUID> order = new ArrayList<>(api.preparationPackage(id).items().stream()
                .map(PreparationViews.Item::materialId)
                .toList());
        int at = order.indexOf(materialId);
        int to = "up".equals(direction) ? at - 1 : at + 1;
        if (at >= 0 && to >= 0 && to < order.size()) {
            order.set(at, order.get(to));
            order.set(to, materialId);
            api.reorder(id, new PackageApi.Order(order));
        }
        return "redirect:/preparation/packages/" + id;
    }

    @PostMapping("/preparation/packages/{id}/upload")
    String upload(
            @PathVariable UUID id,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String resourceType,
            @RequestParam(required = false) @Nullable String sharing,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes flash) {
        return attempt("redirect:/preparation/packages/" + id, flash, () -> {
            files.upload(id, file, title, resourceType, sharing, note);
            return "redirect:/preparation/packages/" + id + "?uploaded";
        });
    }

    @PostMapping("/preparation/packages/{id}/comments")
    String comment(@PathVariable UUID id, PackageApi.NewComment form, RedirectAttributes flash) {
        return attempt("redirect:/preparation/packages/" + id, flash, () -> {
            api.comment(id, form);
            return "redirect:/preparation/packages/" + id + "#discussion";
        });
    }

    /** Runs a form's action; a field it refuses comes back as a message on the form's page. */
    private static String attempt(String page, RedirectAttributes flash, Supplier<String> action) {
        try {
            return action.get();
        } catch (InvalidInput | UploadTooLarge e) {
            flash.addFlashAttribute("error", e.getMessage());
            return page;
        }
    }

    private static void vocabulary(Model model) {
        model.addAttribute("subjects", Arrays.asList(Subject.values()));
        model.addAttribute("grades", Arrays.asList(Grade.values()));
    }
}
