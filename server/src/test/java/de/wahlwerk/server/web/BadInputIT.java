package de.wahlwerk.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.support.DemoReports;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import de.wahlwerk.server.support.JsonJunk;
import de.wahlwerk.server.support.Multipart;
import de.wahlwerk.server.support.Responses;
import de.wahlwerk.server.support.TestTown;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * "Bad input gets a clear error and loses nothing": every endpoint the application maps is sent
 * what a careless or hostile client sends, by a signed-in administrator (who passes every access
 * rule, so the input itself is what gets checked): path ids that are no number, negative, out of
 * range or unknown; bodies that are no JSON, JSON of another shape, the endpoint's own fields
 * with values of the wrong type, out of range, empty or very long; forms and uploads with every
 * field junk. No answer may be a server error (5xx) or show a stack trace, and the answers to
 * the web pages' forms must be German. The fields are read from the handler methods themselves,
 * so a new endpoint is walked without being listed here. {@code EndpointAuthorizationIT} checks
 * the roles; this test checks what a permitted caller may send.
 */
class BadInputIT extends IntegrationTest {

    private static final String AGS = "09175991";
    /** Path ids a client may send by mistake: not a number, negative, zero, beyond a long, unknown. */
    private static final List<String> BAD_IDS = List.of("abc", "-1", "0", "99999999999999999999", "999999");
    /** Form values: a word where a number belongs, empty, negative, beyond a long, very long, markup, a control character. */
    private static final List<String> BAD_VALUES = List.of("x", "", "-1", "99999999999999999999",
            "Ä".repeat(5_000) + "<script>alert(1)</script>", "\u0000", "31.02.2025");
    /** Words of the English defaults of Spring and the servlet container that must not reach a German form. */
    private static final Pattern ENGLISH_ERROR = Pattern.compile("(?i)\\b(bad request|internal server error|whitelabel|failed to convert|required request)\\b");
    /** Names of form fields the report and settings forms take beside their declared parameters. */
    private static final List<String> EXTRA_FIELDS = List.of("D1", "D2", "A1", "B", "warning.W1", "reason", "name");

    /**
     * Addresses that rightly answer 404 for the town as the walk has it: the error page itself, and
     * the print file of polling notices, which exists once a print run was made.
     */
    private static final Set<String> MADE_LATER = Set.of("/error", "/admin/pollcards/elections/{electionId}/print/file");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private HttpSession admin;
    private String csrf;
    private final Map<String, String> ids = new LinkedHashMap<>();

    @Test
    void noEndpointAnswersBadInputWithAServerErrorOrAStackTrace() {
        admin = signedIn(accounts, Role.ADMIN, null, null);
        TestTown town = new TestTown(admin, AGS, "Unsinnige Eingaben", 2);
        long unit = town.addUnit("001");
        HttpSession clerk = signedIn(accounts, Role.CLERK, "admin", AGS);
        long report = town.enter(clerk, unit, "\"D1\":\"30\",\"D2\":\"20\"");
        // Real ids of the test's own town where a path names what it is, so that a handler gets past
        // its look-up to the input; an unknown id elsewhere, so that nothing of the shared demo town is touched.
        ids.put("days", String.valueOf(town.day()));
        ids.put("elections", String.valueOf(town.election()));
        ids.put("units", String.valueOf(unit));
        ids.put("nominations", String.valueOf(town.nomination(1)));
        ids.put("reports", String.valueOf(report));
        ids.put("stations", String.valueOf(jdbc.sql("select id from polling_station where election_day_id = :d")
                .param("d", town.day()).query(Long.class).single()));
        ids.put("areas", String.valueOf(jdbc.sql("select id from area where election_day_id = :d")
                .param("d", town.day()).query(Long.class).list().getFirst()));

        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("endpoints walked").hasSizeGreaterThan(100);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Endpoint e : endpoints) {
            for (String id : BAD_IDS) {
                if (e.pattern().contains("{")) {
                    failures.addAll(check(e, e.path(v -> id), null));
                    sent++;
                }
            }
            String path = e.path(this::realId);
            // A page of the town's own objects, asked for plainly, opens: an error page there means
            // the page is broken, which answers to bad input must not hide.
            failures.addAll(opens(e, path));
            for (Input input : inputs(e)) {
                failures.addAll(check(e, path, input));
                sent++;
            }
        }
        assertThat(sent).as("requests sent").isGreaterThan(1_000);
        assertThat(failures).isEmpty();
    }

    /**
     * Every page and document of the demo town (two hierarchies, nested areas, reports), asked for
     * plainly, opens. Only reads: the demo town is shared with the other tests.
     */
    @Test
    void everyPageOfTheDemoTownOpens() {
        admin = signedIn(accounts, Role.ADMIN, null, null);
        DemoReports demo = new DemoReports(jdbc);
        ids.put("days", String.valueOf(demo.dayId()));
        ids.put("elections", String.valueOf(demo.electionId()));
        ids.put("units", String.valueOf(demo.unitId("0102")));
        ids.put("nominations", String.valueOf(jdbc.sql("select min(id) from nomination where election_id = :e")
                .param("e", demo.electionId()).query(Long.class).single()));
        ids.put("stations", String.valueOf(jdbc.sql("select min(id) from polling_station where election_day_id = :d")
                .param("d", demo.dayId()).query(Long.class).single()));
        ids.put("areas", String.valueOf(jdbc.sql("select min(id) from area where election_day_id = :d and parent_id is not null")
                .param("d", demo.dayId()).query(Long.class).single()));
        ids.put("candidates", String.valueOf(jdbc.sql("select coalesce(min(c.id), 999999) from candidate c join nomination n on n.id = c.nomination_id where n.election_id = :e")
                .param("e", demo.electionId()).query(Long.class).single()));
        ids.put("reports", String.valueOf(jdbc.sql("select coalesce(min(id), 999999) from quick_report where election_id = :e")
                .param("e", demo.electionId()).query(Long.class).single()));
        ids.put("users", String.valueOf(jdbc.sql("select min(id) from app_user").query(Long.class).single()));
        ids.put("hierarchy", "admin");
        ids.put("key", de.wahlwerk.server.setup.DemoElection.AGS);
        List<String> failures = new ArrayList<>();
        int asked = 0;
        for (Endpoint e : endpoints()) {
            if (e.method().equals("GET")) {
                String path = e.path(this::realId);
                failures.addAll(opens(e, path));
                asked += path.contains("999999") ? 0 : 1;
            }
        }
        assertThat(asked).as("pages asked for").isGreaterThan(40);
        assertThat(failures).isEmpty();
    }

    /** A GET of existing objects answers without an error (where the walk knows every id of its path). */
    private List<String> opens(Endpoint e, String path) {
        if (!e.method().equals("GET") || path.contains("999999") || e.streams() || MADE_LATER.contains(e.pattern())) {
            return List.of();
        }
        HttpResponse<String> plain = plain(path);
        if (plain.statusCode() < 400) {
            return List.of();
        }
        return List.of("GET " + path + ": answer " + plain.statusCode() + " to a plain request for an existing object: "
                + Responses.oneLine(plain.body().replaceAll("(?s).*<main", "<main")));
    }

    @Test
    void anAddressTooLongForTheServerGetsAGermanPageNamingNothingOfTheServer() {
        HttpSession s = signedIn(accounts, Role.ADMIN, null, null);
        HttpResponse<String> r = s.get("/admin?suche=" + "x".repeat(20_000));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("<html lang=\"de\"", "Das hat nicht geklappt", "Statuscode 400", "zu groß")
                .contains("lang=\"en\"").doesNotContainIgnoringCase("tomcat").doesNotContain("Exception");
    }

    @Test
    void aNulCharacterIsRefusedNamingItsFieldNotTakenForAConflict() {
        HttpSession s = signedIn(accounts, Role.ADMIN, null, null);
        TestTown town = new TestTown(s, "09175990", "Nullzeichen", 1);
        HttpResponse<String> api = s.json("POST", "/api/setup/days/" + town.day() + "/areas",
                "{\"hierarchy\":\"admin\",\"level\":\"CITY_DISTRICT\",\"officialKey\":\"09175990-1\",\"name\":\"Nord\\u0000\",\"parentKey\":\"09175990\"}");
        assertThat(api.statusCode()).as(api.body()).isEqualTo(400);
        assertThat(api.body()).contains("Steuerzeichen").contains("\"field\":\"name\"").doesNotContain("gleichzeitig");
        s.get("/admin/setup/days/" + town.day() + "/areas/new");
        HttpResponse<String> form = s.post("/admin/setup/days/" + town.day() + "/areas", Map.of("hierarchy", "admin",
                "level", "CITY_DISTRICT", "officialKey", "09175990-2", "name", "Süd\u0000", "parentKey", "09175990"));
        // The form again, the name field marked with what is wrong, as for any other mistake in a field.
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        assertThat(form.body()).contains("Steuerzeichen").containsPattern("id=\"name\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"name\"");
        assertThat(jdbc.sql("select count(*) from area where election_day_id = :d").param("d", town.day())
                .query(Long.class).single()).as("nothing stored").isEqualTo(1);
        // A query parameter of the API: 400 naming it.
        HttpResponse<String> query = s.json("POST", "/api/register/days/" + town.day() + "/residents?file=melde%00register.csv", "x");
        assertThat(query.statusCode()).as(query.body()).isEqualTo(400);
        assertThat(query.body()).contains("Steuerzeichen").contains("\"field\":\"file\"");
        // And one of a page: 400, the page naming the field.
        HttpResponse<String> page = s.get("/admin/pollcards/elections/" + town.election() + "?status=OFFEN%00");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(400);
        assertThat(page.body()).contains("Feld „status“").contains("Steuerzeichen");
    }

    /** One mapped method and path; deletions last, so that the town they remove served the others first. */
    private record Endpoint(String method, String pattern, HandlerMethod handler) {

        String path(java.util.function.Function<String, String> variable) {
            Matcher m = Pattern.compile("([^/]*)/\\{([^}]+)}").matcher(pattern);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String before = m.group(1);
                m.appendReplacement(out, Matcher.quoteReplacement(before + "/" + URLEncoder.encode(
                        variable.apply(before + "/" + m.group(2)), StandardCharsets.UTF_8)));
            }
            m.appendTail(out);
            return out.toString();
        }

        boolean json() {
            return pattern.startsWith("/api/") || parameter(RequestBody.class) != null;
        }

        boolean upload() {
            for (MethodParameter p : handler.getMethodParameters()) {
                if (MultipartFile.class.isAssignableFrom(p.getParameterType()) || p.hasParameterAnnotation(RequestPart.class)) {
                    return true;
                }
            }
            return false;
        }

        boolean streams() {
            Class<?> r = handler.getMethod().getReturnType();
            var mapping = org.springframework.core.annotation.AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
                    org.springframework.web.bind.annotation.RequestMapping.class);
            return ResponseBodyEmitter.class.isAssignableFrom(r) || SseEmitter.class.isAssignableFrom(r)
                    || mapping != null && java.util.Arrays.asList(mapping.produces()).contains("text/event-stream");
        }

        MethodParameter parameter(Class<? extends java.lang.annotation.Annotation> a) {
            for (MethodParameter p : handler.getMethodParameters()) {
                if (p.hasParameterAnnotation(a)) {
                    return p;
                }
            }
            return null;
        }

        /** A form object Spring binds from the request's fields (a model attribute), not the framework's own arguments. */
        private static boolean isForm(MethodParameter p) {
            Class<?> type = p.getParameterType();
            String pkg = type.getPackageName();
            return !p.hasParameterAnnotation(RequestBody.class) && !p.hasParameterAnnotation(PathVariable.class)
                    && !org.springframework.beans.BeanUtils.isSimpleProperty(type) && pkg.startsWith("de.wahlwerk");
        }

        /** The names of the form or query fields the handler binds. */
        Set<String> fields() {
            Set<String> names = new LinkedHashSet<>();
            for (MethodParameter p : handler.getMethodParameters()) {
                p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                if (rp != null) {
                    String name = !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : p.getParameterName();
                    if (Map.class.isAssignableFrom(p.getParameterType())) {
                        names.addAll(EXTRA_FIELDS);
                    } else if (name != null) {
                        names.add(name);
                    }
                } else if (isForm(p)) {
                    Class<?> type = p.getParameterType();
                    if (type.isRecord()) {
                        for (RecordComponent c : type.getRecordComponents()) {
                            names.add(c.getName());
                        }
                    } else {
                        for (var d : org.springframework.beans.BeanUtils.getPropertyDescriptors(type)) {
                            if (d.getWriteMethod() != null) {
                                names.add(d.getName());
                            }
                        }
                    }
                }
            }
            return names;
        }
    }

    /** A body (and its content type) to send. */
    private record Input(String description, String contentType, byte[] body, Map<String, String> query) {

        static Input json(String description, String json) {
            return new Input(description, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> list = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods().isEmpty()
                    ? EnumSet.of(RequestMethod.GET) : e.getKey().getMethodsCondition().getMethods();
            for (String pattern : e.getKey().getPatternValues()) {
                for (RequestMethod m : methods) {
                    // Signing out ends the session the walk goes on with; the login form is walked by the login tests.
                    if (!pattern.equals("/logout") && !pattern.equals("/login")) {
                        list.add(new Endpoint(m.name(), pattern, e.getValue()));
                    }
                }
            }
        }
        list.sort(java.util.Comparator.comparing((Endpoint e) -> e.method().equals("DELETE") || e.pattern().endsWith("/wipe"))
                .thenComparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return list;
    }

    /** The id for a path variable, by the segment before it ("days/{id}") or by its name ("{dayId}"). */
    private String realId(String segmentAndName) {
        String segment = segmentAndName.substring(0, segmentAndName.indexOf('/'));
        String name = segmentAndName.substring(segmentAndName.indexOf('/') + 1);
        if (!name.equals("id") && ids.containsKey(name)) {
            return ids.get(name); // {hierarchy}, {key}: named for what they are, whatever comes before
        }
        if (ids.containsKey(segment)) {
            return ids.get(segment);
        }
        return ids.getOrDefault(name.replaceFirst("Id$", "") + "s", "999999");
    }

    /** What each endpoint is sent: by its kind (JSON, upload, form, query) and by the fields it declares. */
    private List<Input> inputs(Endpoint e) {
        List<Input> inputs = new ArrayList<>();
        boolean get = e.method().equals("GET");
        Set<String> fields = e.fields();
        if (get) {
            for (String v : BAD_VALUES) {
                Map<String, String> q = new LinkedHashMap<>();
                fields.forEach(f -> q.put(f, v));
                inputs.add(new Input("query fields = " + Responses.oneLine(v), null, null, q));
            }
            if (fields.isEmpty()) {
                inputs.add(new Input("no query", null, null, Map.of()));
            }
            return inputs;
        }
        if (e.json()) {
            for (String raw : new String[] {null, "", "{", "[]", "\"x\"", "null", "{}", "{\"unbekannt\":1}", "[[[[[[[[[[1]]]]]]]]]]"}) {
                inputs.add(Input.json("JSON " + (raw == null ? "without body" : raw), raw));
            }
            MethodParameter body = e.parameter(RequestBody.class);
            if (body != null) {
                Type t = body.getGenericParameterType();
                for (JsonJunk.Junk j : JsonJunk.Junk.values()) {
                    inputs.add(Input.json("JSON fields " + j, JsonJunk.of(t, j, 0)));
                }
            }
        }
        if (e.upload()) {
            byte[][] files = {new byte[0], "\u0000\u00ff\u00fe;;;\"\n\"unclosed".getBytes(StandardCharsets.ISO_8859_1),
                "a;b;c\n1;2\n;;;;;;\nÄ;Ö;Ü".getBytes(StandardCharsets.UTF_8)};
            for (byte[] f : files) {
                for (String v : List.of("x", "")) {
                    Map<String, String> form = new LinkedHashMap<>();
                    fields.forEach(n -> form.put(n, v));
                    inputs.add(upload("upload of " + f.length + " bytes, fields = " + Responses.oneLine(v), form, f));
                }
            }
        }
        if (!e.json() || e.upload()) {
            for (String v : BAD_VALUES) {
                Map<String, String> form = new LinkedHashMap<>();
                fields.forEach(f -> form.put(f, v));
                if (form.isEmpty()) {
                    EXTRA_FIELDS.forEach(f -> form.put(f, v));
                }
                inputs.add(new Input("form fields = " + Responses.oneLine(v), "application/x-www-form-urlencoded",
                        HttpSession.formBody(form).getBytes(StandardCharsets.UTF_8), Map.of()));
            }
        }
        return inputs;
    }

    private Input upload(String description, Map<String, String> fields, byte[] file) {
        Multipart.Body body = Multipart.body(null, fields, "file", "unsinn.csv", file);
        return new Input(description, body.contentType(), body.bytes(), Map.of());
    }

    private List<String> check(Endpoint e, String path, Input input) {
        if (!e.method().equals("GET")) {
            refreshCsrf();
        }
        String url = admin.base() + path;
        if (input != null && !input.query().isEmpty()) {
            url += "?" + HttpSession.formBody(input.query());
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(e.streams() ? 3 : 30));
        boolean json = e.json();
        b.header("Accept", json ? "application/json" : "text/html");
        b.header("Accept-Language", "de-DE");
        if (csrf != null && !e.method().equals("GET")) {
            b.header("X-CSRF-TOKEN", csrf);
        }
        byte[] body = input == null ? null : input.body();
        if (body != null && input.contentType() != null && input.contentType().startsWith("application/x-www-form-urlencoded") && csrf != null) {
            body = (new String(body, StandardCharsets.UTF_8) + (body.length == 0 ? "" : "&") + "_csrf=" + csrf)
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (input != null && input.contentType() != null) {
            b.header("Content-Type", input.contentType());
        }
        b.method(e.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        String what = e.method() + " " + path + (input == null ? "" : " with " + input.description());
        HttpResponse<String> r;
        try {
            r = admin.send(b.build());
        } catch (java.io.UncheckedIOException ex) {
            if (ex.getCause() instanceof HttpTimeoutException && e.streams()) {
                return List.of(); // a live feed that opened: it streams until the reader leaves
            }
            return List.of(what + ": no answer (" + ex.getCause() + ")");
        }
        List<String> failures = new ArrayList<>();
        int status = r.statusCode();
        String text = r.body() == null ? "" : r.body();
        if (status >= 500) {
            failures.add(what + ": server error " + status + " " + Responses.oneLine(text));
        }
        Matcher leak = Responses.INSIDE.matcher(text);
        if (leak.find() && !isDownload(r)) {
            failures.add(what + ": answer " + status + " shows " + leak.group());
        }
        if (status >= 400 && !json && ENGLISH_ERROR.matcher(text).find()) {
            failures.add(what + ": answer " + status + " not in German: " + Responses.oneLine(text));
        }
        if (status == 302 && r.headers().firstValue("Location").orElse("").endsWith("/login")) {
            failures.add(what + ": signed the administrator out");
            admin = signedIn(accounts, Role.ADMIN, null, null);
            csrf = null;
        }
        return failures;
    }

    /** A GET as a browser (or, under /api/, a script) sends it. */
    private HttpResponse<String> plain(String path) {
        return admin.send(HttpRequest.newBuilder(URI.create(admin.base() + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html,application/xhtml+xml,*/*;q=0.8")
                .GET().build());
    }

    /** PDFs, archives and CSV files are documents, not messages: their bytes may contain anything. */
    private static boolean isDownload(HttpResponse<String> r) {
        String type = r.headers().firstValue("Content-Type").orElse("");
        return !type.startsWith("text/html") && !type.startsWith("application/json") && !type.startsWith("application/problem+json")
                && !type.startsWith("text/plain");
    }

    private void refreshCsrf() {
        if (csrf == null) {
            admin.get("/admin");
            csrf = admin.csrf();
        }
    }


}
