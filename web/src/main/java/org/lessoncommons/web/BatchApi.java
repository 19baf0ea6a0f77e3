package org.lessoncommons.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.BatchProgress;
import org.lessoncommons.ingest.BulkUpload;
import org.lessoncommons.ingest.BulkUploads;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.Subject;
import org.lessoncommons.web.accounts.Audit;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.accounts.Viewers;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Bulk upload: a ZIP of a whole folder, imported in the background with per-file results. */
@RestController
class BatchApi {

    private final BulkUploads bulkUploads;
    private final Schools schools;
    private final Viewers viewers;
    private final Audit audit;

    BatchApi(BulkUploads bulkUploads, Schools schools, Viewers viewers, Audit audit) {
        this.bulkUploads = bulkUploads;
        this.schools = schools;
        this.viewers = viewers;
        this.audit = audit;
    }

    /**
     * Accepts the archive and answers 202 at once; poll the Location for progress. Subject, grade
     * and type are inferred per file from folder and file names; the optional fields are defaults.
     */
    @PostMapping(path = "/api/batches", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<BatchProgress> upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file, UploadForm form) {
        UUID id = start(file, form);
        return ResponseEntity.accepted()
                .location(URI.create("/api/batches/" + id))
                .body(bulkUploads.progress(id).orElseThrow());
    }

    /** Progress of an import of the viewer's school (or one they administer). */
    @GetMapping("/api/batches/{id}")
    BatchProgress progress(@PathVariable UUID id) {
        Viewer viewer = viewers.current();
        return bulkUploads
                .progress(id)
                .filter(p -> p.schoolId().equals(viewer.schoolId()) || viewer.administers(p.schoolId()))
                .orElseThrow(() -> new BatchNotFound(id));
    }

    UUID start(@Nullable MultipartFile file, UploadForm form) {
        if (file == null || file.isEmpty()) {
            throw new InvalidField("file", "请选择要上传的 ZIP 压缩包");
        }
        Viewer viewer = viewers.current();
        UUID school = form.schoolFor(viewer, schools);
        try {
            Path copy = Files.createTempFile("lessoncommons-batch-", ".zip");
            file.transferTo(copy);
            UUID id = bulkUploads.start(new BulkUpload(
                    copy,
                    file.getOriginalFilename() == null ? "upload.zip" : file.getOriginalFilename(),
                    school,
                    viewer.accountId(),
                    optional(form.subject(), Subject::parse),
                    optional(form.grade(), Grade::parse),
                    optional(form.resourceType(), ResourceType::parse),
                    form.chosenSharing()));
            audit.record(viewer, "batch.upload", school, "batch", id, file.getOriginalFilename());
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> @Nullable T optional(
            @Nullable String value, java.util.function.Function<String, java.util.Optional<T>> parse) {
        return value == null || value.isBlank() ? null : parse.apply(value).orElse(null);
    }

    static boolean isZip(@Nullable MultipartFile file) {
        return file != null
                && file.getOriginalFilename() != null
                && file.getOriginalFilename().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
    }
}
