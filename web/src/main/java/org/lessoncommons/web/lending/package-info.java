/**
 * The lending library's API ({@code /api/lending}) and pages ({@code /lending}): catalog search,
 * requests, the school desk (approve, check out, return, overdue and reminders), holds, transfers and
 * the holdings import. Every step checks the {@link org.lessoncommons.web.accounts.Viewer} here and
 * is written to the audit log.
 */
@NullMarked
package org.lessoncommons.web.lending;

import org.jspecify.annotations.NullMarked;
