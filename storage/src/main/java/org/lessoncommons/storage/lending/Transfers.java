package org.lessoncommons.storage.lending;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface Transfers extends ListCrudRepository<Transfer, UUID> {

    List<Transfer> findByCopyIdOrderByMovedAt(UUID copyId);
}
