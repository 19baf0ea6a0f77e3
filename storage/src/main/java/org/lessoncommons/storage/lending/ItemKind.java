package org.lessoncommons.storage.lending;

/** What a catalog title is: a book (图书) or a piece of equipment (器材). */
public enum ItemKind {
    BOOK,
    EQUIPMENT
}
