package org.lessoncommons.search;

/** Who a material is shared with, as its uploader chose. */
public enum Sharing {
    /** Every member of the contributing school's alliance (联盟共享). */
    ALLIANCE,
    /** The contributing school only (本校). */
    SCHOOL,
    /** The uploader (and the school's administrators) only (仅自己). */
    PRIVATE
}
