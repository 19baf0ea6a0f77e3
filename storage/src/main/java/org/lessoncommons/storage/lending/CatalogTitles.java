package org.lessoncommons.storage.lending;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface CatalogTitles extends ListCrudRepository<CatalogTitle, UUID> {

    Optional<CatalogTitle> findByAllianceIdAndIsbn(UUID allianceId, String isbn);

    boolean existsByAllianceId(UUID allianceId);

    /** A title without ISBN, matched as its unique index does. */
    @Query("""
            SELECT * FROM lending_title
            WHERE alliance_id = :allianceId AND kind = :kind AND title = :title AND author = :author
              AND model = :model AND isbn IS NULL
            """)
    Optional<CatalogTitle> findUnnumbered(UUID allianceId, String kind, String title, String author, String model);
}
