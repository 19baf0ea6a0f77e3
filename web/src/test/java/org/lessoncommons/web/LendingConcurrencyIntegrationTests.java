package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.lessoncommons.web.LendingWorld.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lessoncommons.ingest.lending.CatalogIndexing;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.lending.Copy;
import org.lessoncommons.storage.lending.Holdings;
import org.lessoncommons.web.LendingWorld.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.client.RestClient;

/** Many people asking for one copy at the same moment: the database lets exactly one have it. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LendingConcurrencyIntegrationTests {

    static final int PEOPLE = 16;

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
    List<Account> people;
    List<RestClient> clients;

    @BeforeEach
    void crowd() {
        world = new LendingWorld(port, alliances, schools, accounts, encoder, holdings, indexing);
        people = new ArrayList<>();
        clients = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            Account person = world.account(i % 2 == 0 ? world.a1 : world.a2, Role.TEACHER);
            people.add(person);
            clients.add(world.as(person));
        }
    }

    @Test
    void ofManyParallelRequestsForOneCopyExactlyOneWinsAndTheOthersGetAConflict() throws Exception {
        Copy copy = world.book(world.a1, "夏洛的网", "E.B.怀特", "XLDW-" + UUID.randomUUID());

        List<Answer> answers = all(http -> post(http, "/api/lending/loans", Map.of("copyId", copy.id())));

        assertThat(answers).filteredOn(a -> a.status() == HttpStatus.CREATED).hasSize(1);
        List<Answer> refused =
                answers.stream().filter(a -> a.status() != HttpStatus.CREATED).toList();
        assertThat(refused).hasSize(PEOPLE - 1).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(a.string("code")).isEqualTo("copy-unavailable");
            assertThat(a.string("detail")).contains("预约");
        });
        assertThat(activeLoans(copy)).isEqualTo(1);
    }

    @Test
    void ofManyParallelHoldsOnATitleWithOneFreeCopyOneIsOfferedItAndTheRestQueueInOrder() throws Exception {
        Copy copy = world.book(world.a2, "青铜葵花", "曹文轩", "QTKH-" + UUID.randomUUID());

        List<Answer> answers = all(http -> post(http, "/api/lending/holds", Map.of("titleId", copy.titleId())));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(HttpStatus.CREATED));
        assertThat(answers).filteredOn(a -> a.string("state").equals("OFFERED")).hasSize(1);
        assertThat(answers).filteredOn(a -> a.string("state").equals("WAITING")).hasSize(PEOPLE - 1);
        assertThat(activeLoans(copy)).isEqualTo(1);
        List<Integer> positions = jdbc.sql("""
                        SELECT row_number() OVER (ORDER BY placed_at, id) FROM lending_hold
                        WHERE title_id = :title AND state = 'WAITING'
                        """)
                .param("title", copy.titleId())
                .query(Integer.class)
                .list();
        assertThat(positions).hasSize(PEOPLE - 1);
    }

    @Test
    void theDatabaseItselfRefusesASecondActiveLoanOfACopy() {
        Copy copy = world.book(world.a1, "窗边的小豆豆", "黑柳彻子", "CBXDD-" + UUID.randomUUID());
        insertLoan(copy, people.get(0), "CHECKED_OUT");

        assertThatExceptionOfType(DuplicateKeyException.class)
                .isThrownBy(() -> insertLoan(copy, people.get(1), "APPROVED"))
                .withMessageContaining("lending_loan_one_active_per_copy");
        insertLoan(copy, people.get(2), "RETURNED");
        assertThat(activeLoans(copy)).isEqualTo(1);
    }

    private List<Answer> all(Function<RestClient, Answer> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(PEOPLE)) {
            List<Future<Answer>> futures = new ArrayList<>();
            for (RestClient http : clients) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(http);
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }

    private void insertLoan(Copy copy, Account borrower, String state) {
        jdbc.sql("""
                        INSERT INTO lending_loan (id, copy_id, borrower_id, borrower_school_id, state, checked_out_at, due_on)
                        VALUES (:id, :copy, :borrower, :school, :state, now(), current_date + 7)
                        """)
                .param("id", UUID.randomUUID())
                .param("copy", copy.id())
                .param("borrower", borrower.id())
                .param("school", borrower.schoolId())
                .param("state", state)
                .update();
    }

    private int activeLoans(Copy copy) {
        return jdbc.sql("""
                        SELECT count(*) FROM lending_loan
                        WHERE copy_id = :copy AND state IN ('REQUESTED', 'APPROVED', 'CHECKED_OUT')
                        """).param("copy", copy.id()).query(Integer.class).single();
    }
}
