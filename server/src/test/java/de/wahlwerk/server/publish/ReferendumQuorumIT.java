package de.wahlwerk.server.publish;

import static de.wahlwerk.server.support.Responses.id;
import static de.wahlwerk.server.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import de.wahlwerk.server.support.TestTown;
import org.junit.jupiter.api.Test;

/**
 * A Bürgerentscheid's public page names the Land's approval quorum, the votes it takes and, once
 * every district reported, the decision. The quorum is found through the municipality at the top of
 * the day's areas, whose key names the Land: in Niedersachsen 20 % of the eligible voters
 * (ELECTORAL_LAW.md § 7, after Mehr Demokratie's overview).
 */
class ReferendumQuorumIT extends IntegrationTest {

    /** A municipality in Niedersachsen (Land key 03). */
    private static final String AGS = "03159997";

    @Test
    void theQuorumAndTheDecisionAreShown() throws Exception {
        HttpSession admin = signedIn(accounts, Role.ADMIN, null, null);
        TestTown town = new TestTown(admin, AGS, "Bürgerentscheid", 1);
        long election = id(ok(admin.json("POST", "/api/setup/days/" + town.day() + "/elections",
                "{\"kind\":\"REFERENDUM\",\"name\":\"Bürgerentscheid Freibad\",\"hierarchy\":\"admin\"}")));
        for (String[] answer : new String[][] {{"1", "Ja"}, {"2", "Nein"}}) {
            ok(admin.json("POST", "/api/setup/elections/" + election + "/nominations", "{\"voteKind\":\"YES_NO\",\"ballotPosition\":"
                    + answer[0] + ",\"shortName\":\"" + answer[1] + "\",\"name\":\"" + answer[1] + "\",\"groupKind\":\"ANSWER\"}"));
        }
        long unit = town.addUnit("001");
        HttpSession clerk = signedIn(accounts, Role.CLERK, "admin", AGS);
        HttpSession approver = signedIn(accounts, Role.APPROVER, "admin", AGS);
        String page = "/wahlen/" + election + "/admin/" + AGS + ".html";

        // 100 eligible, 30 yes and 20 no: yes has the majority and more than the 20 votes the quorum asks.
        long report = town.enterIn(election, clerk, unit, "\"D1\":\"30\",\"D2\":\"20\"");
        ok(approver.json("POST", "/api/entry/reports/" + report + "/approve", null));

        String html = publicPages().awaitContaining(page, "Angenommen").body();
        String quorumRow = html.substring(html.indexOf("Quorum ("), html.indexOf("</tr>", html.indexOf("Quorum (")));
        assertThat(quorumRow).doesNotContain("nicht hinterlegt").contains("20").contains(">20<");
        assertThat(html).contains("Angenommen: Ja hat die Mehrheit und erreicht das Quorum.");
    }
}
