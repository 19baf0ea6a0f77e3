package org.lessoncommons.web.observation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.Ingestion;
import org.lessoncommons.ingest.Upload;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.Sharing;
import org.lessoncommons.storage.observation.FileKind;
import org.lessoncommons.storage.observation.Lesson;
import org.lessoncommons.storage.observation.ObservationSession;
import org.lessoncommons.storage.observation.ObservationSessions;
import org.lessoncommons.web.accounts.Audit;
import org.lessoncommons.web.accounts.Viewer;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files uploaded from a session go through the normal ingest path (stored, extracted, indexed) as
 * materials of the uploader's school, titled and described with the session's 课题, chapter, kind
 * and teacher, so a search for any of those finds them; each is then linked to the session.
 */
@Component
class SessionUploads {

    record Part(FileKind kind, MultipartFile file) {}

    private final Ingestion ingestion;
    private final ObservationSessions sessions;
    private final Audit audit;

    SessionUploads(Ingestion ingestion, ObservationSessions sessions, Audit audit) {
        this.ingestion = ingestion;
        this.sessions = sessions;
        this.audit = audit;
    }

    List<Material> upload(
            ObservationSession session, @Nullable Lesson lesson, List<Part> parts, Sharing sharing, Viewer viewer) {
        List<Part> files = parts.stream().filter(p -> !p.file().isEmpty()).toList();
        if (files.isEmpty()) {
            throw new InvalidInput("file", "请至少选择一个要上传的文件");
        }
        List<Material> stored = new ArrayList<>();
        for (Part part : files) {
            Material material = ingestion.accept(upload(session, lesson, part, sharing, viewer));
            sessions.addFile(
                    session.id(), material.id(), lesson == null ? null : lesson.id(), part.kind(), viewer.accountId());
            audit.record(
                    viewer, "material.upload", material.schoolId(), "material", material.id(), material.fileName());
            stored.add(material);
        }
        return stored;
    }

    private static Upload upload(
            ObservationSession s, @Nullable Lesson lesson, Part part, Sharing sharing, Viewer viewer) {
        String name =
                part.file().getOriginalFilename() == null ? "" : part.file().getOriginalFilename();
        String teacher = lesson == null ? null : lesson.teacher().displayName();
        String title = String.join(
                " · ",
                Stream.of(s.topic(), part.kind().label(), teacher, baseName(name))
                        .filter(t -> t != null && !t.isBlank())
                        .toList());
        try {
            return new Upload(
                    name,
                    part.file().getInputStream(),
                    viewer.schoolId(),
                    viewer.accountId(),
                    title.length() > 300 ? title.substring(0, 300) : title,
                    describe(s, teacher),
                    s.subject(),
                    s.grade(),
                    part.kind().resourceType(),
                    null,
                    sharing);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The session's metadata as searchable words. */
    static String describe(ObservationSession s, @Nullable String teacher) {
        return String.join(
                " · ",
                Stream.of(
                                s.kind().label(),
                                "课题：" + s.topic(),
                                s.chapter().isBlank() ? null : "章节：" + s.chapter(),
                                teacher == null ? null : "授课：" + teacher,
                                s.heldOn().toString(),
                                s.location().isBlank() ? null : s.location())
                        .filter(t -> t != null)
                        .toList());
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    static UUID lessonId(@Nullable String text) {
        try {
            return UUID.fromString(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("lessonId", "课的编号格式不正确: " + text);
        }
    }
}
