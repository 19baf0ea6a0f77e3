package org.lessoncommons.web.lending;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.lessoncommons.ingest.lending.UnreadableHoldings;
import org.lessoncommons.storage.lending.AlreadyQueued;
import org.lessoncommons.storage.lending.CopyOnLoan;
import org.lessoncommons.storage.lending.CopyUnavailable;
import org.lessoncommons.storage.lending.HoldNotWaiting;
import org.lessoncommons.storage.lending.InvalidDueDate;
import org.lessoncommons.storage.lending.LendingNotFound;
import org.lessoncommons.storage.lending.LoanStateConflict;
import org.lessoncommons.storage.lending.RenewalRefused;
import org.lessoncommons.storage.lending.SameShelf;
import org.lessoncommons.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The lending library's errors: RFC 9457 problem details under {@code /api/}, the error page
 * elsewhere. Details are in words for a teacher; {@code code} names the condition for programs.
 */
@ControllerAdvice
class LendingProblems {

    @ExceptionHandler
    Object on(LendingNotFound e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, "Not found", "没有找到这条借阅信息（或你无权查看）", "not-found", Map.of());
    }

    @ExceptionHandler
    Object on(CopyUnavailable e, HttpServletRequest request) {
        return respond(
                request,
                HttpStatus.CONFLICT,
                "Copy unavailable",
                "这一册已被别人申请或借走了。可以预约这本书，有人归还后按预约先后为你保留。",
                "copy-unavailable",
                Map.of("copyId", e.copyId()));
    }

    @ExceptionHandler
    Object on(LoanStateConflict e, HttpServletRequest request) {
        return respond(
                request,
                HttpStatus.CONFLICT,
                "Loan state conflict",
                "这笔借阅现在是“%s”，不能变为“%s”".formatted(LoanWords.state(e.state()), LoanWords.state(e.wanted())),
                "loan-state",
                Map.of("state", e.state().name()));
    }

    @ExceptionHandler
    Object on(RenewalRefused e, HttpServletRequest request) {
        String detail = switch (e.reason()) {
            case NOT_CHECKED_OUT -> "只有已借出的藏品可以续借";
            case OVERDUE -> "已经逾期，不能续借，请先归还";
            case LIMIT_REACHED -> "续借次数已用完";
            case OTHERS_WAITING -> "有人正在排队预约，不能续借，请按期归还";
        };
        return respond(
                request,
                HttpStatus.CONFLICT,
                "Renewal refused",
                detail,
                "renewal-refused",
                Map.of("reason", e.reason().name()));
    }

    @ExceptionHandler
    Object on(AlreadyQueued e, HttpServletRequest request) {
        return respond(request, HttpStatus.CONFLICT, "Already queued", "你已经在这本书的预约队列里了", "already-queued", Map.of());
    }

    @ExceptionHandler
    Object on(HoldNotWaiting e, HttpServletRequest request) {
        return respond(
                request,
                HttpStatus.CONFLICT,
                "Hold not waiting",
                "这条预约已经不在排队中，已为你保留的请在“我的借阅”里取消",
                "hold-not-waiting",
                Map.of());
    }

    @ExceptionHandler
    Object on(CopyOnLoan e, HttpServletRequest request) {
        return respond(
                request, HttpStatus.CONFLICT, "Copy on loan", "这一册正被申请或借出，归还后才能转到别的学校", "copy-on-loan", Map.of());
    }

    @ExceptionHandler
    Object on(SameShelf e, HttpServletRequest request) {
        return respond(
                request,
                HttpStatus.BAD_REQUEST,
                "Invalid field",
                "这一册已经在这所学校了",
                "same-shelf",
                Map.of("field", "toSchoolId"));
    }

    @ExceptionHandler
    Object on(InvalidDueDate e, HttpServletRequest request) {
        return respond(
                request,
                HttpStatus.BAD_REQUEST,
                "Invalid field",
                "应还日期应在 %s 到 %s 之间".formatted(e.earliest(), e.latest()),
                "due-date",
                Map.of("field", "dueOn"));
    }

    @ExceptionHandler
    Object on(InvalidLendingField e, HttpServletRequest request) {
        return respond(
                request,
                HttpStatus.BAD_REQUEST,
                "Invalid field",
                e.getMessage(),
                "invalid-field",
                Map.of("field", e.field()));
    }

    @ExceptionHandler
    Object on(UnreadableHoldings e, HttpServletRequest request) {
        return respond(
                request,
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Unreadable holdings file",
                e.getMessage(),
                "unreadable-holdings",
                Map.of("field", "file"));
    }

    private static Object respond(
            HttpServletRequest request,
            HttpStatus status,
            String title,
            String detail,
            String code,
            Map<String, Object> extra) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>(extra);
        properties.put("code", code);
        return Problems.respond(request, status, title, detail, properties);
    }
}
