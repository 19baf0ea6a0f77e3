package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServedTypeTests {

    @ParameterizedTest
    @CsvSource({
        "application/pdf, application/pdf",
        "image/jpeg, image/jpeg",
        "video/mp4, video/mp4",
        "text/plain; charset=UTF-8, text/plain;charset=UTF-8",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "text/html; charset=UTF-8, application/octet-stream",
        "application/xhtml+xml, application/octet-stream",
        "image/svg+xml, application/octet-stream",
        "application/xml, application/octet-stream",
        "text/javascript, application/octet-stream",
        "application/vnd.ms-htmlhelp, application/octet-stream",
        "not a type, application/octet-stream"
    })
    void servesOnlyPassiveTypesAsThemselves(String sniffed, String served) {
        assertThat(ServedType.of(sniffed).toString()).isEqualTo(served);
    }
}
