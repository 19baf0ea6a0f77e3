package org.lessoncommons.web.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.lessoncommons.storage.Accounts;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * What happens after a sign-in attempt: the throttle and the audit log learn of it; a browser goes
 * on to the page it asked for (or back to the form with a reason), an API client gets JSON.
 */
@Component
class SignIns implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final LoginThrottle throttle;
    private final Audit audit;
    private final Accounts accounts;
    private final SavedRequestAwareAuthenticationSuccessHandler pages =
            new SavedRequestAwareAuthenticationSuccessHandler();

    SignIns(LoginThrottle throttle, Audit audit, Accounts accounts) {
        this.throttle = throttle;
        this.audit = audit;
        this.accounts = accounts;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        throttle.succeeded(authentication.getName());
        var account = accounts.findByUsername(authentication.getName());
        audit.record(
                authentication.getName(),
                account.map(a -> a.id()).orElse(null),
                account.map(a -> a.schoolId()).orElse(null),
                "sign-in",
                "");
        if (SecurityConfiguration.wantsJson(request)) {
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return;
        }
        pages.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String username = AccountDetails.normalise(String.valueOf(request.getParameter("username")));
        String reason;
        String message;
        if (exception instanceof LockedException) {
            reason = "locked";
            message = exception.getMessage();
        } else if (exception instanceof DisabledException) {
            reason = "disabled";
            message = "账号已停用，请联系本校管理员";
        } else {
            reason = "bad";
            message = "用户名或密码不正确";
            throttle.failed(username, String.valueOf(request.getRemoteAddr()));
        }
        var account = accounts.findByUsername(username);
        audit.record(
                username,
                account.map(a -> a.id()).orElse(null),
                account.map(a -> a.schoolId()).orElse(null),
                "sign-in.failed",
                reason);
        if (SecurityConfiguration.wantsJson(request)) {
            SecurityConfiguration.write(response, HttpStatus.UNAUTHORIZED, "Sign-in failed", message);
            return;
        }
        response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
    }
}
