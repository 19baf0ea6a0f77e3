package org.lessoncommons.web.preparation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.Ingestion;
import org.lessoncommons.ingest.Upload;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.Sharing;
import org.lessoncommons.storage.preparation.PackageItems;
import org.lessoncommons.storage.preparation.PreparationPackage;
import org.lessoncommons.web.accounts.Audit;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.accounts.Viewers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Uploading a file straight into a package, and the package as a ZIP with an index page. */
@RestController
@RequestMapping("/api/preparation/packages/{id}")
class PackageFiles {

    private final GroupAccess access;
    private final Ingestion ingestion;
    private final PackageItems items;
    private final PackageContents contents;
    private final PackageExport export;
    private final PackageApi api;
    private final Viewers viewers;
    private final Audit audit;

    PackageFiles(
            GroupAccess access,
            Ingestion ingestion,
            PackageItems items,
            PackageContents contents,
            PackageExport export,
            PackageApi api,
            Viewers viewers,
            Audit audit) {
        this.access = access;
        this.ingestion = ingestion;
        this.items = items;
        this.contents = contents;
        this.export = export;
        this.api = api;
        this.viewers = viewers;
        this.audit = audit;
    }

    /**
     * Uploads through the normal ingest path (extracted, indexed, findable) for the viewer's school
     * with the package's subject and grade, and appends it to the package.
     */
    @PostMapping(path = "/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PreparationViews.PackageDetail> upload(
            @PathVariable UUID id,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "title", required = false) @Nullable String title,
            @RequestParam(name = "resourceType", required = false) @Nullable String resourceType,
            @RequestParam(name = "sharing", required = false) @Nullable String sharing,
            @RequestParam(name = "note", required = false) @Nullable String note) {
        Viewer viewer = viewers.current();
        PreparationPackage p = access.packageAsMember(id, viewer);
        if (file == null || file.isEmpty()) {
            throw new InvalidInput("file", "请选择要上传的文件（文件不能为空）");
        }
        Upload upload;
        try {
            upload = new Upload(
                    file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
                    file.getInputStream(),
                    viewer.schoolId(),
                    viewer.accountId(),
                    Texts.optional("title", title, 300, "标题"),
                    describe(p),
                    p.subject(),
                    p.grade(),
                    Texts.term("resourceType", resourceType, ResourceType::parse, "资源类型"),
                    null,
                    sharing == null || sharing.isBlank()
                            ? Sharing.ALLIANCE
                            : Texts.term("sharing", sharing, Sharing::parse, "共享范围"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Material material = ingestion.accept(upload);
        audit.record(viewer, "material.upload", material.schoolId(), "material", material.id(), material.fileName());
        items.add(id, material.id(), Texts.optional("note", note, 2000, "备注"), viewer.accountId());
        return ResponseEntity.status(201).body(api.detail(p, viewer));
    }

    /** The files the viewer may see, streamed from the object store, and a generated index.html. */
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(@PathVariable UUID id) {
        Viewer viewer = viewers.current();
        PreparationPackage p = access.visiblePackage(id, viewer);
        PackageContents.Contents c = contents.of(p, viewer);
        audit.record(viewer, "preparation.export", viewer.schoolId(), "prep_package", id, p.topic());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(PackageExport.safeName(p.topic()) + "-备课包.zip", StandardCharsets.UTF_8)
                .build());
        headers.setContentType(MediaType.parseMediaType("application/zip"));
        String groupName = access.visible(p.groupId(), viewer).name();
        return ResponseEntity.ok().headers(headers).body(out -> export.write(p, groupName, c, out));
    }

    /** What search should know of a packaged upload besides its own text. */
    private static String describe(PreparationPackage p) {
        return String.join(
                        " · ",
                        java.util.stream.Stream.of("集体备课", p.topic(), p.edition(), p.chapter())
                                .filter(s -> !s.isBlank())
                                .toList())
                .strip();
    }
}
