/**
 * The lending library's way in and its index: a school's holdings imported from CSV (UTF-8 or GBK)
 * and Excel sheets with a result per row, and the catalog index kept in step with PostgreSQL.
 */
@NullMarked
package org.lessoncommons.ingest.lending;

import org.jspecify.annotations.NullMarked;
