package org.lessoncommons.storage.lending;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One physical book or device. The owner lends it; the shelf is the school where it stands now
 * (the owner's, until it drifts elsewhere).
 *
 * @param barcode the book's barcode (条码) or the device's asset tag (资产编号), unique per owner
 */
@Table("lending_copy")
public record Copy(
        @Id UUID id,
        UUID titleId,
        UUID ownerSchoolId,
        UUID shelfSchoolId,
        String barcode,
        Instant createdAt,
        @Nullable @Version Integer version) {

    public Copy {
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    }

    public static Copy of(CatalogTitle title, UUID ownerSchoolId, String barcode) {
        return new Copy(UUID.randomUUID(), title.id(), ownerSchoolId, ownerSchoolId, barcode, Instant.now(), null);
    }

    Copy shelvedAt(UUID schoolId) {
        return new Copy(id, titleId, ownerSchoolId, schoolId, barcode, createdAt, version);
    }
}
