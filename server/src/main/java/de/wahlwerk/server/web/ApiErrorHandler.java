package de.wahlwerk.server.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of a JSON endpoint into an RFC 9457 problem detail with a German (or English)
 * message per field. Nothing reaches the client as a stack trace.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    private final MessageSource messages;
    private final Problems problems;

    public ApiErrorHandler(MessageSource messages, Problems problems) {
        this.messages = messages;
        this.problems = problems;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError fe : e.getBindingResult().getFieldErrors()) {
            errors.add(fieldError(fe.getField(), messages.getMessage(fe, LocaleContextHolder.getLocale())));
        }
        e.getBindingResult().getGlobalErrors().forEach(ge ->
                errors.add(fieldError(null, messages.getMessage(ge, LocaleContextHolder.getLocale()))));
        return problem(HttpStatus.BAD_REQUEST, "error.invalidInput", errors);
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.problems().forEach(p -> errors.add(fieldError(p.field(), problems.message(p))));
        return problem(HttpStatus.BAD_REQUEST, "error.invalidInput", errors);
    }

    /** Someone else decided first: 409, with what they decided (the more specific handler wins over the one above). */
    @ExceptionHandler(ConflictException.class)
    ProblemDetail changedMeanwhile(ConflictException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.problems().forEach(p -> errors.add(fieldError(p.field(), problems.message(p))));
        return problem(HttpStatus.CONFLICT, "error.changedMeanwhile", errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String field = JsonPaths.fieldOf(e);
        if (NulCharacters.causedBy(e)) {
            return problem(HttpStatus.BAD_REQUEST, "error.unstorableText", List.of(fieldError(field, msg("error.unstorableText.field"))));
        }
        return problem(HttpStatus.BAD_REQUEST, "error.unreadable",
                List.of(fieldError(field, msg(field == null ? "error.unreadable.body" : "error.unreadable.field"))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        if (NulCharacters.causedBy(e)) {
            return problem(HttpStatus.BAD_REQUEST, "error.unstorableText", List.of(fieldError(e.getName(), msg("error.unstorableText.field"))));
        }
        return problem(HttpStatus.BAD_REQUEST, "error.invalidInput",
                List.of(fieldError(e.getName(), msg("error.unreadable.field"))));
    }

    @ExceptionHandler({org.springframework.web.bind.MissingServletRequestParameterException.class,
        org.springframework.web.bind.ServletRequestBindingException.class,
        org.springframework.web.multipart.MultipartException.class,
        org.springframework.web.multipart.support.MissingServletRequestPartException.class})
    ProblemDetail missing(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "error.invalidInput", List.of());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "error.notFound", List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "error.notFound", List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "error.forbidden", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "error.method", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.mediaType", List.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge", List.of());
    }

    /** A concurrent change won the race for a unique key: tell the client to reload and retry. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail conflict(DataIntegrityViolationException e) {
        if (UnstorableText.causedBy(e)) {
            return problem(HttpStatus.BAD_REQUEST, "error.unstorableText", List.of());
        }
        log.info("Integrity violation answered with 409: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "error.conflict", List.of());
    }

    /**
     * The database does not answer (restarting, network gone): nothing was stored, and the client
     * should send the same request again later, with its idempotency key (503 with Retry-After).
     */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
        org.springframework.transaction.CannotCreateTransactionException.class,
        org.springframework.dao.TransientDataAccessException.class})
    org.springframework.http.ResponseEntity<ProblemDetail> unavailable(Exception e) {
        log.warn("Database unavailable, answered with 503: {}", e.getMessage());
        return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(org.springframework.http.HttpHeaders.RETRY_AFTER, "2")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable", List.of()));
    }

    @ExceptionHandler(Exception.class)
    org.springframework.http.ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (databaseUnavailable(e)) {
            return unavailable(e);
        }
        log.error("Unexpected error in API request", e);
        return org.springframework.http.ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "error.internal", List.of()));
    }

    /**
     * Whether a failure comes from a lost database connection (SQL state class 08, or 57P: the
     * server shut down or is starting), however Spring wrapped it (a failed rollback, for example).
     */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))
                        || "Connection is closed".equals(sql.getMessage())) {
                    return true;
                }
            }
        }
        return false;
    }

    private ProblemDetail problem(HttpStatus status, String key, List<Map<String, String>> errors) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, msg(key));
        pd.setTitle(msg(key + ".title"));
        if (!errors.isEmpty()) {
            pd.setProperty("errors", errors);
        }
        return pd;
    }

    private static Map<String, String> fieldError(String field, String message) {
        Map<String, String> m = new LinkedHashMap<>();
        if (field != null) {
            m.put("field", field);
        }
        m.put("message", message);
        return m;
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
