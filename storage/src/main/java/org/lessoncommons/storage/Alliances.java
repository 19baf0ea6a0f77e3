package org.lessoncommons.storage;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface Alliances extends ListCrudRepository<Alliance, UUID> {

    Optional<Alliance> findByName(String name);
}
