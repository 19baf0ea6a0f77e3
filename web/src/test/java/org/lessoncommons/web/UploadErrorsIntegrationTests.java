package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class UploadErrorsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Alliances alliances;

    @Autowired
    Schools schools;

    @Autowired
    Accounts accounts;

    @Autowired
    Materials materials;

    @Autowired
    PasswordEncoder passwordEncoder;

    RestClient teacher;

    @BeforeEach
    void setUp() {
        Alliance alliance = alliances.save(Alliance.named("上传联盟 " + UUID.randomUUID()));
        School school = schools.save(School.of(alliance, "上传小学 " + UUID.randomUUID(), School.Membership.CORE));
        teacher = SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, school, Role.TEACHER));
    }

    @Test
    void aProgramIsRefusedAsUnsupportedOnTheApiAndThePageAndNothingIsStored() {
        long before = materials.count();

        ResponseEntity<String> api = post("/api/materials", "安装程序.exe", new byte[] {'M', 'Z', 0, 0});
        ResponseEntity<String> page = post("/upload", "安装程序.exe", new byte[] {'M', 'Z', 0, 0});

        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(api.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.getBody()).contains("\"field\":\"file\"", "安装程序.exe");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(page.getBody()).contains("id=\"upload-error\"", "不能上传程序或脚本文件");
        assertThat(materials.count()).isEqualTo(before);
    }

    @Test
    void aFileOverTheLimitGetsAReadablePageSayingSo() {
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];

        ResponseEntity<String> page = post("/upload", "很大的课件.pdf", twoMegabytes);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(page.getBody()).contains("文件超过了允许的大小上限");
        assertThat(page.getHeaders().getContentType()).isNotNull();
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML))
                .as(page.getHeaders().getContentType().toString())
                .isTrue();
    }

    private ResponseEntity<String> post(String path, String name, byte[] bytes) {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        form.add("subject", "MATH");
        form.add("grade", "GRADE_3");
        form.add("resourceType", "COURSEWARE");
        form.add("title", "保留的标题");
        return teacher.post()
                .uri(path)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .onStatus(s -> true, (request, response) -> {})
                .toEntity(String.class);
    }
}
