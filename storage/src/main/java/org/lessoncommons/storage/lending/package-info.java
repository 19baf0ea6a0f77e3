/**
 * The lending library (图书漂流 / 设备轮用): catalog titles, physical copies with their barcodes and
 * shelves, loans, holds and transfers, and {@link org.lessoncommons.storage.lending.Circulation}, which
 * moves loans through their states. The database, not the application, guarantees that a copy is
 * never lent twice at once. Knows nothing about who may do what: callers check that.
 */
@NullMarked
package org.lessoncommons.storage.lending;

import org.jspecify.annotations.NullMarked;
