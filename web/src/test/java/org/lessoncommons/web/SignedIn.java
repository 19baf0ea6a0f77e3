package org.lessoncommons.web;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.UUID;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.School;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * An HTTP client signed in as a real account, the way a browser is: it keeps the session and CSRF
 * cookies and sends the CSRF token back on every unsafe request.
 */
final class SignedIn {

    static final String PASSWORD = "test-pass-2026";

    private SignedIn() {}

    /** A new account of that role at the school, with {@link #PASSWORD}. */
    static Account account(Accounts accounts, PasswordEncoder encoder, School school, Role role) {
        String username = role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        return accounts.save(Account.of(school, username, "测试" + role.name(), role, null)
                .with(role, encoder.encode(PASSWORD), true));
    }

    static RestClient as(int port, Account account) {
        return as(port, account.username(), PASSWORD);
    }

    static RestClient as(int port, String username, String password) {
        RestClient http = anonymous(port);
        http.post()
                .uri("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body(form("username", username, "password", password))
                .retrieve()
                .toBodilessEntity();
        return http;
    }

    /** Keeps cookies and answers CSRF like a browser, but is not signed in. */
    static RestClient anonymous(int port) {
        String base = "http://localhost:" + port;
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        RestClient http = RestClient.builder()
                .baseUrl(base)
                .requestFactory(new JdkClientHttpRequestFactory(client))
                .requestInterceptor((request, body, execution) -> {
                    if (!HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod())) {
                        csrf(cookies, base)
                                .ifPresent(token -> request.getHeaders().set("X-XSRF-TOKEN", token));
                    }
                    return execution.execute(request, body);
                })
                .build();
        // Any page hands out the CSRF cookie.
        http.get().uri("/login").retrieve().toBodilessEntity();
        return http;
    }

    private static java.util.Optional<String> csrf(CookieManager cookies, String base) {
        return cookies.getCookieStore().get(URI.create(base)).stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** A plain JDK client signed in the same way, for tests that craft raw requests. */
    static HttpClient jdk(int port, String username, String password) {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .build();
        try {
            client.send(
                    java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            String body = "username=" + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8)
                    + "&password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
            var response = client.send(
                    java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "application/json")
                            .header("X-XSRF-TOKEN", csrf(client, port))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("Sign-in as " + username + " failed: " + response.body());
            }
            return client;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CSRF token a JDK client holds in its cookies. */
    static String csrf(HttpClient client, int port) {
        CookieManager cookies = (CookieManager) client.cookieHandler().orElseThrow();
        return csrf(cookies, "http://localhost:" + port).orElseThrow();
    }

    static LinkedMultiValueMap<String, String> form(String... pairs) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }
}
