package de.wahlwerk.server.publish;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public read path: answers {@code /wahlen/**} from ready bytes before Spring Security and
 * MVC ever see the request (DESIGN.md: that stack costs 4× the throughput). No database query, no
 * rendering, no compression per request; If-None-Match answers 304.
 */
class PublicReadFilter extends OncePerRequestFilter {

    static final String PREFIX = "/wahlen/";
    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /** Only the widget may be framed by other sites (local media embed it). */
    private static final String CSP_WIDGET = CSP.replace("frame-ancestors 'none'", "frame-ancestors *");

    private final Snapshots snapshots;
    private final NotPublishedPage notPublished;

    PublicReadFilter(Snapshots snapshots, NotPublishedPage notPublished) {
        this.snapshots = snapshots;
        this.notPublished = notPublished;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        String path = request.getRequestURI();
        PublishedPage page = snapshots.get(path.endsWith("/") ? path + "index.html" : path);
        if (page == null) {
            page = notPublished.page();
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        response.setHeader("ETag", page.etag());
        response.setHeader("Cache-Control", "public, max-age=5, must-revalidate");
        response.setHeader("Last-Modified", page.lastModifiedHeader());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", path.contains("/widget/") ? CSP_WIDGET : CSP);
        response.setHeader("Vary", "Accept-Encoding");
        if (page.contentType().startsWith("application/json") || page.contentType().startsWith("text/csv")) {
            response.setHeader("Access-Control-Allow-Origin", "*");
        }
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && response.getStatus() != HttpServletResponse.SC_NOT_FOUND
                && (ifNoneMatch.equals(page.etag()) || ifNoneMatch.equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(page.contentType());
        String accept = request.getHeader("Accept-Encoding");
        byte[] bytes = page.body();
        if (accept != null && accept.contains("gzip")) {
            response.setHeader("Content-Encoding", "gzip");
            bytes = page.gzip();
        }
        response.setContentLength(bytes.length);
        if ("GET".equals(method)) {
            response.getOutputStream().write(bytes);
        }
    }
}
