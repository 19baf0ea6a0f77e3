package org.lessoncommons.storage.lending;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface Copies extends ListCrudRepository<Copy, UUID> {

    boolean existsByOwnerSchoolIdAndBarcode(UUID ownerSchoolId, String barcode);
}
