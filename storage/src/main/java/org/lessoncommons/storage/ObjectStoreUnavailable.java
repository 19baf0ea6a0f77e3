package org.lessoncommons.storage;

/** The object store could not be reached or refused a request; the operation may be retried. */
public class ObjectStoreUnavailable extends RuntimeException {

    public ObjectStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
