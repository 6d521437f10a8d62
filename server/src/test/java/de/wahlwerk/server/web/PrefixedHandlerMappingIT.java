package de.wahlwerk.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The shortened lookup of {@link PrefixedHandlerMapping} finds for every request what Spring's
 * lookup of every mapping in full finds: the same controller method, or the same refusal (404,
 * 405, 406). Asked with each mapping's own address and with odd forms of it (trailing slash, matrix
 * parameters, percent-encoded letters, doubled slashes, other case, other methods and media types).
 */
class PrefixedHandlerMappingIT extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theApplicationsMappingIsThePrefixedOne() {
        assertThat(mappings).isInstanceOf(PrefixedHandlerMapping.class);
    }

    @Test
    void everyAddressFindsWhatTheFullLookupFinds() throws Exception {
        PrefixedHandlerMapping mapping = (PrefixedHandlerMapping) mappings;
        Set<String> addresses = new LinkedHashSet<>(List.of("/", "/nothing/here", "/api", "/api/", "/admin/x/y/z",
                "/api/entry/elections/x/reports", "/API/entry/elections/1/reports", "/api/entry//elections/1/reports"));
        mapping.getHandlerMethods().keySet().forEach(info -> {
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{\\*[^}]+}", "a/b").replaceAll("\\{[^}]+}", "7")
                        .replace("**", "a/b").replace("*", "a");
                addresses.add(path);
                addresses.add(path + "/");
                addresses.add(path + ";v=1");
                addresses.add(path.replaceFirst("/([a-z])", "/%61$1"));
                addresses.add(path.replaceFirst("^/", "//"));
                addresses.add(path.toUpperCase(java.util.Locale.ROOT));
                int slash = path.lastIndexOf('/');
                if (slash > 0) {
                    addresses.add(path.substring(0, slash));
                    addresses.add(path.substring(0, slash) + ";jsessionid=1" + path.substring(slash));
                }
            }
        });
        List<String> differences = new ArrayList<>();
        int compared = 0;
        int found = 0;
        for (String address : addresses) {
            for (String method : List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PREFLIGHT")) {
                for (String accept : new String[] {null, "application/json", "text/html"}) {
                    String shortened = outcome(() -> mapping.handlerOf(request(method, address, accept)));
                    String full = outcome(() -> mapping.handlerInFull(request(method, address, accept)));
                    compared++;
                    if (full.contains("#")) {
                        found++; // a controller method, "Class#method(…)"
                    }
                    if (!shortened.equals(full)) {
                        differences.add(method + " " + address + " (Accept " + accept + "): " + shortened + " instead of " + full);
                    }
                }
            }
        }
        assertThat(mapping.getHandlerMethods()).as("mappings of the application").hasSizeGreaterThan(150);
        assertThat(compared).isGreaterThan(10_000);
        // Both lookups failing alike would compare equal: most addresses must find their method.
        assertThat(found).as("requests that found a controller method").isGreaterThan(mapping.getHandlerMethods().size());
        assertThat(differences).isEmpty();
    }

    /**
     * The point of the mapping: an entry of election night tests only the few mappings under its
     * address in full. Spring reads the request's method for every mapping it tests in full (582
     * reads for an entry when this was written, against 11 with the prefixes).
     */
    @Test
    void anEntryTestsOnlyTheMappingsUnderItsAddressInFull() throws Exception {
        PrefixedHandlerMapping mapping = (PrefixedHandlerMapping) mappings;
        for (String address : List.of("/api/entry/elections/7/reports", "/api/entry/reports/7/approve")) {
            MethodReads shortened = new MethodReads(request("POST", address, "application/json"));
            MethodReads full = new MethodReads(request("POST", address, "application/json"));
            assertThat(String.valueOf(mapping.handlerOf(shortened))).contains("EntryApiController#");
            assertThat(String.valueOf(mapping.handlerInFull(full))).contains("EntryApiController#");
            assertThat(full.reads).as("method reads of the full lookup of " + address).isGreaterThan(200);
            assertThat(shortened.reads).as("method reads of the shortened lookup of %s (full: %d)", address, full.reads)
                    .isLessThan(30);
        }
    }

    /** Counts how often the request's method is read. */
    private static final class MethodReads extends jakarta.servlet.http.HttpServletRequestWrapper {
        int reads;

        MethodReads(MockHttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            reads++;
            return super.getMethod();
        }
    }

    /** A request; method PREFLIGHT is an OPTIONS request of a CORS preflight, which the lookup treats apart. */
    private static MockHttpServletRequest request(String method, String address, String accept) {
        boolean preflight = method.equals("PREFLIGHT");
        MockHttpServletRequest request = new MockHttpServletRequest(preflight ? "OPTIONS" : method, address);
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        if (preflight) {
            request.addHeader("Origin", "https://example.org");
            request.addHeader("Access-Control-Request-Method", "GET");
        }
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    private interface Lookup {
        Object find() throws Exception;
    }

    private static String outcome(Lookup lookup) {
        try {
            return String.valueOf(lookup.find());
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
