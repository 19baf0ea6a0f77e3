package org.lessoncommons.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.Corrections;
import org.lessoncommons.ingest.DuplicateUpload;
import org.lessoncommons.ingest.Indexing;
import org.lessoncommons.ingest.IngestProperties;
import org.lessoncommons.ingest.Renditions;
import org.lessoncommons.ingest.UnknownSchool;
import org.lessoncommons.ingest.UploadTooLarge;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Material;
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
    private final Uploads uploads;
    private final MaterialChanges changes;
    private final MaterialViews views;
    private final Corrections corrections;
    private final Renditions renditions;
    private final Indexing indexing;
    private final MaterialAccess access;
    private final Viewers viewers;
    private final FormChoices choices;
    private final Accounts accounts;
    private final IngestProperties ingest;
    private final Usage usage;
    private final RelatedApi related;

    Pages(
            Searches searches,
            Uploads uploads,
            MaterialChanges changes,
            MaterialViews views,
            Corrections corrections,
            Renditions renditions,
            Indexing indexing,
            MaterialAccess access,
            Viewers viewers,
            FormChoices choices,
            Accounts accounts,
            IngestProperties ingest,
            Usage usage,
            RelatedApi related) {
        this.usage = usage;
        this.related = related;
        this.searches = searches;
        this.uploads = uploads;
        this.changes = changes;
        this.views = views;
        this.corrections = corrections;
        this.renditions = renditions;
        this.indexing = indexing;
        this.access = access;
        this.viewers = viewers;
        this.choices = choices;
        this.accounts = accounts;
        this.ingest = ingest;
    }

    @GetMapping("/batches/{id}")
    String batch(@PathVariable UUID id, Model model) {
        model.addAttribute("batch", uploads.progress(id));
        return "batch";
    }

    @GetMapping("/")
    String search(SearchRequest request, Model model) {
        SearchRequest normalised = searches.normalise(request);
        model.addAttribute("request", normalised);
        model.addAttribute("results", searches.search(normalised));
        model.addAttribute("browsing", normalised.isEmpty());
        return "search";
    }

    @GetMapping("/materials/{id}")
    String material(@PathVariable UUID id, Model model) {
        Viewer viewer = viewers.current();
        Material material = access.visible(id, viewer);
        usage.viewed(viewer, material);
        model.addAttribute("material", views.of(material, viewer));
        model.addAttribute("preview", preview(material));
        model.addAttribute(
                "uploader",
                material.uploaderId() == null
                        ? null
                        : accounts.findById(material.uploaderId())
                                .map(Account::displayName)
                                .orElse(null));
        choices.addTo(model.asMap());
        model.addAttribute(
                "proposal",
                corrections.propose(id).map(p -> ProposalApi.of(p, "")).orElse(null));
        model.addAttribute("related", related.of(id, viewer, RelatedApi.DEFAULT_LIMIT));
        return "material";
    }

    private Preview preview(Material material) {
        String kind = FileKinds.of(material.contentType(), material.fileName());
        String base = "/api/materials/" + material.id();
        String inline = FileResponses.showsInline(material.contentType()) ? base + "/preview" : null;
        String rendition = FileKinds.isOffice(kind) && renditions.of(material).isPresent() ? base + "/rendition" : null;
        String text = FileKinds.isOffice(kind) || kind.equals("text")
                ? indexing.keptText(material).orElse(null)
                : null;
        boolean cut = text != null && text.length() > Preview.TEXT_SHOWN;
        return new Preview(kind, inline, rendition, cut ? text.substring(0, Preview.TEXT_SHOWN) : text, cut);
    }

    /** The teacher confirms or corrects subject, grade, type and title after upload. */
    @PostMapping("/materials/{id}/metadata")
    String correct(@PathVariable UUID id, MaterialApi.Edit edit) {
        changes.edit(id, edit);
        return "redirect:/materials/" + id + "?saved";
    }

    @PostMapping("/materials/{id}/delete")
    String delete(@PathVariable UUID id) {
        changes.delete(id);
        return "redirect:/materials/" + id + "?deleted";
    }

    @PostMapping("/materials/{id}/restore")
    String restore(@PathVariable UUID id) {
        changes.restore(id);
        return "redirect:/materials/" + id + "?restored";
    }

    @GetMapping("/upload")
    String uploadForm(Model model) {
        choices.addTo(model.asMap());
        limit(model.asMap());
        model.addAttribute("form", new UploadForm(null, null, null, null, null, null, null));
        return "upload";
    }

    /** Without JavaScript: one file or a ZIP per submission (upload.js sends many, with progress). */
    @PostMapping("/upload")
    ModelAndView upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "subtitles", required = false) @Nullable MultipartFile subtitles,
            UploadForm form) {
        try {
            if (Uploads.isZip(file)) {
                return new ModelAndView("redirect:/batches/" + uploads.startBatch(file, form));
            }
            Material material = uploads.accept(file, subtitles, form);
            return new ModelAndView("redirect:/materials/" + material.id() + "?uploaded");
        } catch (DuplicateUpload e) {
            ModelAndView page = refused(form, HttpStatus.CONFLICT, e.getMessage());
            page.addObject("existing", e.existing());
            return page;
        } catch (UnsupportedUpload e) {
            return refused(form, HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
        } catch (UploadTooLarge e) {
            return refused(form, HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        } catch (InvalidField | UnknownSchool | Forbidden e) {
            return refused(form, HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    /** The upload limit, so the page refuses a file too large before sending it. */
    private void limit(java.util.Map<String, Object> model) {
        model.put("maxUploadBytes", ingest.maxUploadSize().toBytes());
        model.put("maxUploadSize", ingest.maxUploadSize().toMegabytes() + " MB");
    }

    private ModelAndView refused(UploadForm form, HttpStatus status, String error) {
        ModelAndView page = new ModelAndView("upload", status);
        choices.addTo(page.getModel());
        limit(page.getModel());
        page.addObject("form", form);
        page.addObject("error", error);
        return page;
    }
}
