package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The demo election (two constituencies, Landeslisten, polling and postal districts) published as
 * NIST SP 1500-100 v2 JSON is valid against NIST's schema. (GoettingenLiveIT checks the numbers of
 * a completely reported city.)
 */
class NistExportIT extends IntegrationTest {

    @Test
    void theDemoElectionIsAValidCommonDataFormatReport() throws Exception {
        long election = DemoBundestag.id(jdbc);
        JsonNode report = null;
        for (int i = 0; i < 50 && report == null; i++) {
            try {
                report = NistChecks.fetchValid("http://localhost:" + port, election);
            } catch (AssertionError notYet) {
                if (i == 49) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
        assertThat(report.get("VendorApplicationId").asString()).isEqualTo("Wahlwerk");
        JsonNode e = report.get("Election").get(0);
        assertThat(e.get("StartDate").asString()).isEqualTo(e.get("EndDate").asString());
        // First votes: one candidate contest per constituency; second votes: a party contest.
        long candidateContests = 0;
        long partyContests = 0;
        for (JsonNode c : e.get("Contest")) {
            String type = c.get("@type").asString();
            candidateContests += type.equals("ElectionResults.CandidateContest") ? 1 : 0;
            partyContests += type.equals("ElectionResults.PartyContest") ? 1 : 0;
        }
        assertThat(candidateContests).isEqualTo(2);
        assertThat(partyContests).isGreaterThanOrEqualTo(1);
        assertThat(report.get("GpUnit").size()).isGreaterThan(80);

        // The check is not vacuous: a report without its required header fails the schema.
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> NistChecks.valid("{\"@type\":\"ElectionResults.ElectionReport\",\"Format\":\"summary-contest\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Issuer");
    }
}
