package org.lessoncommons;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The storage, search and ingest modules wired together, as the web app wires them. */
@SpringBootApplication
public class IngestTestApplication {}
