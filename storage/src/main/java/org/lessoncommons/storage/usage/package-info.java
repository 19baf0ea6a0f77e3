/**
 * Usage events (views, downloads, uploads, searches), written asynchronously in batches, and the
 * SQL that sums them with the materials into reports scoped to what a viewer may see.
 */
@NullMarked
package org.lessoncommons.storage.usage;

import org.jspecify.annotations.NullMarked;
