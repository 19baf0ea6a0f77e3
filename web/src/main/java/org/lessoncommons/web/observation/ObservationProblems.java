package org.lessoncommons.web.observation;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.lessoncommons.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

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

    static Object respond(
            HttpServletRequest request, HttpStatus status, String title, String detail, Map<String, Object> extra) {
        return Problems.respond(request, status, title, detail, extra);
    }
}
