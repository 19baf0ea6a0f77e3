/**
 * Accounts and who may do what: sign-in (form login, CSRF, throttling), the signed-in
 * {@link org.lessoncommons.web.accounts.Viewer}, account and school administration, and the audit
 * log.
 */
@NullMarked
package org.lessoncommons.web.accounts;

import org.jspecify.annotations.NullMarked;
