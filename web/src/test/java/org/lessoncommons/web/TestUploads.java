package org.lessoncommons.web;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Uploads through the real API, and waits for the ingest queue, for the hardening tests. Not named
 * {@code Uploads}: that is the upload controller of the same package, which a test class of that
 * name hides on the test classpath.
 */
final class TestUploads {

    private TestUploads() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Uploaded(
            UUID id,
            String title,
            String fileName,
            String contentType,
            String status,
            @Nullable String failureReason,
            String sha256,
            long sizeBytes) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hit(String id) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Results(long total, List<Hit> hits) {}

    static LinkedMultiValueMap<String, Object> form(UUID schoolId, String fileName, byte[] content) {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        form.add("subject", "语文");
        form.add("grade", "三年级");
        form.add("resourceType", "教案");
        form.add("schoolId", schoolId.toString());
        return form;
    }

    static Uploaded upload(RestClient http, UUID schoolId, String fileName, byte[] content) {
        return http.post()
                .uri("/api/materials")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form(schoolId, fileName, content))
                .retrieve()
                .body(Uploaded.class);
    }

    static Uploaded get(RestClient http, UUID id) {
        return http.get().uri("/api/materials/{id}", id).retrieve().body(Uploaded.class);
    }

    /** Waits until extraction is over (INDEXED or FAILED) and returns the material then. */
    static Uploaded awaitExtracted(RestClient http, UUID id) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> List.of("INDEXED", "FAILED").contains(get(http, id).status()));
        return get(http, id);
    }

    static Results search(RestClient http, String query) {
        return http.get().uri("/api/search?q={q}", query).retrieve().body(Results.class);
    }
}
