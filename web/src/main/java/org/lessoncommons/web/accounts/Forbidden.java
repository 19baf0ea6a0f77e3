package org.lessoncommons.web.accounts;

/** The viewer is signed in but may not do this; the message says why, in words for a teacher. */
public class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message);
    }
}
