package org.lessoncommons.web.observation;

/** No session (or lesson) by this id in the viewer's alliance. */
class SessionNotFound extends RuntimeException {

    SessionNotFound(String what) {
        super(what);
    }
}
