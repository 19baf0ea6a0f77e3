package org.lessoncommons.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.BatchProgress;
import org.lessoncommons.ingest.BulkUpload;
import org.lessoncommons.ingest.BulkUploads;
import org.lessoncommons.ingest.Ingestion;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.Subject;
import org.lessoncommons.web.accounts.Audit;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.accounts.Viewers;
import org.lessoncommons.web.reports.Usage;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** Accepts the signed-in viewer's uploads, one file or a ZIP of a folder; the API and the pages share it. */
@Component
class Uploads {

    private static final java.util.regex.Pattern PROGRAMS =
            java.util.regex.Pattern.compile(".*\\.(exe|msi|bat|cmd|com|scr|pif|vbs|vbe|jse|wsf|ps1|lnk|dll)$");

    private final Ingestion ingestion;
    private final BulkUploads bulkUploads;
    private final Schools schools;
    private final Viewers viewers;
    private final Audit audit;
    private final Usage usage;

    Uploads(Ingestion ingestion, BulkUploads bulkUploads, Schools schools, Viewers viewers, Audit audit, Usage usage) {
        this.usage = usage;
        this.ingestion = ingestion;
        this.bulkUploads = bulkUploads;
        this.schools = schools;
        this.viewers = viewers;
        this.audit = audit;
    }

    /**
     * One file; it is searchable once its status turns INDEXED.
     *
     * @throws org.lessoncommons.ingest.DuplicateUpload when the school already has these bytes
     */
    Material accept(@Nullable MultipartFile file, @Nullable MultipartFile subtitles, UploadForm form) {
        if (file != null && isProgram(file.getOriginalFilename())) {
            throw new UnsupportedUpload(file.getOriginalFilename());
        }
        Viewer viewer = viewers.current();
        Material material = ingestion.acceptNew(form.toUpload(file, subtitles, viewer, schools));
        audit.record(viewer, "material.upload", material.schoolId(), "material", material.id(), material.fileName());
        usage.uploaded(viewer, material);
        return material;
    }

    /** Starts importing a ZIP in the background; the id is that of its progress. */
    UUID startBatch(@Nullable MultipartFile file, UploadForm form) {
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

    /** Progress of an import of the viewer's school (or one they administer). */
    BatchProgress progress(UUID id) {
        Viewer viewer = viewers.current();
        return bulkUploads
                .progress(id)
                .filter(p -> p.schoolId().equals(viewer.schoolId()) || viewer.administers(p.schoolId()))
                .orElseThrow(() -> new BatchNotFound(id));
    }

    /** Programs and scripts a click would run on a teacher's Windows PC; never teaching material. */
    static boolean isProgram(@Nullable String fileName) {
        return fileName != null
                && PROGRAMS.matcher(fileName.toLowerCase(Locale.ROOT)).matches();
    }

    static boolean isZip(@Nullable MultipartFile file) {
        return file != null
                && file.getOriginalFilename() != null
                && file.getOriginalFilename().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static <T> @Nullable T optional(@Nullable String value, Function<String, java.util.Optional<T>> parse) {
        return value == null || value.isBlank() ? null : parse.apply(value).orElse(null);
    }
}
