package org.lessoncommons.storage.lending;

import java.util.UUID;

/** The school already has a copy with this barcode or asset tag. */
public class DuplicateBarcode extends RuntimeException {

    public DuplicateBarcode(UUID schoolId, String barcode) {
        super("School " + schoolId + " already has a copy with barcode " + barcode);
    }
}
