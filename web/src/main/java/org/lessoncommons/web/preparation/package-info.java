/** 集体备课: the pages and API of preparation groups and packages, and the package ZIP export. */
@NullMarked
package org.lessoncommons.web.preparation;

import org.jspecify.annotations.NullMarked;
