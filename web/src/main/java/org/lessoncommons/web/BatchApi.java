package org.lessoncommons.web;

import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.BatchProgress;
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

    private final Uploads uploads;

    BatchApi(Uploads uploads) {
        this.uploads = uploads;
    }

    /**
     * Accepts the archive and answers 202 at once; poll the Location for progress. Subject, grade
     * and type are inferred per file from folder and file names; the optional fields are defaults.
     */
    @PostMapping(path = "/api/batches", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<BatchProgress> upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file, UploadForm form) {
        UUID id = uploads.startBatch(file, form);
        return ResponseEntity.accepted()
                .location(URI.create("/api/batches/" + id))
                .body(uploads.progress(id));
    }

    /** Progress of an import of the viewer's school (or one they administer). */
    @GetMapping("/api/batches/{id}")
    BatchProgress progress(@PathVariable UUID id) {
        return uploads.progress(id);
    }
}
