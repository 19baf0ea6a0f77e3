package org.lessoncommons.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/** Distinct file content, named by its SHA-256 and stored once in the object store. */
@Table("blob")
public record Blob(@Id String sha256, String objectKey, long sizeBytes, String contentType, Instant createdAt)
        implements Persistable<String> {

    public Blob {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a lowercase hex SHA-256: " + sha256);
        }
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public String getId() {
        return sha256;
    }

    /** Blobs are immutable: a save is always an insert. */
    @Override
    @Transient
    public boolean isNew() {
        return true;
    }
}
