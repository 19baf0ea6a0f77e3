/** The web application: JSON API under {@code /api} and server-rendered pages for teachers. */
@NullMarked
package org.lessoncommons.web;

import org.jspecify.annotations.NullMarked;
