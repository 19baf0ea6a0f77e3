package org.lessoncommons.storage;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface Accounts extends ListCrudRepository<Account, UUID> {

    Optional<Account> findByUsername(String username);

    List<Account> findBySchoolIdOrderByUsername(UUID schoolId);

    boolean existsByUsername(String username);

    /** Whether any account can sign in with a password (else the first administrator is created). */
    @Query("SELECT count(*) > 0 FROM account WHERE password_hash IS NOT NULL AND enabled")
    boolean anyCanSignIn();
}
