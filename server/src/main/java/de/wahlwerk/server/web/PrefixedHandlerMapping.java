package de.wahlwerk.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds the controller method of a request without testing every mapping in full.
 * <p>
 * For an address with a path variable ({@code /api/entry/reports/{id}/approve}) Spring MVC tests
 * all ~200 mappings of the application one after the other, each first by its HTTP method, which
 * is read through the five request wrappers of the security filters. On election night that was a
 * tenth of the request threads' CPU (JFR, PERFORMANCE.md, session 22). Here a mapping is tested in
 * full only where the address begins with the literal part of one of its patterns (the text before
 * the first variable or wildcard); every other mapping cannot match and is passed over. Addresses
 * whose raw form may differ from what the patterns are matched against (percent-encoded, doubled
 * slashes) are looked up as before. Everything else (the best match, 404/405/406, CORS) is
 * Spring's. {@code PrefixedHandlerMappingIT} checks that every mapping is found for its own
 * address and odd addresses as before.
 */
public class PrefixedHandlerMapping extends RequestMappingHandlerMapping {

    /** The address being looked up, while its mappings are tested; unbound: test every mapping in full. */
    private static final ScopedValue<String> LOOKUP_PATH = ScopedValue.newInstance();

    /** Bound for a lookup that must test every mapping in full, as Spring does (the comparing test). */
    private static final ScopedValue<Boolean> IN_FULL = ScopedValue.newInstance();

    /**
     * The literal prefixes of each mapping, by identity: {@code RequestMappingInfo.hashCode()} is
     * computed anew on every call, which in a hash map cost as much as the tests it saves. Copied
     * on write, so that the lookups read it without a lock; it is written once per mapping.
     */
    private volatile Map<RequestMappingInfo, String[]> prefixes = new IdentityHashMap<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        boolean prefixed = !IN_FULL.isBound() && plain(lookupPath) && getPatternParser() != null
                && getPatternParser().isCaseSensitive();
        if (!prefixed && !LOOKUP_PATH.isBound()) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        // A lookup without prefixes inside another one (none is known today) binds "" so as not to
        // be filtered by the outer address.
        String bound = prefixed ? lookupPath : "";
        return ScopedValue.where(LOOKUP_PATH, bound).call(() -> super.lookupHandlerMethod(lookupPath, request));
    }

    /** The handler method of a request, as the dispatcher gets it; for the test that compares the two lookups. */
    HandlerMethod handlerOf(HttpServletRequest request) throws Exception {
        return getHandlerInternal(request);
    }

    /** The handler method of a request by Spring's lookup of every mapping in full. */
    HandlerMethod handlerInFull(HttpServletRequest request) throws Exception {
        return ScopedValue.where(IN_FULL, true).call(() -> getHandlerInternal(request));
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        // One look at the scoped value per mapping; "" (never a bound address) stands for unbound.
        String path = LOOKUP_PATH.orElse("");
        if (!path.isEmpty() && !mayMatch(info, path)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private boolean mayMatch(RequestMappingInfo info, String path) {
        for (String prefix : prefixesOf(info)) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private String[] prefixesOf(RequestMappingInfo info) {
        String[] literal = prefixes.get(info);
        if (literal == null) {
            literal = literalPrefixes(info);
            synchronized (this) {
                Map<RequestMappingInfo, String[]> more = new IdentityHashMap<>(prefixes);
                more.put(info, literal);
                prefixes = more;
            }
        }
        return literal;
    }

    /** The text of each pattern before its first variable or wildcard; the empty text where the mapping has no patterns. */
    private static String[] literalPrefixes(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        if (condition == null || condition.getPatterns().isEmpty()) {
            return new String[] {""};
        }
        String[] literal = new String[condition.getPatterns().size()];
        int i = 0;
        for (PathPattern pattern : condition.getPatterns()) {
            String text = pattern.getPatternString();
            int end = text.length();
            for (int j = 0; j < text.length(); j++) {
                char c = text.charAt(j);
                if (c == '{' || c == '*' || c == '?') {
                    end = j;
                    break;
                }
            }
            // A pattern's own trailing slash is left out, so that the check never decides about one.
            String prefix = text.substring(0, end);
            literal[i++] = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        }
        return literal;
    }

    /** True where the raw address is what the patterns see: nothing decoded, no empty segments. */
    private static boolean plain(String path) {
        return !path.isEmpty() && path.indexOf('%') < 0 && !path.contains("//");
    }

    /** Makes Spring Boot configure this mapping as its one request-mapping handler mapping. */
    @Component
    static class Registration implements WebMvcRegistrations {
        @Override
        public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
            return new PrefixedHandlerMapping();
        }
    }
}
