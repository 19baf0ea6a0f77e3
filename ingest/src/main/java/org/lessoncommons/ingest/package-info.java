/**
 * The upload pipeline: stream the file to the object store while hashing it, save its row and an
 * outbox job in one transaction, then extract text with Tika and index it from the queue.
 */
@NullMarked
package org.lessoncommons.ingest;

import org.jspecify.annotations.NullMarked;
