package org.lessoncommons.storage;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface Materials extends ListCrudRepository<Material, UUID> {

    List<Material> findTop20ByOrderByCreatedAtDesc();

    List<Material> findBySchoolIdOrderByCreatedAtDesc(UUID schoolId);

    /** A teacher's own uploads, newest first (deleted ones too). */
    List<Material> findTop200ByUploaderIdOrderByCreatedAtDesc(UUID uploaderId);

    long countBySha256(String sha256);

    long countByStatusIn(Collection<MaterialStatus> statuses);

    /** What the search index should hold: extracted (or failed) and not deleted. */
    long countByStatusInAndDeletedAtIsNull(Collection<MaterialStatus> statuses);

    /** Marks the material deleted (now) or restores it (null); bumps its version. */
    @Modifying
    @Query("""
            UPDATE material SET deleted_at = :deletedAt, updated_at = now(), version = version + 1 WHERE id = :id
            """)
    int markDeleted(@Param("id") UUID id, @Param("deletedAt") java.sql.@Nullable Timestamp deletedAt);

    /** Sets the status without loading the material; bumps its version. Returns the rows changed. */
    @Modifying
    @Query("""
            UPDATE material SET status = :status, failure_reason = :reason, updated_at = now(), version = version + 1
            WHERE id = :id
            """)
    int updateStatus(@Param("id") UUID id, @Param("status") String status, @Param("reason") @Nullable String reason);

    default int updateStatus(UUID id, MaterialStatus status, @Nullable String reason) {
        return updateStatus(id, status.name(), reason);
    }
}
