package de.wahlwerk.core.seats.direct;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.Fixtures;
import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.seats.direct.Referendum.Decision;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferendumTest {

    @Test
    void gerolzhofen2024MissedTheQuorumByThreeVotes() {
        // mainpost.de (ELECTORAL_LAW.md § 7): 1,117 Nein vs 964 Ja; 1,120 Nein votes were required at 20 %
        // (eligible ≈ 5,600 on polling day)
        var r = Referendum.decide(964, 1_117, 5_600, ApprovalQuorum.BAYERN.forInhabitants(7_000));
        assertThat(r.required()).isEqualTo(1_120);
        assertThat(r.decision()).isEqualTo(Decision.QUORUM_MISSED);
        assertThat(r.required() - r.no()).isEqualTo(3);
        // one eligible voter more and 20 % is 1,120.2, i.e. 1,121 votes — exact comparison, no rounding of percentages
        assertThat(Referendum.decide(964, 1_117, 5_601, Rational.of(1, 5)).required()).isEqualTo(1_121);
    }

    @Test
    void horgauNeeded473VotesAtTwentyPercent() {
        // horgau.de 2024: "Zum Erreichen des Quorums sind 473 Stimmen notwendig" (2,361–2,365 eligible)
        for (long eligible = 2_361; eligible <= 2_365; eligible++) {
            assertThat(Referendum.decide(0, 0, eligible, Rational.of(1, 5)).required()).isEqualTo(473);
        }
    }

    @Test
    void majorityAndQuorumDecideAndTieMeansNein() {
        Rational q = ApprovalQuorum.BADEN_WUERTTEMBERG.forInhabitants(10_000);
        assertThat(Referendum.decide(2_000, 1_000, 10_000, q).decision()).isEqualTo(Decision.ACCEPTED);
        assertThat(Referendum.decide(1_999, 1_000, 10_000, q).decision()).isEqualTo(Decision.QUORUM_MISSED);
        assertThat(Referendum.decide(1_000, 2_000, 10_000, q).decision()).isEqualTo(Decision.REJECTED);
        assertThat(Referendum.decide(2_500, 2_500, 10_000, q).decision()).isEqualTo(Decision.REJECTED_BY_TIE);
    }

    @Test
    void ebersberg2021CountyReferendumWasBinding() throws Exception {
        // Kreis-Bürgerentscheid 16.5.2021: C01 35,982 vs C02 32,247 of A = 110,568. Which column is "Ja" is not
        // stated in the data; the majority answer clears even a 20 % quorum (22,114 votes) either way.
        List<String> csv = Files.readAllLines(
                Fixtures.file("ebersberg-buergerentscheid2021-okvote/Open-Data-Kreis-Buergerentscheid-Bayern1481.csv"));
        List<String> h = List.of(csv.get(0).split(";", -1));
        String[] row = csv.get(1).split(";", -1);
        long a = Long.parseLong(row[h.indexOf("A")]);
        long c1 = Long.parseLong(row[h.indexOf("C01")]);
        long c2 = Long.parseLong(row[h.indexOf("C02")]);
        var r = Referendum.decide(c1, c2, a, Rational.of(1, 5));
        assertThat(r.required()).isEqualTo(22_114);
        assertThat(r.decision()).isEqualTo(Decision.ACCEPTED);
    }
}
