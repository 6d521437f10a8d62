package de.wahlwerk.server.support;

import de.wahlwerk.server.setup.DemoElection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plausible quick reports for the Musterstadt demo: a unit's previous-election numbers entered as
 * this election's report (so no comparison warning fires), as form values letter → text.
 */
public final class DemoReports {

    private final JdbcClient jdbc;

    public DemoReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long dayId() {
        return jdbc.sql("select id from election_day where name = :n").param("n", DemoElection.DAY_NAME).query(Long.class).single();
    }

    public long electionId() {
        return jdbc.sql("select id from election where election_day_id = :d").param("d", dayId()).query(Long.class).single();
    }

    public long unitId(String key) {
        return jdbc.sql("select id from reporting_unit where election_day_id = :d and official_key = :k")
                .param("d", dayId()).param("k", key).query(Long.class).single();
    }

    public Map<String, String> values(String unitKey) {
        var record = jdbc.sql("""
                select r.* from result_record r join result_source s on s.id = r.source_id
                where s.election_id = :e and r.area_key = :k""").param("e", electionId()).param("k", unitKey)
                .query().singleRow();
        long id = ((Number) record.get("id")).longValue();
        Map<String, String> v = new LinkedHashMap<>();
        boolean postal = (Boolean) record.get("postal");
        if (!postal) {
            v.put("A1", str(record.get("eligible_no_card")));
            v.put("A2", str(record.get("eligible_with_card")));
            v.put("A3", str(record.get("eligible_added")));
            v.put("A", str(record.get("eligible")));
        }
        v.put("B", str(record.get("voters")));
        v.put("B1", str(record.get("voters_with_card")));
        for (String kind : List.of("FIRST", "SECOND")) {
            String[] l = kind.equals("FIRST") ? new String[] {"C", "D"} : new String[] {"E", "F"};
            var totals = jdbc.sql("select invalid, valid from result_vote_total where record_id = :r and vote_kind = :k")
                    .param("r", id).param("k", kind).query().singleRow();
            v.put(l[0], str(totals.get("invalid")));
            v.put(l[1], str(totals.get("valid")));
            // Ballot positions of the demo follow the order of DemoElection.PARTIES.
            var groups = jdbc.sql("select group_key, votes from result_vote where record_id = :r and vote_kind = :k")
                    .param("r", id).param("k", kind).query().listOfRows();
            int parties = kind.equals("FIRST") ? 8 : 10;
            for (int p = 1; p <= parties; p++) {
                v.put(l[1] + p, "0");
            }
            for (var g : groups) {
                int position = DemoElection.position((String) g.get("group_key"));
                v.put(l[1] + position, str(g.get("votes")));
            }
        }
        return v;
    }

    /**
     * Enters the unit's plausible report as the clerk (giving a reason for every warning) and
     * approves it as the approver.
     */
    public void confirm(HttpSession clerk, HttpSession approver, String key) {
        confirm(clerk, approver, key, values(key), null);
    }

    /**
     * Enters these values for the unit as the clerk (a correction of a confirmed report needs its
     * reason) and approves them as the approver.
     */
    public void confirm(HttpSession clerk, HttpSession approver, String key, Map<String, String> unitValues,
            String correctionReason) {
        StringBuilder values = new StringBuilder();
        unitValues.forEach((k, v) -> values.append(values.isEmpty() ? "" : ",").append('"').append(k).append("\":\"")
                .append(v).append('"'));
        String body = "{\"unitId\":" + unitId(key) + ",\"values\":{" + values + "}"
                + (correctionReason == null ? "" : ",\"correctionReason\":\"" + correctionReason + "\"") + "}";
        var r = submitGivingReasons(clerk, "/api/entry/elections/" + electionId() + "/reports", body);
        org.assertj.core.api.Assertions.assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"reportId\":(\\d+)").matcher(r.body());
        org.assertj.core.api.Assertions.assertThat(id.find()).isTrue();
        org.assertj.core.api.Assertions.assertThat(approver.json("POST", "/api/entry/reports/" + id.group(1) + "/approve", null)
                .statusCode()).isEqualTo(200);
    }

    /**
     * Posts a report body (a JSON object); if plausibility warnings refuse it, posts it again with
     * a reason for each warning the answer names.
     */
    public static java.net.http.HttpResponse<String> submitGivingReasons(HttpSession clerk, String path, String body) {
        var r = clerk.json("POST", path, body);
        if (r.statusCode() == 400) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("warning\\.(W\\d+)").matcher(r.body());
            StringBuilder reasons = new StringBuilder();
            while (m.find()) {
                reasons.append(reasons.isEmpty() ? "" : ",").append("\"").append(m.group(1)).append("\":\"Test\"");
            }
            r = clerk.json("POST", path, body.substring(0, body.length() - 1) + ",\"warningReasons\":{" + reasons + "}}");
        }
        return r;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
