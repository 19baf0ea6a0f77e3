package org.lessoncommons.storage;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How often each material was downloaded, counted in PostgreSQL (the index keeps a copy). */
@Component
public class Downloads {

    private final JdbcClient jdbc;

    Downloads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one download and answers the new total; concurrent downloads are all counted. */
    public long count(UUID materialId) {
        return jdbc.sql("""
                        INSERT INTO material_download (material_id, downloads) VALUES (:id, 1)
                        ON CONFLICT (material_id) DO UPDATE SET downloads = material_download.downloads + 1
                        RETURNING downloads
                        """).param("id", materialId).query(Long.class).single();
    }

    public long of(UUID materialId) {
        return jdbc.sql("SELECT downloads FROM material_download WHERE material_id = :id")
                .param("id", materialId)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }
}
