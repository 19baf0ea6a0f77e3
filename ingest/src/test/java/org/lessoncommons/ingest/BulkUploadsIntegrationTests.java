package org.lessoncommons.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lessoncommons.IngestTestApplication;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.Subject;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = IngestTestApplication.class)
class BulkUploadsIntegrationTests {

    @Autowired
    BulkUploads bulkUploads;

    @Autowired
    Materials materials;

    @Autowired
    Alliances alliances;

    @Autowired
    Schools schools;

    @TempDir
    Path temp;

    School school;

    @BeforeEach
    void setUp() {
        Alliance alliance = alliances.save(Alliance.named("联盟 " + UUID.randomUUID()));
        school = schools.save(School.of(alliance, "育英初级中学", School.Membership.MEMBER));
    }

    @Test
    void importsAFolderTreeInferringMetadataFromPathsAndReportsEachFile() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("2024秋/数学/三年级/第八单元/分数的初步认识.pdf", fixture("分数的初步认识-教案.pdf"));
        files.put("2024秋/语文/一年级/静夜思 教案.docx", fixture("静夜思-教案.docx"));
        files.put("2024秋/语文/一年级/静夜思 教案 副本.docx", fixture("静夜思-教案.docx"));
        files.put("__MACOSX/2024秋/._静夜思 教案.docx", new byte[] {0, 5, 22, 7});
        files.put("2024秋/.DS_Store", new byte[] {0, 0, 0, 1});
        files.put("../../../etc/七年级 地理 课件.txt", "七年级地理：世界的气候".getBytes(StandardCharsets.UTF_8));
        files.put("说明.txt", "本压缩包是三年级集体备课材料".getBytes(StandardCharsets.UTF_8));

        BatchProgress done = importZip(zip(files, StandardCharsets.UTF_8), null);

        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.total()).isEqualTo(7);
        assertThat(done.items())
                .extracting(BatchProgress.Item::outcome)
                .containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED", "SKIPPED", "SKIPPED", "ACCEPTED", "REJECTED");
        Material fractions = material(done, 0);
        assertThat(fractions.subject()).isEqualTo(Subject.MATH);
        assertThat(fractions.grade()).isEqualTo(Grade.GRADE_3);
        assertThat(fractions.fileName()).isEqualTo("分数的初步认识.pdf");
        assertThat(fractions.schoolId()).isEqualTo(school.id());
        Material poem = material(done, 1);
        assertThat(poem.subject()).isEqualTo(Subject.CHINESE);
        assertThat(poem.resourceType()).isEqualTo(ResourceType.LESSON_PLAN);
        assertThat(done.items().get(2).duplicateOf()).isEqualTo(poem.id());
        Material traversal = material(done, 5);
        assertThat(traversal.fileName()).isEqualTo("七年级 地理 课件.txt");
        assertThat(traversal.grade()).isEqualTo(Grade.GRADE_7);
        assertThat(done.items().get(6).message()).contains("年级");
    }

    @Test
    void readsChineseNamesFromAGbkEncodedZip() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("音乐/二年级/小红帽-音乐教案.txt", fixture("小红帽-音乐教案.txt"));

        BatchProgress done = importZip(zip(files, Charset.forName("GBK")), null);

        assertThat(done.items()).singleElement().satisfies(item -> {
            assertThat(item.entryName()).isEqualTo("音乐/二年级/小红帽-音乐教案.txt");
            assertThat(item.outcome()).isEqualTo("ACCEPTED");
        });
        Material song = material(done, 0);
        assertThat(song.subject()).isEqualTo(Subject.MUSIC);
        assertThat(song.grade()).isEqualTo(Grade.GRADE_2);
    }

    @Test
    void stopsAZipBombEntryAndKeepsImportingTheRest() throws IOException {
        Path bomb = temp.resolve("bomb.zip");
        try (var zip = new ZipOutputStream(Files.newOutputStream(bomb), StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("高一/物理/期末试卷.txt"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("高一/物理/教案.txt"));
            zip.write("高一物理 牛顿第一定律 教学设计".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        long before = materials.count();

        BatchProgress done = importZip(bomb, null);

        assertThat(done.items()).extracting(BatchProgress.Item::outcome).containsExactly("REJECTED", "ACCEPTED");
        assertThat(done.items().getFirst().message()).containsAnyOf("压缩炸弹", "larger than the limit");
        assertThat(materials.count()).isEqualTo(before + 1);
    }

    @Test
    void usesTheUploadersDefaultsWhereNothingCanBeInferred() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("新建文件夹/资料.txt", "课堂练习：用分数表示涂色部分".getBytes(StandardCharsets.UTF_8));

        BatchProgress done = importZip(zip(files, StandardCharsets.UTF_8), Grade.GRADE_3);

        Material practice = material(done, 0);
        assertThat(practice.grade()).isEqualTo(Grade.GRADE_3);
        assertThat(practice.subject()).isEqualTo(Subject.MATH);
        assertThat(practice.resourceType()).isEqualTo(ResourceType.STUDY_GUIDE);
    }

    @Test
    void aFileThatIsNotAZipFailsTheBatchWithAReason() throws IOException {
        Path notZip = temp.resolve("not.zip");
        Files.writeString(notZip, "这不是压缩包");

        BatchProgress done = importZip(notZip, null);

        assertThat(done.status()).isEqualTo("FAILED");
        assertThat(done.message()).contains("无法读取压缩包");
    }

    private BatchProgress importZip(Path zip, Grade defaultGrade) {
        UUID id = bulkUploads.start(new BulkUpload(
                zip, "备课材料.zip", school.id(), null, Subject.MATH, defaultGrade, ResourceType.STUDY_GUIDE));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !bulkUploads.progress(id).orElseThrow().running());
        return bulkUploads.progress(id).orElseThrow();
    }

    private Material material(BatchProgress progress, int position) {
        return materials.findById(progress.items().get(position).materialId()).orElseThrow();
    }

    private Path zip(Map<String, byte[]> files, Charset names) throws IOException {
        Path zip = temp.resolve(UUID.randomUUID() + ".zip");
        try (OutputStream out = Files.newOutputStream(zip);
                var archive = new ZipOutputStream(out, names)) {
            for (var file : files.entrySet()) {
                archive.putNextEntry(new ZipEntry(file.getKey()));
                archive.write(file.getValue());
                archive.closeEntry();
            }
        }
        return zip;
    }

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(Fixtures.path(name));
    }
}
