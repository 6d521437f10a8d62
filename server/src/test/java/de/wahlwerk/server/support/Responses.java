package de.wahlwerk.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the tests read from the JSON API's answers: success, and the id of what was created. */
public final class Responses {

    /** A stack frame, a Java class name or the servlet container's name in an answer: what a user must never see. */
    public static final Pattern INSIDE = Pattern.compile(
            "\\bat [a-z][\\w.$]+\\([\\w$]+\\.java:\\d+\\)|\\b(java\\.lang|java\\.util|org\\.springframework|org\\.postgresql)\\.[A-Z]\\w+|\\w+Exception\\b|Apache Tomcat");

    private Responses() {}

    /** An answer's text on one line and cut to 160 characters, for a failure message. */
    public static String oneLine(String text) {
        String one = text.replaceAll("\\s+", " ");
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }

    /** The answer, once it is a success (200 or 201); else the test fails with its body. */
    public static HttpResponse<String> ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        return r;
    }

    /** The first {@code "id"} of the answer (the id of what was created). */
    public static long id(HttpResponse<String> r) {
        return id(r.body());
    }

    /** The first {@code "id"} of an answer's body. */
    public static long id(String body) {
        return number(body, "id");
    }

    /** The {@code "reportId"} of an answer to a quick report. */
    public static long reportId(String body) {
        return number(body, "reportId");
    }

    private static long number(String body, String property) {
        Matcher m = Pattern.compile("\"" + property + "\":(\\d+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Long.parseLong(m.group(1));
    }
}
