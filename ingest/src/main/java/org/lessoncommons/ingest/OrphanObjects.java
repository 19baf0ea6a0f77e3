package org.lessoncommons.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lessoncommons.ingest.Drift.Action;
import org.lessoncommons.ingest.Drift.Kind;
import org.lessoncommons.storage.BlobStore;
import org.lessoncommons.storage.BlobStore.StoredObject;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Objects no row refers to: the bytes of an upload that crashed between its PUT and its commit,
 * or of rows deleted by hand. Deleted only when older than the grace period, since every upload
 * stores its bytes before its row.
 */
class OrphanObjects {

    private final JdbcClient jdbc;
    private final BlobStore blobStore;
    private final Duration grace;

    OrphanObjects(JdbcClient jdbc, BlobStore blobStore, Duration grace) {
        this.jdbc = jdbc;
        this.blobStore = blobStore;
        this.grace = grace;
    }

    /**
     * @param blobKeys the object keys of all blob rows
     * @param shas the SHA-256 of all blob rows
     */
    List<Drift> find(
            Collection<StoredObject> objects, Set<String> blobKeys, Set<String> shas, Instant now, boolean repair) {
        Set<String> posterKeys = new HashSet<>(jdbc.sql("SELECT poster_key FROM media WHERE poster_key IS NOT NULL")
                .query(String.class)
                .list());
        Set<String> materialIds = new HashSet<>(
                jdbc.sql("SELECT id::text FROM material").query(String.class).list());
        List<Drift> drifts = new ArrayList<>();
        for (StoredObject object : objects) {
            if (referenced(object.key(), blobKeys, shas, posterKeys, materialIds)) {
                continue;
            }
            boolean old = !object.lastModified().plus(grace).isAfter(now);
            if (old && repair) {
                blobStore.delete(object.key());
            }
            drifts.add(new Drift(
                    Kind.ORPHAN_OBJECT,
                    object.key(),
                    object.size() + " bytes, stored " + object.lastModified() + ", referred to by no row",
                    !old ? Action.WITHIN_GRACE : repair ? Action.REPAIRED : Action.REPORTED));
        }
        return drifts;
    }

    /** Keys the app writes: blobs/<uuid>, text/<sha>.txt, posters/<sha>.jpg, subtitles/<material>.txt. */
    private static boolean referenced(
            String key, Set<String> blobKeys, Set<String> shas, Set<String> posterKeys, Set<String> materialIds) {
        if (key.startsWith("blobs/")) {
            return blobKeys.contains(key);
        }
        if (key.startsWith("text/") && key.endsWith(".txt")) {
            return shas.contains(key.substring("text/".length(), key.length() - ".txt".length()));
        }
        if (key.startsWith("posters/")) {
            return posterKeys.contains(key);
        }
        if (key.startsWith("subtitles/") && key.endsWith(".txt")) {
            return materialIds.contains(key.substring("subtitles/".length(), key.length() - ".txt".length()));
        }
        // Not ours (someone else's object in the bucket): never touched.
        return true;
    }
}
