/**
 * The source of truth: alliances, schools, accounts and materials in PostgreSQL, file bytes in an
 * S3-compatible object store. Knows nothing about search or extraction.
 */
@NullMarked
package org.lessoncommons.storage;

import org.jspecify.annotations.NullMarked;
