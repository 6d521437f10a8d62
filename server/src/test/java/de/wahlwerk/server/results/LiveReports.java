package de.wahlwerk.server.results;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.security.TestAccounts;
import de.wahlwerk.server.support.HttpSession;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Quick reports entered and approved over the API, and what the live-seat tests read back. */
final class LiveReports {

    private LiveReports() {}

    /**
     * Enters a report with these form values (JSON object) as the clerk, giving "geprüft" as the
     * reason for every warning, and approves it as the approver.
     */
    static void confirm(HttpSession clerk, HttpSession approver, long election, long unit, String values) {
        clerk.get("/admin");
        var r = clerk.json("POST", "/api/entry/elections/" + election + "/reports", "{\"unitId\":" + unit + ",\"values\":" + values + "}");
        if (r.statusCode() == 400 && r.body().contains("warning.")) {
            Matcher m = Pattern.compile("warning\\.(W\\d+)").matcher(r.body());
            StringBuilder reasons = new StringBuilder();
            while (m.find()) {
                reasons.append(reasons.isEmpty() ? "" : ",").append("\"").append(m.group(1)).append("\":\"geprüft\"");
            }
            r = clerk.json("POST", "/api/entry/elections/" + election + "/reports",
                    "{\"unitId\":" + unit + ",\"values\":" + values + ",\"warningReasons\":{" + reasons + "}}");
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"reportId\":(\\d+)").matcher(r.body());
        assertThat(id.find()).isTrue();
        approver.get("/admin");
        assertThat(approver.json("POST", "/api/entry/reports/" + id.group(1) + "/approve", null).statusCode()).isEqualTo(200);
    }

    /** A new account with the role (and scope) signed in on the fresh session, with a CSRF token. */
    static HttpSession login(TestAccounts accounts, HttpSession fresh, Role role, String hierarchy, String key) {
        var a = accounts.create(role, hierarchy, key);
        fresh.login(a.username(), TestAccounts.PASSWORD, a.code());
        fresh.get("/admin");
        return fresh;
    }

    /** Seats of a party in a seat report's JSON. */
    static int seats(String json, String party) {
        Matcher m = Pattern.compile("\\{\"party\":\"" + party + "\",\"votes\":\\d+,\"sharePercent\":[0-9.]+,\"seats\":(\\d+)").matcher(json);
        assertThat(m.find()).as(party + " in " + json).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** The first {@code "id"} in a JSON answer. */
    static long id(String body) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Long.parseLong(m.group(1));
    }
}
