package org.lessoncommons.storage.observation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.Subject;

/** A lesson observation event hosted by one school of the alliance. */
public record ObservationSession(
        UUID id,
        UUID allianceId,
        UUID hostSchoolId,
        SessionKind kind,
        String topic,
        Subject subject,
        Grade grade,
        String chapter,
        LocalDate heldOn,
        String location,
        UUID createdBy,
        Instant createdAt) {

    public static ObservationSession of(
            UUID allianceId,
            UUID hostSchoolId,
            SessionKind kind,
            String topic,
            Subject subject,
            Grade grade,
            String chapter,
            LocalDate heldOn,
            String location,
            UUID createdBy) {
        return new ObservationSession(
                UUID.randomUUID(),
                allianceId,
                hostSchoolId,
                kind,
                topic,
                subject,
                grade,
                chapter,
                heldOn,
                location,
                createdBy,
                Instant.now());
    }
}
