package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lessoncommons.web.LendingWorld.get;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lessoncommons.ingest.lending.CatalogIndexing;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.lending.Holdings;
import org.lessoncommons.web.LendingWorld.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/** A school's holdings imported from CSV (UTF-8, GBK) and Excel, each row added or explained. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LendingImportIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Alliances alliances;

    @Autowired
    Schools schools;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Holdings holdings;

    @Autowired
    CatalogIndexing indexing;

    @Autowired
    JdbcClient jdbc;

    LendingWorld world;
    RestClient admin;
    String run;

    @BeforeEach
    void school() {
        world = new LendingWorld(port, alliances, schools, accounts, encoder, holdings, indexing);
        admin = world.as(world.a1, Role.SCHOOL_ADMIN);
        run = UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void importsAUtf8CsvWithABomAndReportsTheBadRowsWithoutLosingTheGoodOnes() {
        String csv = "\uFEFF类型,书名,作者,出版社,ISBN,型号,条码\n"
                + "图书,草房子,曹文轩,天天出版社,978-7-5016-1052-5,,B" + run + "-1\n"
                + "图书,草房子,曹文轩,天天出版社,9787501610525,,B" + run + "-2\n"
                + "图书,\"城南旧事, 插图本\",林海音,中国青年出版社,,,B" + run + "-3\n"
                + "图书,坏书号,某人,某社,9787501610526,,B" + run + "-4\n"
                + "图书,没有条码,某人,某社,,,\n"
                + "器材,数码显微镜,,,,XSP-2CA,ZC" + run + "-1\n"
                + "玩具,积木,,,,,T" + run + "-1\n"
                + "图书,重复条码,某人,某社,,,B" + run + "-1\n";

        Answer report = upload(admin, "藏书.csv", csv.getBytes(StandardCharsets.UTF_8), null);

        assertThat(report.status()).isEqualTo(HttpStatus.OK);
        assertThat(report.body()).containsEntry("added", 4).containsEntry("failed", 4);
        assertThat(errors(report))
                .containsExactly(
                        Map.entry(5, "第 5 行：ISBN “9787501610526” 不是有效的 ISBN（位数或校验位不对）"),
                        Map.entry(6, "第 6 行：“条码/资产编号” 不能为空"),
                        Map.entry(8, "第 8 行：类型 “玩具” 无法识别：应为 “图书” 或 “器材”"),
                        Map.entry(9, "第 9 行：条码 “B" + run + "-1” 在文件里出现了不止一次"));
        assertThat(copiesOf("草房子")).isEqualTo(2);
        assertThat(titles("草房子")).isEqualTo(1);
        assertThat(search("城南旧事 插图本")).containsExactly("城南旧事, 插图本");
        assertThat(search("XSP-2CA")).containsExactly("数码显微镜");
    }

    @Test
    void importsAGbkCsvAsExcelOnChineseWindowsSavesIt() {
        String csv = "书名,作者,出版社,条码\r\n青铜葵花,曹文轩,江苏少年儿童出版社,G" + run + "-1\r\n";

        Answer report = upload(admin, "holdings.csv", csv.getBytes(Charset.forName("GBK")), null);

        assertThat(report.body()).containsEntry("added", 1).containsEntry("failed", 0);
        assertThat(search("青铜葵花")).containsExactly("青铜葵花");
    }

    @Test
    void importsAnExcelSheetWithAnIsbnTypedAsANumberAndABadRow() throws IOException {
        byte[] xlsx = workbook(List.of(
                List.of("书名", "作者", "出版社", "ISBN", "条码"),
                List.of("小王子", "圣埃克苏佩里", "人民文学出版社", 9787020042494d, "X" + run + "-1"),
                List.of("", "无名", "", "", "X" + run + "-2"),
                List.of("夏洛的网", "E.B.怀特", "上海译文出版社", "", "X" + run + "-3")));

        Answer report = upload(admin, "藏书.xlsx", xlsx, null);

        assertThat(report.body()).containsEntry("added", 2).containsEntry("failed", 1);
        assertThat(errors(report)).containsExactly(Map.entry(3, "第 3 行：“书名/名称” 不能为空"));
        assertThat(jdbc.sql(
                                "SELECT isbn FROM lending_title t JOIN lending_copy c ON c.title_id = t.id WHERE c.barcode = :b")
                        .param("b", "X" + run + "-1")
                        .query(String.class)
                        .single())
                .isEqualTo("9787020042494");
        assertThat(search("小王子")).containsExactly("小王子");
    }

    @Test
    void aFileThatIsNoSheetOrLacksARequiredColumnIsRefusedAsAProblem() {
        Answer noBarcode = upload(admin, "a.csv", "书名,作者\n草房子,曹文轩\n".getBytes(StandardCharsets.UTF_8), null);
        Answer garbage = upload(admin, "a.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2, 3}, null);

        assertThat(noBarcode.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(noBarcode.string("detail")).contains("条码");
        assertThat(garbage.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(garbage.string("field")).isEqualTo("file");
    }

    @Test
    void onlyTheSchoolsOwnAdministratorsImportForIt() {
        byte[] csv = ("书名,条码\n草房子,Z" + run + "\n").getBytes(StandardCharsets.UTF_8);

        assertThat(upload(world.as(world.a1, Role.TEACHER), "a.csv", csv, null).status())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload(world.as(world.a2, Role.SCHOOL_ADMIN), "a.csv", csv, world.a1.id())
                        .status())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload(world.as(world.b1, Role.SCHOOL_ADMIN), "a.csv", csv, world.a1.id())
                        .status())
                .isEqualTo(HttpStatus.NOT_FOUND);
        Answer byAllianceAdmin = upload(world.as(world.a2, Role.ALLIANCE_ADMIN), "a.csv", csv, world.a1.id());
        assertThat(byAllianceAdmin.body()).containsEntry("added", 1);
        assertThat(byAllianceAdmin.string("schoolId")).isEqualTo(world.a1.id().toString());
    }

    private Answer upload(RestClient http, String name, byte[] content, UUID schoolId) {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        if (schoolId != null) {
            form.add("schoolId", schoolId.toString());
        }
        return http.post()
                .uri("/api/lending/imports")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .exchange((request, response) -> new Answer(
                        response.getStatusCode(),
                        new tools.jackson.databind.json.JsonMapper()
                                .readValue(response.getBody().readAllBytes(), Map.class)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map.Entry<Integer, String>> errors(Answer report) {
        return ((List<Map<String, Object>>) report.body().get("rows"))
                .stream()
                        .filter(row -> row.get("outcome").equals("FAILED"))
                        .map(row -> Map.entry((Integer) row.get("row"), (String) row.get("error")))
                        .toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> search(String q) {
        Map<String, Object> results = (Map<String, Object>)
                get(admin, "/api/lending/catalog?q={q}", q).body().get("results");
        return ((List<Map<String, Object>>) results.get("hits"))
                .stream().map(hit -> (String) hit.get("title")).toList();
    }

    private int copiesOf(String title) {
        return jdbc.sql("""
                        SELECT count(*) FROM lending_copy c JOIN lending_title t ON t.id = c.title_id
                        WHERE t.title = :title AND t.alliance_id = :alliance
                        """)
                .param("title", title)
                .param("alliance", world.allianceA.id())
                .query(Integer.class)
                .single();
    }

    private int titles(String title) {
        return jdbc.sql("SELECT count(*) FROM lending_title WHERE title = :title AND alliance_id = :alliance")
                .param("title", title)
                .param("alliance", world.allianceA.id())
                .query(Integer.class)
                .single();
    }

    private static byte[] workbook(List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("藏书");
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Double number) {
                        row.createCell(c).setCellValue(number);
                    } else {
                        row.createCell(c).setCellValue((String) value);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
