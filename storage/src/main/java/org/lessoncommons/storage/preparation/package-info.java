/**
 * 集体备课: preparation groups across the schools of an alliance and their preparation packages
 * (materials in an order with notes, a plan kept in versions, a discussion thread). Who may see a
 * packaged material is decided above this package, by the material's own sharing.
 */
@NullMarked
package org.lessoncommons.storage.preparation;

import org.jspecify.annotations.NullMarked;
