package de.wahlwerk.server.results;

import static de.wahlwerk.server.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.Hierarchy;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.core.tally.AreaSnapshot;
import de.wahlwerk.core.tally.Tally;
import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.setup.SetupDirectory;
import de.wahlwerk.server.support.DemoReports;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import de.wahlwerk.server.support.Responses;
import de.wahlwerk.server.support.TestTown;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The real {@link LiveAnalysis} on a town of a thousand districts makes its projection anew only
 * once 5 % more of them have reported: reports confirmed one by one, the projection asked for after
 * each, and it stays the one made from the first report until the 51st. The town's election is a
 * rehearsal, so the publisher never projects it in between (its rounds could see an older state).
 */
class ProjectionThrottleIT extends IntegrationTest {

    private static final String AGS = "09175994";
    private static final AreaRef TOWN = new AreaRef(Hierarchy.ADMINISTRATIVE, AGS);
    private static final int DISTRICTS = 1_000;

    @Autowired
    LiveAnalysis analysis;

    @Autowired
    LiveTallies tallies;

    @Autowired
    SetupDirectory setup;

    @Test
    void aThousandDistrictsGetANewProjectionEveryFivePercent() {
        HttpSession admin = signedIn(accounts, Role.ADMIN, null, null);
        TestTown town = new TestTown(admin, AGS, "Hochrechnungstakt", 2);
        long election = town.election();
        admin.get("/admin/entry/elections/" + election + "/settings");
        assertThat(admin.post("/admin/entry/elections/" + election + "/settings",
                Map.of("twoPersonMode", "APPROVAL", "rehearsal", "true", "thresholds", "")).statusCode()).isEqualTo(302);
        StringBuilder units = new StringBuilder("[");
        for (int i = 1; i <= DISTRICTS; i++) {
            units.append(i == 1 ? "" : ",").append(town.unit("%04d".formatted(i), null));
        }
        ok(admin.json("POST", "/api/setup/days/" + town.day() + "/units/bulk", units.append("]").toString()));
        List<Long> ids = jdbc.sql("select id from reporting_unit where election_day_id = :d order by official_key")
                .param("d", town.day()).query(Long.class).list();
        assertThat(ids).hasSize(DISTRICTS);
        Election e = setup.election(election).orElseThrow();
        HttpSession clerk = signedIn(accounts, Role.CLERK, "admin", AGS);
        HttpSession approver = signedIn(accounts, Role.APPROVER, "admin", AGS);

        long step = LiveAnalysis.step(DISTRICTS);
        assertThat(step).isEqualTo(50);
        Tally first = null;
        List<Long> madeAt = new ArrayList<>();
        for (int reported = 1; reported <= step + 1; reported++) {
            var entered = DemoReports.submitGivingReasons(clerk, "/api/entry/elections/" + election + "/reports",
                    TestTown.report(ids.get(reported - 1), "\"D1\":\"30\",\"D2\":\"20\""));
            assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
            ok(approver.json("POST", "/api/entry/reports/" + Responses.reportId(entered.body()) + "/approve", null));
            tallies.catchUp();
            Tally tally = tallies.tally(election);
            first = first == null ? tally : first;
            assertThat(tally).as("the same live tally, brought forward").isSameAs(first);
            AreaSnapshot area = tally.snapshot(TOWN);
            assertThat(area.unitsReported()).isEqualTo(reported);
            assertThat(area.unitsExpected()).isEqualTo(DISTRICTS);
            analysis.projection(e, tally, area);
            madeAt.add(analysis.projectedAt(election, TOWN));
        }
        // Made from the first report, kept through 1 % (10 districts) and up to 49 more, made anew at 50 more.
        List<Long> expected = new ArrayList<>();
        for (int reported = 1; reported <= step; reported++) {
            expected.add(1L);
        }
        expected.add(step + 1);
        assertThat(madeAt).isEqualTo(expected);
    }
}
