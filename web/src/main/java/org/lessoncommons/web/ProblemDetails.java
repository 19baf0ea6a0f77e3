package org.lessoncommons.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.lessoncommons.ingest.DuplicateUpload;
import org.lessoncommons.ingest.UnknownSchool;
import org.lessoncommons.ingest.UnreadableDocument;
import org.lessoncommons.ingest.UploadTooLarge;
import org.lessoncommons.search.InvalidQuery;
import org.lessoncommons.storage.ObjectStoreUnavailable;
import org.lessoncommons.web.accounts.AccountNotFound;
import org.lessoncommons.web.accounts.AccountProblem;
import org.lessoncommons.web.accounts.Forbidden;
import org.lessoncommons.web.reports.InvalidReportParameter;
import org.lessoncommons.web.reports.NoCjkFont;
import org.lessoncommons.web.reports.UnknownReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Domain errors as RFC 9457 problem details for the API, and as a readable page for people using
 * the site.
 */
@ControllerAdvice
// Before Spring's own problem details, so that the upload errors below keep their Chinese detail.
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetails {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);

    @ExceptionHandler
    Object on(MaterialNotFound e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, "Material not found", e.getMessage(), Map.of());
    }

    @ExceptionHandler
    Object on(UnsupportedUpload e, HttpServletRequest request) {
        return respond(
                request,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported file type",
                e.getMessage(),
                Map.of("field", "file"));
    }

    @ExceptionHandler
    Object on(SchoolNotFound e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, "School not found", e.getMessage(), Map.of());
    }

    @ExceptionHandler
    Object on(NoPreview e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, "No preview", e.getMessage(), Map.of());
    }

    /** A teacher uploading a file the school already has: point them to it. */
    @ExceptionHandler
    Object on(DuplicateUpload e, HttpServletRequest request) {
        return respond(
                request,
                HttpStatus.CONFLICT,
                "Duplicate upload",
                e.getMessage(),
                Map.of("existingId", e.existing(), "existingUrl", "/materials/" + e.existing()));
    }

    @ExceptionHandler
    Object on(Forbidden e, HttpServletRequest request) {
        return respond(request, HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), Map.of());
    }

    @ExceptionHandler
    Object on(AccountProblem e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, "Invalid field", e.getMessage(), Map.of("field", e.field()));
    }

    @ExceptionHandler
    Object on(AccountNotFound e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, "Account not found", e.getMessage(), Map.of());
    }

    @ExceptionHandler
    Object on(AuthenticationCredentialsNotFoundException e, HttpServletRequest request) {
        return respond(request, HttpStatus.UNAUTHORIZED, "Sign-in required", "请先登录", Map.of());
    }

    @ExceptionHandler
    Object on(BatchNotFound e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, "Bulk upload not found", e.getMessage(), Map.of());
    }

    @ExceptionHandler
    Object on(org.springframework.dao.OptimisticLockingFailureException e, HttpServletRequest request) {
        return respond(request, HttpStatus.CONFLICT, "Changed meanwhile", "资源刚被修改过，请刷新页面后再试", Map.of());
    }

    @ExceptionHandler
    Object on(InvalidField e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, "Invalid field", e.getMessage(), Map.of("field", e.field()));
    }

    @ExceptionHandler
    Object on(UnknownReport e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, "Report not found", e.getMessage(), Map.of());
    }

    @ExceptionHandler
    Object on(InvalidReportParameter e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, "Invalid field", e.getMessage(), Map.of("field", e.field()));
    }

    @ExceptionHandler
    Object on(NoCjkFont e, HttpServletRequest request) {
        log.warn("{}", e.getMessage());
        return respond(request, HttpStatus.SERVICE_UNAVAILABLE, "PDF font missing", e.getMessage(), Map.of());
    }

    @ExceptionHandler
    Object on(InvalidQuery e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, "Invalid query", e.getMessage(), Map.of());
    }

    @ExceptionHandler
    Object on(UnknownSchool e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, "Unknown school", e.getMessage(), Map.of("field", "schoolId"));
    }

    @ExceptionHandler
    Object on(UploadTooLarge e, HttpServletRequest request) {
        return respond(request, HttpStatus.CONTENT_TOO_LARGE, "File too large", e.getMessage(), Map.of());
    }

    @ExceptionHandler
    Object on(MaxUploadSizeExceededException e, HttpServletRequest request) {
        // Tomcat's part-count limit reaches Spring as a size error: say which limit it was.
        if (causedBy(e, "FileCountLimitExceededException")) {
            return respond(
                    request, HttpStatus.CONTENT_TOO_LARGE, "Too many parts", "上传请求包含的部分过多，请每次只上传一个文件及其表单字段", Map.of());
        }
        return respond(request, HttpStatus.CONTENT_TOO_LARGE, "File too large", "文件超过了允许的大小上限", Map.of());
    }

    /** A multipart body Tomcat refused to parse, e.g. a file name with a NUL character. */
    @ExceptionHandler
    Object on(MultipartException e, HttpServletRequest request) {
        String detail = causedBy(e, "InvalidFileNameException") ? "文件名包含不允许的字符（如 NUL），请改名后再上传" : "上传请求的格式不正确，无法读取";
        return respond(request, HttpStatus.BAD_REQUEST, "Malformed upload", detail, Map.of());
    }

    private static boolean causedBy(Throwable e, String simpleName) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals(simpleName)) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler
    Object on(UnreadableDocument e, HttpServletRequest request) {
        return respond(request, HttpStatus.UNPROCESSABLE_CONTENT, "Unreadable document", e.getMessage(), Map.of());
    }

    @ExceptionHandler
    Object on(ObjectStoreUnavailable e, HttpServletRequest request) {
        log.warn("Object store unavailable: {}", e.getMessage());
        return respond(request, HttpStatus.SERVICE_UNAVAILABLE, "Storage unavailable", "文件存储暂时不可用，请稍后再试", Map.of());
    }

    /** PostgreSQL down or restarting: the pool reconnects by itself once it is back. */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    Object onDatabaseDown(RuntimeException e, HttpServletRequest request) {
        log.warn("Database unavailable: {}", e.getMessage());
        return respond(request, HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable", "数据库暂时不可用，请稍后再试", Map.of());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(ByteRange.Unsatisfiable e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, e.getMessage());
        return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                .header(HttpHeaders.CONTENT_RANGE, "bytes */" + e.size())
                .body(problem);
    }

    static Object respond(
            HttpServletRequest request, HttpStatus status, String title, String detail, Map<String, Object> extra) {
        return Problems.respond(request, status, title, detail, extra);
    }
}
