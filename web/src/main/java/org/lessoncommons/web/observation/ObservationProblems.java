package org.lessoncommons.web.observation;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** The observation errors as RFC 9457 problem details (API) or the readable error page. */
@ControllerAdvice
class ObservationProblems {

    @ExceptionHandler
    Object on(SessionNotFound e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, "Observation session not found", e.getMessage(), Map.of());
    }

    @ExceptionHandler
    Object on(InvalidInput e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, "Invalid field", e.getMessage(), Map.of("field", e.field()));
    }

    private static Object respond(
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
