package org.lessoncommons.web.preparation;

/** No preparation package (or plan version, or item) by this id that the viewer may open. */
class PackageNotFound extends RuntimeException {

    PackageNotFound(String what) {
        super(what);
    }
}
