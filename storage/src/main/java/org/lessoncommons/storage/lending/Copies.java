package org.lessoncommons.storage.lending;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface Copies extends ListCrudRepository<Copy, UUID> {

    List<Copy> findByTitleIdOrderByBarcode(UUID titleId);

    boolean existsByOwnerSchoolIdAndBarcode(UUID ownerSchoolId, String barcode);
}
