/**
 * The lending library's catalog index: books and equipment searchable in Chinese (smartcn words and
 * CJK bigrams, traditional folded to simplified), with facets by kind, owning school and
 * availability. Small and in memory, rebuilt from PostgreSQL at every start.
 */
@NullMarked
package org.lessoncommons.search.catalog;

import org.jspecify.annotations.NullMarked;
