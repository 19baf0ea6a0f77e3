package org.lessoncommons.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one way every feature's error advice answers: an RFC 9457 problem detail for the API, the
 * readable error page for people using the site.
 */
public final class Problems {

    private Problems() {}

    public static Object respond(
            HttpServletRequest request, HttpStatus status, String title, String detail, Map<String, Object> extra) {
        if (request.getRequestURI().startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setTitle(title);
            extra.forEach(problem::setProperty);
            return ResponseEntity.status(status).body(problem);
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("error", title);
        page.addObject("message", detail);
        return page;
    }
}
