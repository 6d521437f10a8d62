package de.wahlwerk.server.web;

import java.io.IOException;
import java.io.Writer;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The page Tomcat itself sends when a request fails before the application sees it: a request line
 * or header too large or malformed (an address of many kilobytes, a broken escape). Tomcat's own
 * page is English and names the server's version; this one says in German (English below) what
 * happened and what to do, and names nothing of the server. Errors the application handles keep
 * their own pages ({@link UiErrorHandler}, {@link ApiErrorHandler}).
 */
public final class ContainerErrorPage extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return; // the connection is gone: nobody to tell
        }
        try {
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            Writer out = response.getReporter();
            if (out != null) {
                out.write(page(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client left while the page was written; there is nothing more to do.
        }
    }

    static String page(int status) {
        // German is the bundle without a language; without the fallback, the JVM's own locale is never chosen instead.
        ResourceBundle.Control exact = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        ResourceBundle de = ResourceBundle.getBundle("messages", Locale.ROOT, exact);
        ResourceBundle en = ResourceBundle.getBundle("messages", Locale.ENGLISH, exact);
        return """
                <!DOCTYPE html>
                <html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title></head>
                <body><main><h1>%s</h1><p>%s</p><p lang="en">%s</p><p><a href="/">%s</a></p></main></body></html>
                """.formatted(de.getString("error.title.title"), de.getString("error.title"),
                MessageFormat.format(de.getString("error.container"), status),
                MessageFormat.format(en.getString("error.container"), status), de.getString("error.back"));
    }

    /** Puts this page in place of Tomcat's for the application's host. */
    @Configuration(proxyBeanMethods = false)
    static class Installation {

        @Bean
        TomcatContextCustomizer containerErrorPage() {
            return context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ContainerErrorPage.class.getName());
                }
            };
        }
    }
}
