/**
 * The Lucene full-text index over materials, with Chinese word segmentation and a CJK-bigram
 * sub-field for recall. Derived data: everything here can be rebuilt from storage.
 */
@NullMarked
package org.lessoncommons.search;

import org.jspecify.annotations.NullMarked;
