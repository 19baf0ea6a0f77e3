/**
 * 听课评课: the pages and API of observation sessions, uploading a session's files in one step,
 * evaluations against the alliance's rubric, comments pinned to a moment of the lesson video, and
 * the per-teacher and per-school aggregates.
 */
@NullMarked
package org.lessoncommons.web.observation;

import org.jspecify.annotations.NullMarked;
