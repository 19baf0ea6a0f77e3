package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/** A real file uploaded through the API by a signed-in client, and waited for until searchable. */
@JsonIgnoreProperties(ignoreUnknown = true)
record Uploaded(UUID id, String status, String sha256, String title) {

    static Uploaded file(RestClient http, Path file, String subject, String grade, String type, String... more) {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new FileSystemResource(file));
        form.add("subject", subject);
        form.add("grade", grade);
        form.add("resourceType", type);
        for (int i = 0; i < more.length; i += 2) {
            form.add(more[i], more[i + 1]);
        }
        ResponseEntity<Uploaded> response = http.post()
                .uri("/api/materials")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .toEntity(Uploaded.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    Uploaded awaitIndexed(RestClient http) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "INDEXED"
                        .equals(http.get()
                                .uri("/api/materials/{id}", id)
                                .retrieve()
                                .body(Uploaded.class)
                                .status()));
        return this;
    }
}
