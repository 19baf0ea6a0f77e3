package org.lessoncommons.storage;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface Accounts extends ListCrudRepository<Account, UUID> {

    Optional<Account> findByUsername(String username);
}
