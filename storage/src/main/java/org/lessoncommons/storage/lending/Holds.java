package org.lessoncommons.storage.lending;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface Holds extends ListCrudRepository<Hold, UUID> {

    /** The queue of a title, first come first served. */
    @Query("SELECT * FROM lending_hold WHERE title_id = :titleId AND state = 'WAITING' ORDER BY placed_at, id")
    List<Hold> findQueue(UUID titleId);

    /** The head of the queue, locked so that two returns never offer two copies to one hold. */
    @Query("""
            SELECT * FROM lending_hold WHERE title_id = :titleId AND state = 'WAITING'
            ORDER BY placed_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
            """)
    Optional<Hold> lockNextInQueue(UUID titleId);

    @Query("SELECT count(*) > 0 FROM lending_hold WHERE title_id = :titleId AND state = 'WAITING'")
    boolean anyWaiting(UUID titleId);
}
