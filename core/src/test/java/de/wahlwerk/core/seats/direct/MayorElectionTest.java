package de.wahlwerk.core.seats.direct;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.Fixtures;
import de.wahlwerk.core.seats.Lot;
import de.wahlwerk.core.seats.SeatOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MayorElectionTest {

    private static final String DIR = "vaterstetten-kommunalwahl2020-okvote/";

    /**
     * Vaterstetten 2020: the first round (portal result JSON) leads to the Stichwahl whose official
     * open-data file lists exactly two candidates (D1 CSU, D5 SPD); the Stichwahl then elects the CSU candidate.
     */
    @Test
    void vaterstetten2020FirstRoundAndStichwahl() throws Exception {
        String json = Files.readString(Fixtures.file(DIR + "ergebnis.json"), StandardCharsets.UTF_8);
        int end = json.indexOf("\"bez\": \"Wahl des ersten Bürgermeisters\"");
        int start = json.lastIndexOf("\"bez\": \"Wahl des Gemeinderats\"", end);
        String block = json.substring(start, end);
        block = block.substring(0, block.indexOf("\"guel\""));
        Matcher m = Pattern.compile("\"st\": (\\d+),\\s*\"col\": \"\\w+\",\\s*\"son\": \"N\",\\s*\"bez\": \"([^\"]+)\"")
                .matcher(block);
        List<CandidateVotes> first = new ArrayList<>();
        while (m.find()) {
            first.add(new CandidateVotes(m.group(2), Long.parseLong(m.group(1))));
        }
        assertThat(first).hasSize(5);

        SeatOutcome<MayorOutcome> round1 = MayorElection.firstRound(MayorLaw.BAYERN, first, 18_540, Lot.none());
        assertThat(round1.orElseThrow()).isInstanceOfSatisfying(MayorOutcome.Runoff.class,
                r -> assertThat(r.candidates()).containsExactly("Spitzauer, CSU", "Wirnitzer, SPD"));

        List<String> csv = Files.readAllLines(Fixtures.file(DIR + "Open-Data-Buergermeister-Stichwahl-Bayern1393.csv"));
        List<String> header = List.of(csv.get(0).split(";", -1));
        String[] row = csv.get(1).split(";", -1);
        // the official runoff has exactly the lists D1 (CSU) and D5 (SPD)
        assertThat(header.subList(header.indexOf("D") + 1, header.size())).containsExactly("D1", "D5");
        var runoff = List.of(new CandidateVotes("Spitzauer, CSU", Long.parseLong(row[header.indexOf("D1")])),
                new CandidateVotes("Wirnitzer, SPD", Long.parseLong(row[header.indexOf("D5")])));
        var elected = MayorElection.secondRound(MayorLaw.BAYERN, runoff, Long.parseLong(row[header.indexOf("A")]),
                Lot.none()).orElseThrow();
        assertThat(elected).isInstanceOfSatisfying(MayorOutcome.Elected.class,
                e -> assertThat(e.candidate()).isEqualTo("Spitzauer, CSU"));
    }

    @Test
    void absoluteMajorityElectsInTheFirstRound() {
        var votes = List.of(new CandidateVotes("A", 501), new CandidateVotes("B", 499));
        assertThat(MayorElection.firstRound(MayorLaw.HESSEN, votes, 5_000, Lot.none()).orElseThrow())
                .isInstanceOf(MayorOutcome.Elected.class);
        var exactlyHalf = List.of(new CandidateVotes("A", 500), new CandidateVotes("B", 300), new CandidateVotes("C", 200));
        assertThat(MayorElection.firstRound(MayorLaw.HESSEN, exactlyHalf, 5_000, Lot.none()).orElseThrow())
                .isEqualTo(new MayorOutcome.Runoff(List.of("A", "B"), false));
    }

    @Test
    void brandenburgNeedsFifteenPercentOfTheEligible() {
        // 501 of 1,000 valid, but 15 % of 4,000 eligible = 600
        var votes = List.of(new CandidateVotes("A", 501), new CandidateVotes("B", 499));
        assertThat(MayorElection.firstRound(MayorLaw.BRANDENBURG, votes, 4_000, Lot.none()).orElseThrow())
                .isInstanceOf(MayorOutcome.Runoff.class);
        assertThat(MayorElection.secondRound(MayorLaw.BRANDENBURG, votes, 4_000, Lot.none()).orElseThrow())
                .isInstanceOf(MayorOutcome.CouncilElects.class);
        assertThat(MayorElection.secondRound(MayorLaw.BRANDENBURG, votes, 3_340, Lot.none()).orElseThrow())
                .isInstanceOf(MayorOutcome.Elected.class); // 15 % of 3,340 = 501
    }

    @Test
    void sachsenHoldsANewBallot() {
        var votes = List.of(new CandidateVotes("A", 400), new CandidateVotes("B", 350), new CandidateVotes("C", 250));
        assertThat(MayorElection.firstRound(MayorLaw.SACHSEN, votes, 5_000, Lot.none()).orElseThrow())
                .isInstanceOf(MayorOutcome.NewBallot.class);
        assertThat(MayorElection.secondRound(MayorLaw.SACHSEN, votes, 5_000, Lot.none()).orElseThrow())
                .isInstanceOfSatisfying(MayorOutcome.Elected.class, e -> assertThat(e.candidate()).isEqualTo("A"));
    }

    @Test
    void equalVotesForTheSecondRunoffPlaceOrTheWinNeedALot() {
        var votes = List.of(new CandidateVotes("A", 400), new CandidateVotes("B", 300), new CandidateVotes("C", 300));
        assertThat(MayorElection.firstRound(MayorLaw.BAYERN, votes, 5_000, Lot.none()))
                .isInstanceOfSatisfying(SeatOutcome.LotRequired.class, l -> {
                    assertThat(l.tie().tied()).containsExactly("B", "C");
                    assertThat(l.tie().contestedSeats()).isEqualTo(1);
                });
        assertThat(MayorElection.firstRound(MayorLaw.BAYERN, votes, 5_000, Lot.of("C", "B")).orElseThrow())
                .isEqualTo(new MayorOutcome.Runoff(List.of("A", "C"), true));
        var tie = List.of(new CandidateVotes("A", 300), new CandidateVotes("C", 300));
        assertThat(MayorElection.secondRound(MayorLaw.BAYERN, tie, 5_000, Lot.none()))
                .isInstanceOf(SeatOutcome.LotRequired.class);
    }
}
