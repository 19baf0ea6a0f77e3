package org.lessoncommons.storage.usage;

/**
 * Uploads, views and downloads under one key of a dimension (a school id, a subject or grade code, or
 * a month {@code 2026-09}).
 */
public record UsageCount(String key, long uploads, long views, long downloads) {}
