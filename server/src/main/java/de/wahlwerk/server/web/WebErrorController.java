package de.wahlwerk.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that happen outside our controllers (unknown paths, filter failures) end here. Called
 * directly, without an error, it answers 404 rather than inventing a server error.
 */
@Controller
public class WebErrorController implements ErrorController {

    private final MessageSource messages;

    public WebErrorController(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    public String html(HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpStatus status = status(request);
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("messageKey", key(status));
        return "error";
    }

    @RequestMapping("/error")
    public ResponseEntity<ProblemDetail> json(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(key(status), null, LocaleContextHolder.getLocale()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.NOT_FOUND : status;
    }

    private static String key(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "error.notFound";
            case FORBIDDEN, UNAUTHORIZED -> "error.forbidden";
            case METHOD_NOT_ALLOWED -> "error.method";
            case CONTENT_TOO_LARGE -> "error.tooLarge";
            case BAD_REQUEST -> "error.invalidInput";
            case SERVICE_UNAVAILABLE -> "error.overloaded"; // the request limit; handlers answer a database outage themselves
            default -> status.is4xxClientError() ? "error.invalidInput" : "error.internal";
        };
    }
}
