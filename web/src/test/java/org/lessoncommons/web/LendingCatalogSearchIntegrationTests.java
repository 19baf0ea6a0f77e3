package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lessoncommons.web.LendingWorld.get;
import static org.lessoncommons.web.LendingWorld.post;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lessoncommons.ingest.lending.CatalogIndexing;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.lending.Copy;
import org.lessoncommons.storage.lending.Holding;
import org.lessoncommons.storage.lending.Holdings;
import org.lessoncommons.storage.lending.ItemKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.client.RestClient;

/** The catalog searched in Chinese through the API, with facets that follow the loans. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LendingCatalogSearchIntegrationTests {

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

    LendingWorld world;
    RestClient teacher;
    String tag;

    @BeforeEach
    void catalog() {
        world = new LendingWorld(port, alliances, schools, accounts, encoder, holdings, indexing);
        teacher = world.as(world.a2, Role.TEACHER);
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aTraditionalQueryFindsTheSimplifiedTitleAndTheBookOfAnotherAllianceStaysHidden() {
        world.book(world.a1, "城南旧事", "林海音", "CN-" + tag);
        world.book(world.b1, "城南旧事", "林海音", "CN-" + tag);

        assertThat(titles("城南舊事")).containsExactly("城南旧事");
        assertThat(titles("林海音")).containsExactly("城南旧事");
    }

    @Test
    void facetsCountKindSchoolAndAvailabilityAndFollowALoan() {
        Copy book = world.book(world.a1, "稻草人" + tag, "叶圣陶", "DCR-" + tag);
        world.book(world.a2, "稻草人" + tag, "叶圣陶", "DCR2-" + tag);
        Copy device = holdings.add(new Holding(
                world.a1.allianceId(),
                world.a1.id(),
                ItemKind.EQUIPMENT,
                "稻草人" + tag + "教学模型",
                "",
                "",
                null,
                "M-1",
                "ZC-" + tag));
        indexing.refresh(device.titleId());

        Map<String, Object> before = catalog("稻草人" + tag, "");
        post(teacher, "/api/lending/loans", Map.of("copyId", device.id()));
        Map<String, Object> onLoan = catalog("稻草人" + tag, "&availability=ON_LOAN");

        assertThat(facet(before, "kind")).containsEntry("BOOK", 1).containsEntry("EQUIPMENT", 1);
        assertThat(facet(before, "school"))
                .containsEntry(world.a1.id().toString(), 2)
                .containsEntry(world.a2.id().toString(), 1);
        assertThat(facet(before, "availability")).containsEntry("AVAILABLE", 2);
        assertThat(hits(onLoan)).containsExactly("稻草人" + tag + "教学模型");
        assertThat(facet(onLoan, "availability")).containsEntry("AVAILABLE", 1).containsEntry("ON_LOAN", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> names = (Map<String, Object>) before.get("schoolNames");
        assertThat(names).containsEntry(world.a1.id().toString(), world.a1.name());
        assertThat(book.titleId()).isNotEqualTo(device.titleId());
    }

    @Test
    void aBadFilterIsAProblem() {
        var answer = get(teacher, "/api/lending/catalog?kind=TOY");

        assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.string("field")).isEqualTo("kind");
    }

    private List<String> titles(String q) {
        return hits(catalog(q, ""));
    }

    private Map<String, Object> catalog(String q, String filters) {
        return get(teacher, "/api/lending/catalog?q={q}" + filters, q).body();
    }

    @SuppressWarnings("unchecked")
    private static List<String> hits(Map<String, Object> catalog) {
        Map<String, Object> results = (Map<String, Object>) catalog.get("results");
        return ((List<Map<String, Object>>) results.get("hits"))
                .stream().map(hit -> (String) hit.get("title")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> facet(Map<String, Object> catalog, String field) {
        Map<String, Object> results = (Map<String, Object>) catalog.get("results");
        return ((List<Map<String, Object>>) results.get("facets"))
                .stream()
                        .filter(f -> f.get("field").equals(field))
                        .flatMap(f -> ((List<Map<String, Object>>) f.get("counts")).stream())
                        .collect(java.util.stream.Collectors.toMap(
                                c -> (String) c.get("value"), c -> (Integer) c.get("count")));
    }
}
