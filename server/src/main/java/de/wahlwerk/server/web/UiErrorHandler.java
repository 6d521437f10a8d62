package de.wahlwerk.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Error pages of the admin UI: German text, what to do next, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
public class UiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandler.class);

    private final Problems problems;

    public UiErrorHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
    String notFound(Exception e, Model model, HttpServletResponse response) {
        return page(model, response, HttpStatus.NOT_FOUND, "error.notFound");
    }

    /**
     * An id in the address that is no number points to nothing (404); a query field of the wrong
     * kind, or with a NUL character, is bad input (400) naming the field.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String mismatch(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            return notFound(e, model, response);
        }
        String problem = NulCharacters.causedBy(e)
                ? problems.message(FieldProblem.of(e.getName(), "error.fieldNamed", e.getName(), problems.text("error.unstorableText.field")))
                : problems.message(FieldProblem.of(e.getName(), "error.unreadable.namedField", e.getName()));
        model.addAttribute("problems", List.of(problem));
        return page(model, response, HttpStatus.BAD_REQUEST, "error.invalidInput");
    }

    @ExceptionHandler(ResponseStatusException.class)
    String status(ResponseStatusException e, Model model, HttpServletResponse response) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        return page(model, response, status == null ? HttpStatus.BAD_REQUEST : status,
                status == HttpStatus.NOT_FOUND ? "error.linkNotFound" : "error.invalidInput");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, ServletRequestBindingException.class,
        org.springframework.beans.TypeMismatchException.class, org.springframework.web.multipart.MultipartException.class,
        org.springframework.web.multipart.support.MissingServletRequestPartException.class})
    String badRequest(Exception e, Model model, HttpServletResponse response) {
        return page(model, response, HttpStatus.BAD_REQUEST, "error.invalidInput");
    }

    /**
     * A form whose page takes its problems as a list (no binding result) and got a value it cannot
     * bind (a text with a NUL character): every field's message, with 400; nothing was stored.
     */
    @ExceptionHandler(org.springframework.validation.BindException.class)
    String unbound(org.springframework.validation.BindException e, Model model, HttpServletResponse response) {
        model.addAttribute("problems", e.getFieldErrors().stream().map(problems::message).distinct().toList());
        return page(model, response, HttpStatus.BAD_REQUEST, "error.invalidInput");
    }

    /** A rule broken outside a form page (e.g. a button on a detail page): say which and what to do. */
    @ExceptionHandler(InvalidInputException.class)
    String invalid(InvalidInputException e, Model model, HttpServletResponse response) {
        model.addAttribute("problems", e.problems().stream().map(problems::message).toList());
        return page(model, response, HttpStatus.BAD_REQUEST, "error.invalidInput");
    }

    /** Someone else decided first: say what they decided, with 409. */
    @ExceptionHandler(ConflictException.class)
    String changedMeanwhile(ConflictException e, Model model, HttpServletResponse response) {
        model.addAttribute("problems", e.problems().stream().map(problems::message).toList());
        return page(model, response, HttpStatus.CONFLICT, "error.changedMeanwhile");
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(AccessDeniedException e, Model model, HttpServletResponse response) {
        return page(model, response, HttpStatus.FORBIDDEN, "error.forbidden");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    String method(Exception e, Model model, HttpServletResponse response) {
        return page(model, response, HttpStatus.METHOD_NOT_ALLOWED, "error.method");
    }

    /**
     * A page's script asks some addresses under /admin for JSON; a client that accepts only HTML
     * there gets 406 and our page saying so (in HTML, which it does accept).
     */
    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
    String notAcceptable(Exception e, Model model, HttpServletResponse response) {
        return page(model, response, HttpStatus.NOT_ACCEPTABLE, "error.notAcceptable");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Exception e, Model model, HttpServletResponse response) {
        return page(model, response, HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    String conflict(DataIntegrityViolationException e, Model model, HttpServletResponse response) {
        if (UnstorableText.causedBy(e)) {
            return page(model, response, HttpStatus.BAD_REQUEST, "error.unstorableText");
        }
        log.info("Integrity violation answered with 409: {}", e.getMostSpecificCause().getMessage());
        return page(model, response, HttpStatus.CONFLICT, "error.conflict");
    }

    /** A reader who left an event stream or a download: there is nobody to answer, and nothing went wrong here. */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    void readerGone(Exception e) {
        log.debug("Reader gone: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletResponse response) {
        log.error("Unexpected error in admin UI", e);
        return page(model, response, HttpStatus.INTERNAL_SERVER_ERROR, "error.internal");
    }

    private static String page(Model model, HttpServletResponse response, HttpStatus status, String key) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("messageKey", key);
        return "error";
    }
}
