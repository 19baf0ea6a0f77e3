package org.lessoncommons.storage;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface Schools extends ListCrudRepository<School, UUID> {

    List<School> findByAllianceIdOrderByMembershipAscNameAsc(UUID allianceId);

    Optional<School> findByName(String name);
}
