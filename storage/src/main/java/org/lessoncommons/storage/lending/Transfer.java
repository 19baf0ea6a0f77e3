package org.lessoncommons.storage.lending;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A copy moved from one school's shelf to another's (漂流): one step of its journey. */
@Table("lending_transfer")
public record Transfer(
        @Id UUID id,
        UUID copyId,
        UUID fromSchoolId,
        UUID toSchoolId,
        @Nullable UUID movedBy,
        Instant movedAt,
        String note,
        @Nullable @Version Integer version) {

    public Transfer {
        movedAt = movedAt.truncatedTo(ChronoUnit.MICROS);
        note = note == null ? "" : note;
    }
}
