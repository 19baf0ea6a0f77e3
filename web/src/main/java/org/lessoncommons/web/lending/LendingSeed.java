package org.lessoncommons.web.lending;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lessoncommons.ingest.lending.CatalogIndexing;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.lending.CatalogTitles;
import org.lessoncommons.storage.lending.Circulation;
import org.lessoncommons.storage.lending.Copy;
import org.lessoncommons.storage.lending.Holding;
import org.lessoncommons.storage.lending.Holdings;
import org.lessoncommons.storage.lending.ItemKind;
import org.lessoncommons.storage.lending.Loan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A small demo catalog for the demo alliance (its schools found through the seeded {@code admin1} …
 * {@code admin4}): real children's books and a few pieces of equipment, one loan out, one request at
 * a desk and one person in a queue. Runs once: nothing is added when the alliance has a catalog.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("lessoncommons.seed.enabled")
class LendingSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LendingSeed.class);

    /** Kind, title or name, author, publisher, model, owning schools (1-based, one copy each). */
    private static final List<String[]> CATALOG = List.of(
            new String[] {"BOOK", "草房子", "曹文轩", "江苏少年儿童出版社", "", "1 1 2"},
            new String[] {"BOOK", "青铜葵花", "曹文轩", "江苏少年儿童出版社", "", "2"},
            new String[] {"BOOK", "城南旧事", "林海音", "中国青年出版社", "", "1"},
            new String[] {"BOOK", "小王子", "圣埃克苏佩里", "人民文学出版社", "", "3 3"},
            new String[] {"BOOK", "夏洛的网", "E.B.怀特", "上海译文出版社", "", "1"},
            new String[] {"BOOK", "窗边的小豆豆", "黑柳彻子", "南海出版公司", "", "4"},
            new String[] {"BOOK", "朝花夕拾", "鲁迅", "人民文学出版社", "", "3"},
            new String[] {"BOOK", "骆驼祥子", "老舍", "人民文学出版社", "", "3 4"},
            new String[] {"BOOK", "西游记", "吴承恩", "人民文学出版社", "", "2"},
            new String[] {"BOOK", "稻草人", "叶圣陶", "人民文学出版社", "", "1"},
            new String[] {"BOOK", "昆虫记", "法布尔", "作家出版社", "", "4"},
            new String[] {"BOOK", "海底两万里", "凡尔纳", "人民文学出版社", "", "3"},
            new String[] {"EQUIPMENT", "学生显微镜", "", "", "XSP-2CA", "3 3"},
            new String[] {"EQUIPMENT", "便携式投影仪", "", "", "GS50", "1"},
            new String[] {"EQUIPMENT", "天文望远镜", "", "", "PowerSeeker 70EQ", "4"},
            new String[] {"EQUIPMENT", "编程机器人套件", "", "", "EV3 45544", "2"});

    private final Accounts accounts;
    private final Schools schools;
    private final CatalogTitles titles;
    private final Holdings holdings;
    private final Circulation circulation;
    private final CatalogIndexing indexing;

    LendingSeed(
            Accounts accounts,
            Schools schools,
            CatalogTitles titles,
            Holdings holdings,
            Circulation circulation,
            CatalogIndexing indexing) {
        this.accounts = accounts;
        this.schools = schools;
        this.titles = titles;
        this.holdings = holdings;
        this.circulation = circulation;
        this.indexing = indexing;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<School> members = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            Optional<School> school = accounts.findByUsername("admin" + i).flatMap(a -> schools.findById(a.schoolId()));
            if (school.isEmpty()) {
                return;
            }
            members.add(school.get());
        }
        if (titles.existsByAllianceId(members.getFirst().allianceId())) {
            return;
        }
        Map<String, List<Copy>> copies = new LinkedHashMap<>();
        int count = 0;
        for (String[] row : CATALOG) {
            String[] owners = row[5].split(" ");
            for (int n = 0; n < owners.length; n++) {
                School owner = members.get(Integer.parseInt(owners[n]) - 1);
                String barcode = "%s-%03d".formatted(row[0].equals("BOOK") ? "TS" : "QC", ++count);
                copies.computeIfAbsent(row[1], title -> new ArrayList<>())
                        .add(holdings.add(new Holding(
                                owner.allianceId(),
                                owner.id(),
                                ItemKind.valueOf(row[0]),
                                row[1],
                                row[2],
                                row[3],
                                null,
                                row[4],
                                barcode)));
            }
        }
        circulate(copies);
        indexing.rebuild();
        log.info("Seeded the lending library with {} copies of {} titles", count, CATALOG.size());
    }

    /** teacher2 has 草房子 out, teacher3 has 夏洛的网 with teacher4 waiting for it, teacher1 asks for 骆驼祥子. */
    private void circulate(Map<String, List<Copy>> copies) {
        Account admin1 = account("admin1");
        Loan out = request(copies.get("草房子").getFirst(), account("teacher2"));
        circulation.checkOut(out.id(), admin1.id(), null);
        Copy charlotte = copies.get("夏洛的网").getFirst();
        Loan charlottesLoan = request(charlotte, account("teacher3"));
        circulation.checkOut(charlottesLoan.id(), admin1.id(), null);
        Account teacher4 = account("teacher4");
        circulation.placeHold(charlotte.titleId(), teacher4.id(), teacher4.schoolId());
        request(copies.get("骆驼祥子").getLast(), account("teacher1"));
    }

    private Loan request(Copy copy, Account borrower) {
        return circulation.request(copy.id(), borrower.id(), borrower.schoolId());
    }

    private Account account(String username) {
        return accounts.findByUsername(username).orElseThrow();
    }
}
