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
 * rendering, no compression per request; If-None-Match answers 304. The same pages are also served
 * by the lean {@link PublicListener} on its own port, which is what the public should reach.
 */
class PublicReadFilter extends OncePerRequestFilter {

    static final String PREFIX = "/wahlen/";

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
        }
        response.setStatus(page.status());
        for (String[] h : page.headers()) {
            response.setHeader(h[0], h[1]);
        }
        if (page.matches(request.getHeader("If-None-Match"))) {
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
