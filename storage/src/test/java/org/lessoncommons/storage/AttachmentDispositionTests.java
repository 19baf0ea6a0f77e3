package org.lessoncommons.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttachmentDispositionTests {

    @Test
    void carriesChineseNameAsRfc5987WithAsciiFallback() {
        String header = AttachmentDisposition.of("三年级 语文 教案.docx");

        assertThat(header)
                .isEqualTo(
                        "attachment; filename=\"download.docx\"; "
                                + "filename*=UTF-8''%E4%B8%89%E5%B9%B4%E7%BA%A7%20%E8%AF%AD%E6%96%87%20%E6%95%99%E6%A1%88.docx");
    }

    @Test
    void keepsReadableAsciiInTheFallback() {
        String header = AttachmentDisposition.of("Unit 3 课件 v2.pptx");

        assertThat(header).startsWith("attachment; filename=\"Unit 3 __ v2.pptx\"; filename*=UTF-8''Unit%203%20");
    }

    @Test
    void dropsLineBreaksQuotesAndBidiOverrides() {
        String header = AttachmentDisposition.of("a\"\r\nSet-Cookie: x=1;\u202Efdp.exe");

        assertThat(header)
                .doesNotContain("\r", "\n", "\u202E")
                .startsWith("attachment; filename=\"a_Set-Cookie: x=1;fdp.exe\"; filename*=UTF-8''a%22Set-Cookie%3A");
    }

    @Test
    void neverNamesAPath() {
        String header = AttachmentDisposition.of("../../etc/passwd");

        assertThat(header).isEqualTo("attachment; filename=\".._.._etc_passwd\"; filename*=UTF-8''.._.._etc_passwd");
    }

    @Test
    void namesNamelessFilesDownload() {
        String header = AttachmentDisposition.of(" \u0000 ");

        assertThat(header).isEqualTo("attachment; filename=\"download\"; filename*=UTF-8''download");
    }
}
