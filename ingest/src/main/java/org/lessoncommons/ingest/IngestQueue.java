package org.lessoncommons.ingest;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.MaterialStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The durable ingest queue: rows of {@code ingest_job}, written in the same transaction as their
 * material (a transactional outbox). A claimed job is leased, so a worker that dies mid-job (even
 * by kill -9) only delays it until the lease runs out, or until this instance starts again: one
 * instance consumes the queue, since the index it feeds is its own (the index folder is locked),
 * so at start every lease left is one of a run that is gone.
 *
 * <p>Each method is one statement: a job and its material's status change together.
 */
class IngestQueue {

    record Job(UUID materialId, int attempts) {}

    private final JdbcClient jdbc;
    private final Duration lease;

    IngestQueue(JdbcClient jdbc, Duration lease) {
        this.jdbc = jdbc;
        this.lease = lease;
    }

    void enqueue(UUID materialId) {
        jdbc.sql("INSERT INTO ingest_job (material_id) VALUES (:id) ON CONFLICT (material_id) DO NOTHING")
                .param("id", materialId)
                .update();
    }

    /**
     * Takes the oldest due job, if any, and marks its material EXTRACTING; SKIP LOCKED lets several
     * workers claim side by side.
     */
    Optional<Job> claim() {
        return jdbc.sql("""
                        WITH job AS (
                            UPDATE ingest_job SET attempts = attempts + 1,
                                   locked_until = now() + make_interval(secs => :lease)
                            WHERE material_id = (
                                SELECT material_id FROM ingest_job
                                WHERE next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
                                ORDER BY next_attempt_at
                                LIMIT 1
                                FOR UPDATE SKIP LOCKED)
                            RETURNING material_id, attempts),
                        extracting AS (
                            UPDATE material SET status = 'EXTRACTING', failure_reason = NULL,
                                   updated_at = now(), version = version + 1
                            FROM job WHERE material.id = job.material_id)
                        SELECT material_id, attempts FROM job
                        """)
                .param("lease", lease.toSeconds())
                .query((rs, row) -> new Job(rs.getObject("material_id", UUID.class), rs.getInt("attempts")))
                .optional();
    }

    /** Drops the job of a material that is gone. */
    void complete(UUID materialId) {
        jdbc.sql("DELETE FROM ingest_job WHERE material_id = :id")
                .param("id", materialId)
                .update();
    }

    /** Drops the job and records its outcome on the material (INDEXED or FAILED). */
    void complete(UUID materialId, MaterialStatus status, @Nullable String reason, String contentType) {
        jdbc.sql("""
                        WITH done AS (DELETE FROM ingest_job WHERE material_id = :id)
                        UPDATE material SET status = :status, failure_reason = :reason, content_type = :type,
                               updated_at = now(), version = version + 1
                        WHERE id = :id
                        """)
                .param("id", materialId)
                .param("status", status.name())
                .param("reason", reason)
                .param("type", contentType)
                .update();
    }

    /** Puts the job back for a later attempt; its material is PENDING again, with the error. */
    void retryLater(UUID materialId, Duration delay, String error) {
        jdbc.sql("""
                        WITH pending AS (
                            UPDATE material SET status = 'PENDING', failure_reason = :error,
                                   updated_at = now(), version = version + 1
                            WHERE id = :id)
                        UPDATE ingest_job SET locked_until = NULL, last_error = :error,
                               next_attempt_at = now() + make_interval(secs => :delay)
                        WHERE material_id = :id
                        """)
                .param("id", materialId)
                .param("delay", delay.toMillis() / 1000.0)
                .param("error", error)
                .update();
    }

    /**
     * Makes every leased job claimable at once; only for a start, when the jobs still leased are
     * those of a run that is gone. Returns how many there were.
     */
    int releaseLeases() {
        return jdbc.sql("UPDATE ingest_job SET locked_until = NULL WHERE locked_until IS NOT NULL")
                .update();
    }

    long pending() {
        return jdbc.sql("SELECT count(*) FROM ingest_job").query(Long.class).single();
    }

    @Nullable
    String lastError(UUID materialId) {
        return jdbc.sql("SELECT last_error FROM ingest_job WHERE material_id = :id")
                .param("id", materialId)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
