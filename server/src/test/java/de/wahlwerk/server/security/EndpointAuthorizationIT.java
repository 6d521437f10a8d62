package de.wahlwerk.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every endpoint the application maps, with every role and without login, and checks the
 * answer against the rule table below: allowed, 403, or sent to the login (401 for the API).
 * An endpoint missing from the table fails the test, so no endpoint can ship without a rule.
 */
class EndpointAuthorizationIT extends IntegrationTest {

    /** Who may call an endpoint; null in the set stands for "anonymous". */
    private enum Access {
        PUBLIC, STAFF, ADMIN, POLL_WORKER_OFFICE
    }

    private static final Map<String, Access> RULES = new LinkedHashMap<>();

    static {
        RULES.put("GET /login", Access.PUBLIC);
        RULES.put("GET /health", Access.PUBLIC);
        RULES.put("* /setup/", Access.PUBLIC);
        RULES.put("* /invite/", Access.PUBLIC);
        RULES.put("* /error", Access.PUBLIC);
        RULES.put("* /q/", Access.PUBLIC);
        RULES.put("* /wahlschein/", Access.PUBLIC);
        RULES.put("* /admin/pollcards", Access.ADMIN);
        RULES.put("* /api/pollcards", Access.ADMIN);
        RULES.put("GET /wahlen-live/", Access.PUBLIC);
        RULES.put("* /wahlhelfer", Access.PUBLIC);
        RULES.put("* /admin/pollworkers", Access.POLL_WORKER_OFFICE);
        RULES.put("GET /admin/register/days/{dayId}", Access.STAFF);
        RULES.put("GET /api/register/days/{dayId}/files", Access.STAFF);
        RULES.put("GET /api/register/elections/{electionId}/counts", Access.STAFF);
        RULES.put("* /admin/register", Access.ADMIN);
        RULES.put("* /api/register", Access.ADMIN);
        RULES.put("* /admin/entry", Access.STAFF);
        RULES.put("* /api/entry", Access.STAFF);
        RULES.put("* /admin/users", Access.ADMIN);
        RULES.put("* /admin/audit", Access.ADMIN);
        RULES.put("* /api/users", Access.ADMIN);
        RULES.put("GET /admin/results/elections/{id}/lots/{lotId}/correction", Access.ADMIN);
        RULES.put("POST /admin/results/elections/{id}/lots/{lotId}/correction", Access.ADMIN);
        RULES.put("POST /api/results/elections/{id}/lots/{lotId}/correction", Access.ADMIN);
        RULES.put("GET /admin/results", Access.STAFF);
        RULES.put("GET /api/results", Access.STAFF);
        RULES.put("* /admin/results", Access.ADMIN);
        RULES.put("* /api/results", Access.ADMIN);
        RULES.put("GET /admin/setup", Access.STAFF);
        RULES.put("GET /api/setup", Access.STAFF);
        RULES.put("* /admin/setup", Access.ADMIN);
        RULES.put("* /api/setup", Access.ADMIN);
        RULES.put("GET /admin", Access.STAFF);
        RULES.put("GET /api", Access.STAFF);
        RULES.put("POST /admin", Access.STAFF);
        RULES.put("GET /", Access.STAFF);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointAnswersEveryRoleAsTheRulesSay() {
        Map<Role, HttpSession> sessions = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            TestAccounts.Account a = accounts.create(role, null, null);
            HttpSession s = session();
            s.login(a.username(), TestAccounts.PASSWORD, a.code());
            sessions.put(role, s);
        }
        List<String> failures = new ArrayList<>();
        Set<String> walked = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? EnumSet.of(RequestMethod.GET) : info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod m : methods) {
                    String path = pattern.replaceAll("\\{[^}]+}", "999999");
                    Access access = rule(m.name(), pattern);
                    if (access == null) {
                        failures.add("no rule for " + m + " " + pattern);
                        continue;
                    }
                    walked.add(m + " " + pattern);
                    check(failures, m.name(), path, null, new HttpSession(port), access);
                    for (var e : sessions.entrySet()) {
                        check(failures, m.name(), path, e.getKey(), e.getValue(), access);
                    }
                }
            }
        });
        assertThat(walked).as("endpoints walked").hasSizeGreaterThan(40);
        assertThat(failures).isEmpty();
    }

    private void check(List<String> failures, String method, String path, Role role, HttpSession s, Access access) {
        if (method.equals("POST") || method.equals("PUT") || method.equals("DELETE")) {
            s.get(role == null ? "/login" : "/admin"); // a valid CSRF token, so that the rule itself is tested
        }
        HttpResponse<String> r = path.startsWith("/api/")
                ? s.json(method, path, method.equals("GET") ? null : "{}")
                : method.equals("GET") ? s.get(path) : s.post(path, Map.of());
        int status = r.statusCode();
        String location = r.headers().firstValue("Location").orElse("");
        boolean toLogin = status == 401 || (status == 302 && location.endsWith("/login"));
        boolean allowedExpected = switch (access) {
            case PUBLIC -> true;
            case STAFF -> role != null;
            case ADMIN -> role == Role.ADMIN;
            case POLL_WORKER_OFFICE -> role == Role.ADMIN || role == Role.POLL_WORKER_OFFICE;
        };
        String who = role == null ? "anonymous" : role.name();
        if (status >= 500) {
            failures.add(method + " " + path + " as " + who + ": server error " + status);
        } else if (allowedExpected && (toLogin || status == 403)) {
            failures.add(method + " " + path + " as " + who + ": expected allowed, got " + status + " " + location);
        } else if (!allowedExpected && role == null && !toLogin) {
            failures.add(method + " " + path + " as anonymous: expected login, got " + status);
        } else if (!allowedExpected && role != null && status != 403) {
            failures.add(method + " " + path + " as " + who + ": expected 403, got " + status);
        }
    }

    private static Access rule(String method, String pattern) {
        for (var e : RULES.entrySet()) {
            String[] parts = e.getKey().split(" ", 2);
            boolean methodMatches = parts[0].equals("*") || parts[0].equals(method);
            String prefix = parts[1];
            boolean pathMatches = prefix.equals("/") ? pattern.equals("/")
                    : pattern.equals(prefix) || pattern.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
            if (methodMatches && pathMatches) {
                return e.getValue();
            }
        }
        return null;
    }
}
