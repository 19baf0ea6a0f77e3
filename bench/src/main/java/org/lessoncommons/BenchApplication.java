package org.lessoncommons;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The storage, search and ingest modules wired together as the web app wires them, without the web
 * layer: what the ingest benchmark starts (like the ingest module's IngestTestApplication).
 */
@SpringBootApplication
public class BenchApplication {}
