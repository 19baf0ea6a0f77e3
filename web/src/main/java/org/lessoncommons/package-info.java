@NullMarked
package org.lessoncommons;

import org.jspecify.annotations.NullMarked;
