package org.lessoncommons.search;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One result. {@code snippetHtml} and {@code titleHtml} are HTML-escaped text in which only the
 * matched words are wrapped in {@code <mark>…</mark>}: safe to render as HTML.
 */
public record SearchHit(
        String id,
        String title,
        String titleHtml,
        String snippetHtml,
        String subject,
        String grade,
        String resourceType,
        String schoolId,
        String schoolName,
        String fileName,
        String contentType,
        Instant createdAt,
        @Nullable String edition,
        @Nullable String semester,
        long downloads,
        float score) {}
