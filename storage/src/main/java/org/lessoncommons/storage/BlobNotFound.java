package org.lessoncommons.storage;

/** No object with this key exists in the store. */
public class BlobNotFound extends RuntimeException {

    public BlobNotFound(String key) {
        super("No object with key " + key);
    }
}
