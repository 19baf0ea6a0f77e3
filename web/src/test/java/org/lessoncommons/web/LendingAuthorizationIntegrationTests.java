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
import org.lessoncommons.storage.lending.Holdings;
import org.lessoncommons.web.LendingWorld.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.client.RestClient;

/**
 * Who may do what: teachers request for themselves, only the desk of the owning (or shelving) school
 * decides, hands over and takes back, other alliances see nothing, anonymous callers get 401.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LendingAuthorizationIntegrationTests {

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
    Copy copy;
    RestClient borrower;
    UUID loan;

    @BeforeEach
    void aRequestedLoan() {
        world = new LendingWorld(port, alliances, schools, accounts, encoder, holdings, indexing);
        copy = world.book(world.a1, "朝花夕拾", "鲁迅", "ZHXS-" + UUID.randomUUID());
        borrower = world.as(world.a2, Role.TEACHER);
        loan = post(borrower, "/api/lending/loans", Map.of("copyId", copy.id())).id();
    }

    @Test
    void onlyTheOwningSchoolsDeskDecidesHandsOverAndTakesBack() {
        List<RestClient> notTheDesk = List.of(
                borrower,
                world.as(world.a1, Role.TEACHER),
                world.as(world.a2, Role.SCHOOL_ADMIN),
                world.as(world.a2, Role.ALLIANCE_ADMIN));

        for (RestClient outsider : notTheDesk) {
            for (String step : List.of("approve", "reject", "checkout", "return")) {
                Answer answer = post(outsider, "/api/lending/loans/{id}/" + step, Map.of(), loan);
                assertThat(answer.status()).as(step).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
                assertThat(answer.body()).containsKey("detail");
            }
            assertThat(post(
                                    outsider,
                                    "/api/lending/copies/{id}/transfer",
                                    Map.of("toSchoolId", world.a2.id()),
                                    copy.id())
                            .status())
                    .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        }
        assertThat(post(world.as(world.a1, Role.SCHOOL_ADMIN), "/api/lending/loans/{id}/approve", Map.of(), loan)
                        .string("state"))
                .isEqualTo("APPROVED");
    }

    @Test
    void anotherAllianceSeesNeitherTheTitleNorTheLoanNorTheDesk() {
        RestClient teacherB = world.as(world.b1, Role.TEACHER);
        RestClient adminB = world.as(world.b1, Role.ALLIANCE_ADMIN);

        for (RestClient outsider : List.of(teacherB, adminB)) {
            assertThat(get(outsider, "/api/lending/titles/{id}", copy.titleId()).status())
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(get(outsider, "/api/lending/loans/{id}", loan).status()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(post(outsider, "/api/lending/loans", Map.of("copyId", copy.id()))
                            .status())
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(post(outsider, "/api/lending/holds", Map.of("titleId", copy.titleId()))
                            .status())
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(get(outsider, "/api/lending/desk?school={s}", world.a1.id())
                            .status())
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(get(outsider, "/api/lending/catalog?q=朝花夕拾").body().toString())
                    .doesNotContain(copy.titleId().toString());
        }
        assertThat(post(world.as(world.b1, Role.SCHOOL_ADMIN), "/api/lending/loans/{id}/approve", Map.of(), loan)
                        .status())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aLoanIsSeenByItsBorrowerTheDeskAndTheAllianceAdministratorOnly() {
        assertThat(get(borrower, "/api/lending/loans/{id}", loan).status()).isEqualTo(HttpStatus.OK);
        assertThat(get(world.as(world.a1, Role.SCHOOL_ADMIN), "/api/lending/loans/{id}", loan)
                        .status())
                .isEqualTo(HttpStatus.OK);
        assertThat(get(world.as(world.a2, Role.ALLIANCE_ADMIN), "/api/lending/loans/{id}", loan)
                        .status())
                .isEqualTo(HttpStatus.OK);
        assertThat(get(world.as(world.a2, Role.TEACHER), "/api/lending/loans/{id}", loan)
                        .status())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post(world.as(world.a2, Role.TEACHER), "/api/lending/loans/{id}/cancel", Map.of(), loan)
                        .status())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void teachersHaveNoDeskAndAllianceAdministratorsSeeEveryDeskOfTheirAlliance() {
        Answer teacherDesk = get(world.as(world.a1, Role.TEACHER), "/api/lending/desk");
        Answer otherSchoolAdmin =
                get(world.as(world.a2, Role.SCHOOL_ADMIN), "/api/lending/desk?school={s}", world.a1.id());
        Answer allianceAdmin =
                get(world.as(world.a2, Role.ALLIANCE_ADMIN), "/api/lending/desk?school={s}", world.a1.id());

        assertThat(teacherDesk.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(teacherDesk.string("detail")).contains("管理员");
        assertThat(otherSchoolAdmin.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(world.as(world.a1, Role.TEACHER), "/api/lending/overdue").status())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(allianceAdmin.status()).isEqualTo(HttpStatus.OK);
        assertThat(allianceAdmin.body().get("requested").toString()).contains(loan.toString());
    }

    @Test
    void withoutASessionTheApiAnswers401() {
        RestClient anonymous = SignedIn.anonymous(port);

        assertThat(get(anonymous, "/api/lending/catalog").status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post(anonymous, "/api/lending/loans", Map.of("copyId", copy.id()))
                        .status())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
