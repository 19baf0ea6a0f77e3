package org.lessoncommons.web;

import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.Corrections;
import org.lessoncommons.ingest.Media;
import org.lessoncommons.ingest.UnknownSchool;
import org.lessoncommons.ingest.UploadTooLarge;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.Sharing;
import org.lessoncommons.storage.Subject;
import org.lessoncommons.web.accounts.Forbidden;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.accounts.Viewers;
import org.lessoncommons.web.reports.Usage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/** The server-rendered pages teachers use: search, a material, upload. */
@Controller
class Pages {

    private final Searches searches;
    private final Schools schools;
    private final BatchApi batches;
    private final Media media;
    private final Corrections corrections;
    private final MaterialAccess access;
    private final Viewers viewers;
    private final MaterialApi api;
    private final Usage usage;
    private final RelatedApi related;

    Pages(
            Searches searches,
            Schools schools,
            BatchApi batches,
            Media media,
            Corrections corrections,
            MaterialAccess access,
            Viewers viewers,
            MaterialApi api,
            Usage usage,
            RelatedApi related) {
        this.related = related;
        this.access = access;
        this.viewers = viewers;
        this.api = api;
        this.usage = usage;
        this.media = media;
        this.corrections = corrections;
        this.searches = searches;
        this.schools = schools;
        this.batches = batches;
    }

    @GetMapping("/batches/{id}")
    String batch(@PathVariable UUID id, Model model) {
        model.addAttribute("batch", batches.progress(id));
        return "batch";
    }

    @GetMapping("/")
    String search(Searches.Request request, Model model) {
        vocabulary(model);
        model.addAttribute("request", request);
        model.addAttribute("results", searches.search(request));
        model.addAttribute("browsing", request.isEmpty());
        return "search";
    }

    @GetMapping("/materials/{id}")
    String material(@PathVariable UUID id, Model model) {
        Viewer viewer = viewers.current();
        Material material = access.visible(id, viewer);
        usage.viewed(viewer, material);
        model.addAttribute(
                "material",
                MaterialView.of(
                        material,
                        schools.findById(material.schoolId()).orElse(null),
                        media.of(material.sha256()).orElse(null),
                        viewer.mayChange(material)));
        vocabulary(model);
        model.addAttribute(
                "proposal",
                corrections.propose(id).map(p -> ProposalApi.of(p, "")).orElse(null));
        model.addAttribute("related", related.of(id, viewer, RelatedApi.DEFAULT_LIMIT));
        return "material";
    }

    /** The teacher confirms or corrects subject, grade, type and title after upload. */
    @PostMapping("/materials/{id}/metadata")
    String correct(@PathVariable UUID id, MaterialApi.Edit edit) {
        api.edit(id, edit);
        return "redirect:/materials/" + id + "?saved";
    }

    @PostMapping("/materials/{id}/delete")
    String delete(@PathVariable UUID id) {
        api.delete(id);
        return "redirect:/materials/" + id + "?deleted";
    }

    @PostMapping("/materials/{id}/restore")
    String restore(@PathVariable UUID id) {
        api.restore(id);
        return "redirect:/materials/" + id + "?restored";
    }

    @GetMapping("/upload")
    String uploadForm(Model model) {
        vocabulary(model);
        model.addAttribute("form", new UploadForm(null, null, null, null, null, null, null));
        return "upload";
    }

    @PostMapping("/upload")
    ModelAndView upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "subtitles", required = false) @Nullable MultipartFile subtitles,
            UploadForm form) {
        try {
            if (BatchApi.isZip(file)) {
                return new ModelAndView("redirect:/batches/" + batches.start(file, form));
            }
            MaterialView material = api.upload(file, subtitles, form).getBody();
            return new ModelAndView("redirect:/materials/" + material.id() + "?uploaded");
        } catch (InvalidField | UnknownSchool | UploadTooLarge | Forbidden e) {
            ModelAndView page = new ModelAndView("upload", HttpStatus.BAD_REQUEST);
            vocabulary(page.getModel());
            page.addObject("form", form);
            page.addObject("error", e.getMessage());
            return page;
        }
    }

    private void vocabulary(Model model) {
        vocabulary(model.asMap());
    }

    private void vocabulary(java.util.Map<String, Object> model) {
        model.put("subjects", Arrays.stream(Subject.values()).map(Term::of).toList());
        model.put("grades", Arrays.stream(Grade.values()).map(Term::of).toList());
        model.put("types", Arrays.stream(ResourceType.values()).map(Term::of).toList());
        model.put("sharings", Arrays.stream(Sharing.values()).map(Term::of).toList());
        model.put(
                "schools",
                schools.findAll().stream()
                        .filter(school -> viewers.find()
                                .map(v -> v.role() == Role.SYSTEM_ADMIN
                                        || v.allianceId().equals(school.allianceId()))
                                .orElse(false))
                        .sorted(java.util.Comparator.comparing(School::membership)
                                .thenComparing(School::name))
                        .toList());
    }
}
