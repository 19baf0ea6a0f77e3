package org.lessoncommons.web;

import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.Corrections;
import org.lessoncommons.ingest.Ingestion;
import org.lessoncommons.ingest.Media;
import org.lessoncommons.ingest.UnknownSchool;
import org.lessoncommons.ingest.UploadTooLarge;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.Subject;
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
    private final Materials materials;
    private final Schools schools;
    private final Ingestion ingestion;
    private final BatchApi batches;
    private final Media media;
    private final Corrections corrections;

    Pages(
            Searches searches,
            Materials materials,
            Schools schools,
            Ingestion ingestion,
            BatchApi batches,
            Media media,
            Corrections corrections) {
        this.media = media;
        this.corrections = corrections;
        this.searches = searches;
        this.materials = materials;
        this.schools = schools;
        this.ingestion = ingestion;
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
        Material material = materials.findById(id).orElseThrow(() -> new MaterialNotFound(id));
        model.addAttribute(
                "material",
                MaterialView.of(
                        material,
                        schools.findById(material.schoolId()).orElse(null),
                        media.of(material.sha256()).orElse(null)));
        vocabulary(model);
        model.addAttribute(
                "proposal",
                corrections.propose(id).map(p -> ProposalApi.of(p, "")).orElse(null));
        return "material";
    }

    /** The teacher confirms or corrects subject, grade, type and title after upload. */
    @PostMapping("/materials/{id}/metadata")
    String correct(@PathVariable UUID id, MaterialApi.Edit edit) {
        corrections.correct(id, edit.toCorrection()).orElseThrow(() -> new MaterialNotFound(id));
        return "redirect:/materials/" + id + "?saved";
    }

    @GetMapping("/upload")
    String uploadForm(Model model) {
        vocabulary(model);
        model.addAttribute("form", new UploadForm(null, null, null, null, null, null));
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
            Material material = ingestion.accept(form.toUpload(file, subtitles));
            return new ModelAndView("redirect:/materials/" + material.id() + "?uploaded");
        } catch (InvalidField | UnknownSchool | UploadTooLarge e) {
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
        model.put(
                "schools",
                schools.findAll().stream()
                        .sorted(java.util.Comparator.comparing(School::membership)
                                .thenComparing(School::name))
                        .toList());
    }
}
