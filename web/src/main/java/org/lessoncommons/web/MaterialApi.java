package org.lessoncommons.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.Correction;
import org.lessoncommons.ingest.Indexing;
import org.lessoncommons.ingest.Media;
import org.lessoncommons.ingest.MediaInfo;
import org.lessoncommons.ingest.Renditions;
import org.lessoncommons.search.SearchHit;
import org.lessoncommons.search.SearchIndex;
import org.lessoncommons.search.SearchQuery;
import org.lessoncommons.storage.BlobStore;
import org.lessoncommons.storage.Downloads;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.Sharing;
import org.lessoncommons.storage.Subject;
import org.lessoncommons.web.accounts.Audit;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.accounts.Viewers;
import org.lessoncommons.web.reports.Usage;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Materials for the signed-in viewer: only what they may see, changes only where they may. */
@RestController
@RequestMapping("/api/materials")
class MaterialApi {

    private final Uploads uploads;
    private final MaterialChanges changes;
    private final MaterialViews views;
    private final Materials materials;
    private final FileResponses files;
    private final Media media;
    private final BlobStore blobStore;
    private final Renditions renditions;
    private final Indexing indexing;
    private final MaterialAccess access;
    private final Viewers viewers;
    private final Audit audit;
    private final SearchIndex index;
    private final Usage usage;
    private final Downloads downloads;

    MaterialApi(
            Uploads uploads,
            MaterialChanges changes,
            MaterialViews views,
            Materials materials,
            FileResponses files,
            Media media,
            BlobStore blobStore,
            Renditions renditions,
            Indexing indexing,
            MaterialAccess access,
            Viewers viewers,
            Audit audit,
            SearchIndex index,
            Usage usage,
            Downloads downloads) {
        this.downloads = downloads;
        this.uploads = uploads;
        this.changes = changes;
        this.views = views;
        this.materials = materials;
        this.files = files;
        this.media = media;
        this.blobStore = blobStore;
        this.renditions = renditions;
        this.indexing = indexing;
        this.access = access;
        this.viewers = viewers;
        this.audit = audit;
        this.index = index;
        this.usage = usage;
    }

    /**
     * Accepts one file for the viewer's school; it is searchable once its status turns INDEXED. A
     * file the school already has is refused with 409 and the existing copy's id.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MaterialView> upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "subtitles", required = false) @Nullable MultipartFile subtitles,
            UploadForm form) {
        Material material = uploads.accept(file, subtitles, form);
        return ResponseEntity.created(URI.create("/api/materials/" + material.id()))
                .body(views.of(material, viewers.current()));
    }

    record Edit(
            @Nullable String title,
            @Nullable String description,
            @Nullable String subject,
            @Nullable String grade,
            @Nullable String resourceType,
            @Nullable String sharing) {

        Correction toCorrection() {
            if (title != null && title.strip().length() > UploadForm.MAX_TITLE) {
                throw new InvalidField("title", "标题不能超过 " + UploadForm.MAX_TITLE + " 个字");
            }
            return new Correction(
                    title,
                    description,
                    UploadForm.optional("subject", subject, Subject::parse, "学科"),
                    UploadForm.optional("grade", grade, Grade::parse, "年级"),
                    UploadForm.optional("resourceType", resourceType, ResourceType::parse, "资源类型"),
                    UploadForm.optional("sharing", sharing, Sharing::parse, "共享范围"));
        }
    }

    /** Corrects the metadata (the uploader confirming what was proposed); re-indexed at once. */
    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    MaterialView edit(@PathVariable UUID id, @RequestBody Edit edit) {
        return views.of(changes.edit(id, edit), viewers.current());
    }

    @GetMapping("/{id}")
    MaterialView show(@PathVariable UUID id) {
        Viewer viewer = viewers.current();
        Material material = access.visible(id, viewer);
        usage.viewed(viewer, material);
        return views.of(material, viewer);
    }

    /** The newest materials the viewer may see (filtered inside the index query). */
    @GetMapping
    List<MaterialView> newest() {
        Viewer viewer = viewers.current();
        List<SearchHit> hits = index.search(
                        new SearchQuery("", null, null, null, null, 0, Searches.DEFAULT_PAGE_SIZE, viewer.audience()))
                .hits();
        Map<UUID, Material> found =
                materials
                        .findAllById(
                                hits.stream().map(h -> UUID.fromString(h.id())).toList())
                        .stream()
                        .collect(Collectors.toMap(Material::id, Function.identity()));
        return hits.stream()
                .map(h -> found.get(UUID.fromString(h.id())))
                .filter(m -> m != null && !m.isDeleted())
                .map(m -> views.of(m, viewer))
                .toList();
    }

    /** Soft deletion: out of search and listings at once, restorable by the same people. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        changes.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/restore")
    MaterialView restore(@PathVariable UUID id) {
        return views.of(changes.restore(id), viewers.current());
    }

    /** The original bytes, always as an attachment; honours a single HTTP Range. */
    @GetMapping("/{id}/file")
    ResponseEntity<StreamingResponseBody> download(
            @PathVariable UUID id, @RequestHeader(name = HttpHeaders.RANGE, required = false) @Nullable String range) {
        Viewer viewer = viewers.current();
        Material material = access.visible(id, viewer);
        if (range == null || range.startsWith("bytes=0-")) {
            // One line per download, not per chunk a video player asks for.
            audit.record(viewer, "material.download", material.schoolId(), "material", id, material.fileName());
            usage.downloaded(viewer, material);
            index.downloaded(id.toString(), downloads.count(id));
        }
        return files.attachment(material, range);
    }

    /**
     * The file shown in the browser (PDF, image, audio, video; Range for seeking); 404 for every
     * other type, which is only downloaded.
     */
    @GetMapping("/{id}/preview")
    ResponseEntity<StreamingResponseBody> preview(
            @PathVariable UUID id, @RequestHeader(name = HttpHeaders.RANGE, required = false) @Nullable String range) {
        return files.inline(access.visible(id, viewers.current()), range);
    }

    /** The PDF LibreOffice made of an Office file at ingest; 404 when none was made. */
    @GetMapping("/{id}/rendition")
    ResponseEntity<StreamingResponseBody> rendition(
            @PathVariable UUID id, @RequestHeader(name = HttpHeaders.RANGE, required = false) @Nullable String range) {
        Material material = access.visible(id, viewers.current());
        String key = renditions.of(material).orElseThrow(() -> new NoPreview(id));
        return files.pdf(key, material.fileName(), range);
    }

    /** The text extracted from the file, as plain UTF-8; 404 until extraction succeeded. */
    @GetMapping(path = "/{id}/text", produces = "text/plain;charset=UTF-8")
    String text(@PathVariable UUID id) {
        Material material = access.visible(id, viewers.current());
        return indexing.keptText(material).orElseThrow(() -> new NoPreview(id));
    }

    /** A frame from a video, shown inline (a JPEG the app made itself, so safe to show). */
    @GetMapping("/{id}/poster")
    ResponseEntity<StreamingResponseBody> poster(@PathVariable UUID id) {
        Material material = access.visible(id, viewers.current());
        String key = media.of(material.sha256()).map(MediaInfo::posterKey).orElseThrow(() -> new MaterialNotFound(id));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePrivate())
                .body(out -> {
                    try (var in = blobStore.get(key)) {
                        in.transferTo(out);
                    }
                });
    }
}
