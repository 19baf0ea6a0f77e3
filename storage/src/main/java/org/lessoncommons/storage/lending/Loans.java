package org.lessoncommons.storage.lending;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface Loans extends ListCrudRepository<Loan, UUID> {

    @Query("SELECT * FROM lending_loan WHERE copy_id = :copyId AND state IN ('REQUESTED', 'APPROVED', 'CHECKED_OUT')")
    Optional<Loan> findActiveByCopyId(UUID copyId);
}
