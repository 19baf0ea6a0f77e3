package org.lessoncommons.search.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogIndexTests {

    static final String ALLIANCE = "alliance-a";
    static final String OTHER_ALLIANCE = "alliance-b";

    CatalogIndex index;

    @BeforeEach
    void catalog() {
        index = new CatalogIndex();
        index.replaceAll(List.of(
                book("t1", ALLIANCE, "小王子", "圣埃克苏佩里", "人民文学出版社", "9787020042494", List.of("s1"), 2, 1),
                book("t2", ALLIANCE, "草房子", "曹文轩", "天天出版社", "9787501610525", List.of("s1", "s2"), 3, 0),
                book("t3", ALLIANCE, "城南旧事", "林海音", "中国青年出版社", null, List.of("s2"), 1, 1),
                book("t4", ALLIANCE, "王子与贫儿", "马克·吐温", "译林出版社", null, List.of("s2"), 1, 1),
                new CatalogEntry(
                        "t5",
                        ALLIANCE,
                        "EQUIPMENT",
                        "数码显微镜",
                        "",
                        "",
                        null,
                        "XSP-2CA",
                        List.of("s1"),
                        List.of("ZC-2024-017"),
                        1,
                        1),
                book("t6", OTHER_ALLIANCE, "小王子", "圣埃克苏佩里", "译林出版社", null, List.of("s9"), 1, 1)));
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void findsABookByAWordOfItsTitleOnlyInTheViewersAlliance() {
        CatalogResults results = index.search(query("草房子"));

        assertThat(results.hits()).extracting(CatalogHit::id).containsExactly("t2");
        assertThat(results.hits().getFirst().author()).isEqualTo("曹文轩");
    }

    @Test
    void aTraditionalQueryFindsTheSimplifiedTitle() {
        assertThat(index.search(query("城南舊事")).hits())
                .extracting(CatalogHit::id)
                .containsExactly("t3");
    }

    @Test
    void everyWordMustMatchAndSegmentsAreNotOred() {
        assertThat(index.search(query("小王子")).hits()).extracting(CatalogHit::id).containsExactly("t1");
        assertThat(index.search(query("王子 曹文轩")).total()).isZero();
        assertThat(index.search(query("王子")).hits()).extracting(CatalogHit::id).containsExactlyInAnyOrder("t1", "t4");
    }

    @Test
    void findsByAuthorPublisherModelIsbnAndAssetTag() {
        assertThat(index.search(query("林海音")).hits()).extracting(CatalogHit::id).containsExactly("t3");
        assertThat(index.search(query("显微镜")).hits()).extracting(CatalogHit::id).containsExactly("t5");
        assertThat(index.search(query("xsp-2ca")).hits())
                .extracting(CatalogHit::id)
                .containsExactly("t5");
        assertThat(index.search(query("978-7-02-004249-4")).hits())
                .extracting(CatalogHit::id)
                .containsExactly("t1");
        assertThat(index.search(query("ZC-2024-017")).hits())
                .extracting(CatalogHit::id)
                .containsExactly("t5");
    }

    @Test
    void countsFacetsSidewaysAndFiltersByThem() {
        CatalogQuery onlyBooksOnLoan =
                new CatalogQuery("", ALLIANCE, Set.of("BOOK"), Set.of(), Set.of("ON_LOAN"), 0, 20);

        CatalogResults results = index.search(onlyBooksOnLoan);

        assertThat(results.hits()).extracting(CatalogHit::id).containsExactly("t2");
        assertThat(facet(results, "kind")).containsExactly(new CatalogFacet.Count("BOOK", 1, true));
        assertThat(facet(results, "availability"))
                .containsExactly(
                        new CatalogFacet.Count("AVAILABLE", 3, false), new CatalogFacet.Count("ON_LOAN", 1, true));
        assertThat(facet(results, "school"))
                .containsExactlyInAnyOrder(
                        new CatalogFacet.Count("s1", 1, false), new CatalogFacet.Count("s2", 1, false));
    }

    @Test
    void browsingListsTheAlliancesTitlesByTitleAndReindexingReplacesATitle() {
        index.index(book("t3", ALLIANCE, "城南旧事", "林海音", "中国青年出版社", null, List.of("s2"), 1, 0));

        CatalogResults all = index.search(query(""));

        assertThat(all.total()).isEqualTo(5);
        assertThat(index.search(new CatalogQuery("城南", ALLIANCE, Set.of(), Set.of(), Set.of("ON_LOAN"), 0, 20))
                        .hits())
                .extracting(CatalogHit::id)
                .containsExactly("t3");
        index.remove("t3");
        assertThat(index.search(query("城南")).total()).isZero();
    }

    @Test
    void browsingListsTitlesInPinyinOrder() {
        assertThat(index.search(query("")).hits())
                .extracting(CatalogHit::title)
                .containsExactly("草房子", "城南旧事", "数码显微镜", "王子与贫儿", "小王子");
    }

    private static List<CatalogFacet.Count> facet(CatalogResults results, String field) {
        return results.facets().stream()
                .filter(f -> f.field().equals(field))
                .findFirst()
                .orElseThrow()
                .counts();
    }

    private static CatalogQuery query(String text) {
        return new CatalogQuery(text, ALLIANCE, Set.of(), Set.of(), Set.of(), 0, 20);
    }

    private static CatalogEntry book(
            String id,
            String alliance,
            String title,
            String author,
            String publisher,
            String isbn,
            List<String> schools,
            int copies,
            int available) {
        return new CatalogEntry(
                id,
                alliance,
                "BOOK",
                title,
                author,
                publisher,
                isbn,
                "",
                schools,
                List.of(id + "-barcode"),
                copies,
                available);
    }
}
