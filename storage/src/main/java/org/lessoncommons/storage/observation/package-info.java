/**
 * 听课评课: observation sessions (观摩课, 示范课, 研讨课, 同课异构) with their lessons, observers and
 * files; evaluations against an alliance's rubric, comments pinned to a moment of a lesson video,
 * and the counts and averages reports need ({@link org.lessoncommons.storage.observation.SessionCounts},
 * {@link org.lessoncommons.storage.observation.Evaluations}).
 */
@NullMarked
package org.lessoncommons.storage.observation;

import org.jspecify.annotations.NullMarked;
