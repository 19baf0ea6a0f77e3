/** System administration: the consistency check between database, object store and index. */
@NullMarked
package org.lessoncommons.web.admin;

import org.jspecify.annotations.NullMarked;
