package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import de.wahlwerk.server.support.TestTown;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * An election set up after its polls closed (a by-election entered late, or a rehearsal) is public
 * at once, before its first district exists: its pages say that none of its 0 districts has
 * reported, and its first confirmed report reaches them like any other. Before, the public site
 * asked the election's tally for a vote no ballot carried yet and skipped the election, every
 * round, until a district was added. A district added later is public before its first report
 * too.
 */
class ElectionWithoutDistrictsIT extends IntegrationTest {

    private static final String AGS = "09175992";

    @Test
    void publishedEmptyThenWithItsFirstReport() throws Exception {
        HttpSession admin = signedIn(accounts, Role.ADMIN, null, null);
        TestTown town = new TestTown(admin, AGS, "Ohne Bezirke", 2);
        String page = "/wahlen/" + town.election() + "/admin/" + AGS;

        HttpResponse<String> empty = publicPages().awaitContaining(page + ".json", "\"unitsExpected\":0");
        assertThat(empty.body()).contains("\"unitsReported\":0");
        HttpResponse<String> html = publicPages().awaitContaining(page + ".html", "0 von 0");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(publicPages().awaitContaining(page + ".en.html", "0 of 0").statusCode()).isEqualTo(200);

        long unit = town.addUnit("001");
        // The district is public before its first report: a set-up change is published when it
        // happens, not only with the next report (which then re-rendered every page of a country).
        HttpResponse<String> added = publicPages().awaitContaining(page + ".json", "\"unitsExpected\":1");
        assertThat(added.body()).contains("\"unitsReported\":0");
        assertThat(publicPages().awaitContaining(page + ".html", "0 von 1").statusCode()).isEqualTo(200);
        HttpSession clerk = signedIn(accounts, Role.CLERK, "admin", AGS);
        HttpSession approver = signedIn(accounts, Role.APPROVER, "admin", AGS);
        town.confirm(clerk, approver, TestTown.report(unit, "\"D1\":\"30\",\"D2\":\"20\""));
        HttpResponse<String> reported = publicPages().awaitContaining(page + ".json", "\"unitsReported\":1");
        assertThat(reported.body()).contains("\"unitsExpected\":1").contains("K1").contains("K2");
        assertThat(publicPages().awaitContaining(page + ".html", "1 von 1").body()).contains("K1").contains("K2");
    }
}
