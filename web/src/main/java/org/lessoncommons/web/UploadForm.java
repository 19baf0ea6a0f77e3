package org.lessoncommons.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.Upload;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.Sharing;
import org.lessoncommons.storage.Subject;
import org.lessoncommons.web.accounts.Forbidden;
import org.lessoncommons.web.accounts.Viewer;
import org.springframework.web.multipart.MultipartFile;

/**
 * The metadata fields of an upload, as the API and the upload page send them. Vocabulary fields
 * accept a code ({@code MATH}) or a Chinese label ({@code 数学}).
 */
record UploadForm(
        @Nullable String title,
        @Nullable String description,
        @Nullable String subject,
        @Nullable String grade,
        @Nullable String resourceType,
        @Nullable String schoolId,
        @Nullable String sharing) {

    static final int MAX_TITLE = 300;
    static final int MAX_DESCRIPTION = 5000;

    /**
     * The viewer's upload, with an optional sidecar subtitle file (.srt/.vtt) for a video, for the
     * viewer's school (or, for an administrator, a school they administer).
     */
    Upload toUpload(@Nullable MultipartFile file, @Nullable MultipartFile subtitles, Viewer viewer, Schools schools) {
        if (file == null || file.isEmpty()) {
            throw new InvalidField("file", "请选择要上传的文件（文件不能为空）");
        }
        if (title != null && title.strip().length() > MAX_TITLE) {
            throw new InvalidField("title", "标题不能超过 " + MAX_TITLE + " 个字");
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidField("description", "简介不能超过 " + MAX_DESCRIPTION + " 个字");
        }
        try {
            return new Upload(
                    file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
                    file.getInputStream(),
                    schoolFor(viewer, schools),
                    viewer.accountId(),
                    title,
                    description == null ? "" : description,
                    required("subject", subject, Subject::parse, "学科"),
                    required("grade", grade, Grade::parse, "年级"),
                    required("resourceType", resourceType, ResourceType::parse, "资源类型"),
                    subtitles == null || subtitles.isEmpty() ? null : subtitles.getInputStream(),
                    chosenSharing());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Sharing chosenSharing() {
        Sharing chosen = optional("sharing", sharing, Sharing::parse, "共享范围");
        return chosen == null ? Sharing.ALLIANCE : chosen;
    }

    /** The viewer's own school unless another is named, which only its administrators may do. */
    UUID schoolFor(Viewer viewer, Schools schools) {
        if (schoolId == null || schoolId.isBlank()) {
            return viewer.schoolId();
        }
        UUID named;
        try {
            named = UUID.fromString(schoolId.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidField("schoolId", "学校编号格式不正确: " + schoolId);
        }
        if (named.equals(viewer.schoolId())) {
            return named;
        }
        School school = schools.findById(named).orElseThrow(() -> new InvalidField("schoolId", "没有这所学校: " + named));
        if (!viewer.administers(school)) {
            throw new Forbidden("只能以本校的名义上传资源");
        }
        return named;
    }

    /** A vocabulary value that may be left out; an unknown one is still an error. */
    static <T> @Nullable T optional(
            String field,
            @Nullable String value,
            java.util.function.Function<String, java.util.Optional<T>> parse,
            String label) {
        return value == null || value.isBlank() ? null : required(field, value, parse, label);
    }

    private static <T> T required(
            String field,
            @Nullable String value,
            java.util.function.Function<String, java.util.Optional<T>> parse,
            String label) {
        if (value == null || value.isBlank()) {
            throw new InvalidField(field, "请选择" + label);
        }
        return parse.apply(value).orElseThrow(() -> new InvalidField(field, "未知的" + label + ": " + value));
    }
}
