package de.wahlwerk.core.seats.municipal;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.Fixtures;
import de.wahlwerk.core.seats.Lots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kreistag Ebersberg, 8.3.2026 (60 seats, Bayern): per-candidate votes from the AKDB export,
 * official seats per list from kreistagSitze.csv of the same export.
 */
class KreistagEbersberg2026Test {

    private static final String DIR = "ebersberg-kommunalwahl2026-akdb/";
    private static final String[] FILES = {"csu-csu", "freie_waehler-freie_waehler", "afd-afd", "gruene-gruene",
            "spd-spd", "fdp-fdp", "oedp-oedp", "die_linke-die_linke"};

    private static List<CouncilList> lists;
    private static Map<String, Integer> official;
    private static Map<String, Long> listVotesFromTotals;

    @BeforeAll
    static void read() throws IOException {
        official = new LinkedHashMap<>();
        for (String line : lines(Fixtures.file(DIR + "kreistagSitze.csv")).subList(1, 9)) {
            String[] f = line.split(";");
            official.put(f[2], Integer.parseInt(f[3]));
        }
        lists = new ArrayList<>();
        for (String file : FILES) {
            List<String> l = lines(Fixtures.file(DIR + "kreistagListenkandidaturstimmen/09175000-" + file + ".csv"));
            String[] header = l.getFirst().split(";", -1);
            String[] total = l.stream().filter(x -> x.startsWith("KREIS;") && x.contains(";GESAMT;SUMME;"))
                    .findFirst().orElseThrow().split(";", -1);
            int first = List.of(header).indexOf("Gruppe-Schluessel") + 1;
            List<CouncilCandidate> candidates = new ArrayList<>();
            for (int i = first; i < header.length; i++) {
                if (!header[i].isBlank()) {
                    candidates.add(new CouncilCandidate(header[i], Long.parseLong(total[i])));
                }
            }
            lists.add(CouncilList.ofCandidates(total[first - 1], candidates));
        }
        // D1..D8 of the KREIS row of the overall result, for a consistency check of the list votes
        List<String> g = lines(Fixtures.file(DIR + "kresitagGesamtergebnis.csv"));
        List<String> header = List.of(g.getFirst().split(";", -1));
        String[] kreis = g.stream().filter(x -> x.contains(";KREIS;")).findFirst().orElseThrow().split(";", -1);
        listVotesFromTotals = new LinkedHashMap<>();
        for (int p = 1; p <= 8; p++) {
            listVotesFromTotals.put(lists.get(p - 1).id(), Long.parseLong(kreis[header.indexOf("D" + p)]));
        }
    }

    private static List<String> lines(Path p) throws IOException {
        return Files.readAllLines(p, StandardCharsets.UTF_8);
    }

    @Test
    void listVotesAreTheSumsOfCandidateVotes() {
        for (CouncilList l : lists) {
            assertThat(l.votes()).as(l.id()).isEqualTo(listVotesFromTotals.get(l.id()));
        }
        assertThat(lists.stream().mapToInt(l -> l.candidates().size()).toArray())
                .containsExactly(60, 32, 20, 60, 60, 60, 32, 25);
    }

    @Test
    void seatsAsOfficiallyDetermined() {
        CouncilResult r = CouncilElection.allocate(MunicipalLaw.BAYERN, 60, lists, Lots.none()).orElseThrow();
        assertThat(r.apportionment().seats()).containsExactlyInAnyOrderEntriesOf(official);
        assertThat(r.apportionment().explanation().lot()).isEmpty();
        for (CouncilResult.ListOutcome o : r.lists()) {
            assertThat(o.elected()).hasSize(o.seats());
            assertThat(o.vacant()).isZero();
            assertThat(o.elected().size() + o.substitutes().size())
                    .isEqualTo(lists.stream().filter(l -> l.id().equals(o.id())).findFirst().orElseThrow().candidates().size());
            // every elected candidate has at least as many votes as every substitute (GLKrWG Art. 36)
            long weakestElected = o.elected().stream().mapToLong(CouncilCandidate::votes).min().orElse(Long.MAX_VALUE);
            assertThat(o.substitutes()).allMatch(c -> c.votes() <= weakestElected);
        }
        // AfD's list leader (24,889 votes) is ahead of the rest of the list
        assertThat(r.list("AfD").elected().getFirst().name()).isEqualTo("301 (Birghan)");
    }
}
