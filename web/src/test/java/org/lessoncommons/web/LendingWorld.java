package org.lessoncommons.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lessoncommons.ingest.lending.CatalogIndexing;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.School.Membership;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.lending.Copy;
import org.lessoncommons.storage.lending.Holding;
import org.lessoncommons.storage.lending.Holdings;
import org.lessoncommons.storage.lending.ItemKind;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.client.RestClient;

/**
 * Two alliances for lending tests: A with schools {@code a1} (owns the books) and {@code a2}, B with
 * {@code b1}. Books are added as an import would add them, and the catalog index is refreshed.
 */
final class LendingWorld {

    /** A status and the JSON body (a problem detail on errors). */
    record Answer(HttpStatusCode status, Map<String, Object> body) {

        String string(String key) {
            return String.valueOf(body.get(key));
        }

        UUID id() {
            return UUID.fromString(string("id"));
        }
    }

    final int port;
    final Accounts accounts;
    final PasswordEncoder encoder;
    final Holdings holdings;
    final CatalogIndexing indexing;
    final Alliance allianceA;
    final School a1;
    final School a2;
    final School b1;

    LendingWorld(
            int port,
            Alliances alliances,
            Schools schools,
            Accounts accounts,
            PasswordEncoder encoder,
            Holdings holdings,
            CatalogIndexing indexing) {
        this.port = port;
        this.accounts = accounts;
        this.encoder = encoder;
        this.holdings = holdings;
        this.indexing = indexing;
        String run = UUID.randomUUID().toString().substring(0, 8);
        allianceA = alliances.save(Alliance.named("漂流联盟A " + run));
        Alliance b = alliances.save(Alliance.named("漂流联盟B " + run));
        a1 = schools.save(School.of(allianceA, "书香小学 " + run, Membership.CORE));
        a2 = schools.save(School.of(allianceA, "育才小学 " + run, Membership.MEMBER));
        b1 = schools.save(School.of(b, "北城中学 " + run, Membership.MEMBER));
    }

    Account account(School school, Role role) {
        return SignedIn.account(accounts, encoder, school, role);
    }

    RestClient as(School school, Role role) {
        return SignedIn.as(port, account(school, role));
    }

    RestClient as(Account account) {
        return SignedIn.as(port, account);
    }

    Copy book(School owner, String title, String author, String barcode) {
        Copy copy = holdings.add(new Holding(
                owner.allianceId(), owner.id(), ItemKind.BOOK, title, author, "人民文学出版社", null, "", barcode));
        indexing.refresh(copy.titleId());
        return copy;
    }

    static Answer post(RestClient http, String uri, Object body, Object... variables) {
        return http.post()
                .uri(uri, variables)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> new Answer(response.getStatusCode(), json(response)));
    }

    static Answer get(RestClient http, String uri, Object... variables) {
        return http.get()
                .uri(uri, variables)
                .exchange((request, response) -> new Answer(response.getStatusCode(), json(response)));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(RestClient http, String uri, Object... variables) {
        return http.get().uri(uri, variables).retrieve().body(List.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(
            org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response)
            throws java.io.IOException {
        byte[] bytes = response.getBody().readAllBytes();
        if (bytes.length == 0) {
            return Map.of();
        }
        return new tools.jackson.databind.json.JsonMapper().readValue(bytes, Map.class);
    }
}
