package org.lessoncommons.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.Correction;
import org.lessoncommons.ingest.Corrections;
import org.lessoncommons.ingest.Ingestion;
import org.lessoncommons.ingest.Media;
import org.lessoncommons.ingest.MediaInfo;
import org.lessoncommons.storage.BlobStore;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.Subject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

@RestController
@RequestMapping("/api/materials")
class MaterialApi {

    private final Ingestion ingestion;
    private final Materials materials;
    private final Schools schools;
    private final FileResponses files;
    private final Media media;
    private final BlobStore blobStore;
    private final Corrections corrections;

    MaterialApi(
            Ingestion ingestion,
            Materials materials,
            Schools schools,
            FileResponses files,
            Media media,
            BlobStore blobStore,
            Corrections corrections) {
        this.corrections = corrections;
        this.media = media;
        this.blobStore = blobStore;
        this.ingestion = ingestion;
        this.materials = materials;
        this.schools = schools;
        this.files = files;
    }

    /** Accepts one file; it is searchable once its status turns INDEXED. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MaterialView> upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "subtitles", required = false) @Nullable MultipartFile subtitles,
            UploadForm form) {
        Material material = ingestion.accept(form.toUpload(file, subtitles));
        return ResponseEntity.created(URI.create("/api/materials/" + material.id()))
                .body(view(material));
    }

    record Edit(
            @Nullable String title,
            @Nullable String description,
            @Nullable String subject,
            @Nullable String grade,
            @Nullable String resourceType) {

        Correction toCorrection() {
            if (title != null && title.strip().length() > UploadForm.MAX_TITLE) {
                throw new InvalidField("title", "标题不能超过 " + UploadForm.MAX_TITLE + " 个字");
            }
            return new Correction(
                    title,
                    description,
                    UploadForm.optional("subject", subject, Subject::parse, "学科"),
                    UploadForm.optional("grade", grade, Grade::parse, "年级"),
                    UploadForm.optional("resourceType", resourceType, ResourceType::parse, "资源类型"));
        }
    }

    /** Corrects the metadata (the uploader confirming what was proposed); re-indexed at once. */
    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    MaterialView edit(@PathVariable UUID id, @RequestBody Edit edit) {
        return view(corrections.correct(id, edit.toCorrection()).orElseThrow(() -> new MaterialNotFound(id)));
    }

    @GetMapping("/{id}")
    MaterialView show(@PathVariable UUID id) {
        return view(find(id));
    }

    @GetMapping
    List<MaterialView> newest() {
        return materials.findTop20ByOrderByCreatedAtDesc().stream()
                .map(this::view)
                .toList();
    }

    /** The original bytes, always as an attachment; honours a single HTTP Range. */
    @GetMapping("/{id}/file")
    ResponseEntity<StreamingResponseBody> download(
            @PathVariable UUID id, @RequestHeader(name = HttpHeaders.RANGE, required = false) @Nullable String range) {
        return files.attachment(find(id), range);
    }

    /** A frame from a video, shown inline (a JPEG the app made itself, so safe to show). */
    @GetMapping("/{id}/poster")
    ResponseEntity<StreamingResponseBody> poster(@PathVariable UUID id) {
        String key = media.of(find(id).sha256()).map(MediaInfo::posterKey).orElseThrow(() -> new MaterialNotFound(id));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofDays(1)))
                .body(out -> {
                    try (var in = blobStore.get(key)) {
                        in.transferTo(out);
                    }
                });
    }

    private Material find(UUID id) {
        return materials.findById(id).orElseThrow(() -> new MaterialNotFound(id));
    }

    private MaterialView view(Material m) {
        return MaterialView.of(
                m,
                schools.findById(m.schoolId()).orElse(null),
                media.of(m.sha256()).orElse(null));
    }
}
