package org.lessoncommons.web.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.lessoncommons.storage.Accounts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Everything but the sign-in page, static assets and health needs a signed-in account. Pages sign
 * in with a form; the JSON API uses the same session, and every unsafe request carries the CSRF
 * token (cookie {@code XSRF-TOKEN}, sent back as header {@code X-XSRF-TOKEN} or form field
 * {@code _csrf}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    LoginThrottle loginThrottle() {
        return new LoginThrottle(Clock.systemUTC());
    }

    @Bean
    AuthenticationManager authenticationManager(
            Accounts accounts, PasswordEncoder passwordEncoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(new AccountDetails(accounts));
        passwords.setPasswordEncoder(passwordEncoder);
        ProviderManager checkPassword = new ProviderManager(passwords);
        return authentication -> {
            String username = AccountDetails.normalise(authentication.getName());
            var wait = throttle.blocked(username, String.valueOf(Audit.remoteAddress()));
            if (wait.isPresent()) {
                throw new LockedException("登录失败次数过多，请 " + Math.max(1, wait.get().toMinutes() + 1) + " 分钟后再试");
            }
            return checkPassword.authenticate(authentication);
        };
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignIns signIns) throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login", "/app.css", "/*.js", "/favicon.ico", "/error", "/actuator/health")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(signIns)
                        .failureHandler(signIns)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .csrf(csrf -> csrf.spa())
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.frameOptions(frames -> frames.sameOrigin()))
                .exceptionHandling(
                        errors -> errors.defaultAuthenticationEntryPointFor(problem(HttpStatus.UNAUTHORIZED), api)
                                .defaultAuthenticationEntryPointFor(
                                        new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                                .defaultAccessDeniedHandlerFor(denied(), api));
        return http.build();
    }

    private static AuthenticationEntryPoint problem(HttpStatus status) {
        return (request, response, e) -> write(response, status, "Sign-in required", "请先登录");
    }

    /** A refused CSRF token is the usual reason for a 403 here: say so. */
    private static AccessDeniedHandler denied() {
        return (request, response, e) -> write(
                response,
                HttpStatus.FORBIDDEN,
                "Forbidden",
                e instanceof org.springframework.security.web.csrf.CsrfException
                        ? "缺少或无效的 CSRF 令牌：请从 XSRF-TOKEN Cookie 取值放入 X-XSRF-TOKEN 请求头"
                        : "没有权限执行此操作");
    }

    static void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        response.setStatus(status.value());
        // JSON is UTF-8 by definition: no charset parameter, as Spring's own problem details.
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream()
                .write("{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
                        .formatted(title, status.value(), json(detail))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("json");
    }
}
