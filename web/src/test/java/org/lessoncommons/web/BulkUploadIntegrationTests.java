package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BulkUploadIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Alliances alliances;

    @Autowired
    Schools schools;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(String entryName, String outcome, UUID materialId, String message) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Progress(UUID id, String status, int total, List<Item> items) {}

    @Test
    void aZipOfAGbkNamedFolderIsImportedFileByFileAndCanBeWatched() throws IOException {
        Alliance alliance = alliances.save(Alliance.named("联盟 " + UUID.randomUUID()));
        School school = schools.save(School.of(alliance, "城南中学 " + UUID.randomUUID(), School.Membership.MEMBER));
        RestClient http = SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, school, Role.TEACHER));
        byte[] zip = gbkZip();
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource(zip) {
            @Override
            public String getFilename() {
                return "八年级物理备课.zip";
            }
        });
        form.add("schoolId", school.id().toString());

        ResponseEntity<Progress> accepted = http.post()
                .uri("/api/batches")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .toEntity(Progress.class);
        URI location = accepted.getHeaders().getLocation();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !"RUNNING"
                        .equals(http.get()
                                .uri(location)
                                .retrieve()
                                .body(Progress.class)
                                .status()));
        Progress done = http.get().uri(location).retrieve().body(Progress.class);
        String page = http.get().uri("/batches/" + done.id()).retrieve().body(String.class);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.items())
                .extracting(Item::entryName)
                .containsExactly("物理/八年级/第十章/浮力-试卷.pdf", "物理/八年级/第十章/说明.txt");
        assertThat(done.items()).extracting(Item::outcome).containsOnly("ACCEPTED");
        assertThat(page).contains("导入完成").contains("浮力-试卷.pdf");
        School other = schools.save(School.of(alliance, "城北中学 " + UUID.randomUUID(), School.Membership.MEMBER));
        RestClient outsider = SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, other, Role.TEACHER));
        HttpStatusCode outsiderSees =
                outsider.get().uri(location).exchange((request, response) -> response.getStatusCode());
        assertThat(outsiderSees).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anUnknownBatchIsA404ProblemDetail() {
        Alliance alliance = alliances.save(Alliance.named("联盟 " + UUID.randomUUID()));
        School school = schools.save(School.of(alliance, "城东中学 " + UUID.randomUUID(), School.Membership.MEMBER));
        RestClient http = SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, school, Role.TEACHER));

        var status = http.get()
                .uri("/api/batches/{id}", UUID.randomUUID())
                .exchange((request, response) -> response.getStatusCode());

        assertThat(status).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static byte[] gbkZip() throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes, Charset.forName("GBK"))) {
            zip.putNextEntry(new ZipEntry("物理/八年级/第十章/浮力-试卷.pdf"));
            zip.write(Files.readAllBytes(Fixtures.path("浮力-试卷.pdf")));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("物理/八年级/第十章/说明.txt"));
            zip.write("第十章 浮力 单元复习资料".getBytes(Charset.forName("UTF-8")));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
