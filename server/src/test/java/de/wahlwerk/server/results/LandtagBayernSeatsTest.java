package de.wahlwerk.server.results;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.Fixtures;
import de.wahlwerk.core.model.VoteKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The server's Landtag Bayern report from Stimmkreis records, fed with the first and second votes
 * of all 91 Stimmkreise of 14.10.2018 (bayern-landtagswahl2018-stimmkreise): the official result of
 * 205 seats (CSU 85, GRÜNE 38, FREIE WÄHLER 27, AfD 22, SPD 22, FDP 11), the 91 Stimmkreis winners
 * as published (CSU 85, GRÜNE 6); missing Wahlkreise and equal first votes are reported, not guessed.
 */
class LandtagBayernSeatsTest {

    private static final Texts TEXTS = Texts.standalone();
    private static final SeatCalculation.Head HEAD = new SeatCalculation.Head(1L, "Landtagswahl 2018", "LANDTAG",
            LocalDate.of(2018, 10, 14), null);

    @Test
    void official2018ResultFromTheStimmkreisRecords() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Fixtures.file("bayern-landtagswahl2018-stimmkreise/2018-info.xml").toFile());
        List<ResultRecord> records = new ArrayList<>();
        Map<String, Integer> publishedWinners = new LinkedHashMap<>();
        NodeList units = doc.getElementsByTagName("Regionaleinheit");
        for (int i = 0; i < units.getLength(); i++) {
            Element u = (Element) units.item(i);
            Map<String, Long> first = new LinkedHashMap<>();
            Map<String, Long> second = new LinkedHashMap<>();
            NodeList proposals = u.getElementsByTagName("Wahlvorschlag");
            for (int j = 0; j < proposals.getLength(); j++) {
                Element p = (Element) proposals.item(j);
                number(p, "Erststimmen_der_aktuellen_Wahl").ifPresent(v -> first.put(text(p, "Name"), v));
                number(p, "Zweitstimmen_der_aktuellen_Wahl").ifPresent(v -> second.put(text(p, "Name"), v));
            }
            publishedWinners.merge(text(u, "Partei_mit_Erststimmenmehrheit"), 1, Integer::sum);
            Map<VoteKind, Long> valid = new EnumMap<>(VoteKind.class);
            valid.put(VoteKind.FIRST, number(u, "gueltige_Erststimmen_insgesamt_der_aktuellen_Wahl").orElseThrow());
            Map<VoteKind, Map<String, Long>> votes = new EnumMap<>(VoteKind.class);
            votes.put(VoteKind.FIRST, first);
            votes.put(VoteKind.SECOND, second);
            records.add(new ResultRecord("CONSTITUENCY", text(u, "Schluesselnummer"), null,
                    text(u, "Name_der_Regionaleinheit"), valid, votes));
        }
        assertThat(records).hasSize(91);

        SeatReport r = SeatCalculation.landtagBayern(HEAD, records, List.of(), TEXTS);
        assertThat(r.status()).as(r.missing().toString()).isEqualTo(SeatReport.Status.DECIDED);
        assertThat(r.houseSize()).isEqualTo(205);
        Map<String, Integer> seats = new LinkedHashMap<>();
        r.parties().forEach(p -> seats.put(p.party(), p.seats()));
        assertThat(seats).containsExactly(Map.entry("CSU", 85), Map.entry("GRÜNE", 38), Map.entry("FREIE WÄHLER", 27),
                Map.entry("AfD", 22), Map.entry("SPD", 22), Map.entry("FDP", 11));
        // every Stimmkreis winner as published, all elected (both parties passed the threshold)
        Map<String, Integer> winners = new LinkedHashMap<>();
        r.constituencies().forEach(c -> winners.merge(c.party(), 1, Integer::sum));
        assertThat(winners).isEqualTo(publishedWinners).containsEntry("CSU", 85).containsEntry("GRÜNE", 6);
        assertThat(r.constituencies()).allMatch(SeatReport.ConstituencyRow::elected);
        assertThat(r.parties().getFirst().constituencySeats()).isEqualTo(85);
        assertThat(r.parties().getFirst().listSeats()).isZero();
        // DIE LINKE 3.23 % of the Gesamtstimmen: not admitted
        assertThat(r.thresholds()).filteredOn(t -> t.party().equals("DIE LINKE")).singleElement()
                .satisfies(t -> assertThat(t.admitted()).isFalse());
        assertThat(r.steps()).hasSize(7);
        assertThat(r.notes()).anyMatch(n -> n.key().equals("results.note.landtagOverhang"));

        // only six Wahlkreise reported so far: Schwaben has no votes → said, not guessed
        List<ResultRecord> partial = records.stream().filter(x -> !x.key().startsWith("7")).toList();
        SeatReport missing = SeatCalculation.landtagBayern(HEAD, partial, List.of(), TEXTS);
        assertThat(missing.status()).isEqualTo(SeatReport.Status.NEEDS_INPUT);
        assertThat(missing.missing()).singleElement().satisfies(t -> assertThat(t.text()).contains("Schwaben"));
    }

    @Test
    void equalFirstVotesInAStimmkreisNeedALot() {
        List<ResultRecord> records = new ArrayList<>();
        for (int wk = 1; wk <= 7; wk++) {
            long a = wk == 3 ? 500 : 600;
            records.add(record(wk + "01", Map.of("A", a, "B", 500L), Map.of("A", 600L, "B", 400L)));
        }
        SeatReport r = SeatCalculation.landtagBayern(HEAD, records, List.of(), TEXTS);
        assertThat(r.status()).isEqualTo(SeatReport.Status.LOT_REQUIRED);
        assertThat(r.pendingLot().decisionKey()).isEqualTo("stimmkreis:301");
        assertThat(r.pendingLot().tied()).containsExactlyInAnyOrder("A", "B");
        assertThat(r.pendingLot().explanation().text()).contains("Stimmkreis 301", "gleich viele Erststimmen");

        var lot = new SeatStore.StoredLot(1, "stimmkreis:301", List.of("B", "A"), "Landeswahlleiter",
                java.time.Instant.parse("2018-10-20T10:00:00Z"), "Stimmengleichheit", "admin",
                java.time.Instant.parse("2018-10-20T10:05:00Z"), null, null, null, null);
        SeatReport decided = SeatCalculation.landtagBayern(HEAD, records, List.of(lot), TEXTS);
        assertThat(decided.status()).isEqualTo(SeatReport.Status.DECIDED);
        assertThat(decided.constituencies()).filteredOn(c -> c.number().equals("301")).singleElement()
                .satisfies(c -> {
                    assertThat(c.winner()).isEqualTo("B");
                    assertThat(c.byLot()).isTrue();
                });
        assertThat(decided.lots()).singleElement().satisfies(l -> assertThat(l.used()).isTrue());
    }

    private static ResultRecord record(String key, Map<String, Long> first, Map<String, Long> second) {
        Map<VoteKind, Map<String, Long>> votes = new EnumMap<>(VoteKind.class);
        votes.put(VoteKind.FIRST, new LinkedHashMap<>(first));
        votes.put(VoteKind.SECOND, new LinkedHashMap<>(second));
        return new ResultRecord("CONSTITUENCY", key, null, "Stimmkreis " + key, new EnumMap<>(VoteKind.class), votes);
    }

    private static java.util.Optional<Long> number(Element e, String tag) {
        String t = text(e, tag);
        return t == null || t.isBlank() || t.equals("-") ? java.util.Optional.empty() : java.util.Optional.of(Long.parseLong(t));
    }

    private static String text(Element e, String tag) {
        NodeList n = e.getElementsByTagName(tag);
        return n.getLength() == 0 ? null : n.item(0).getTextContent().strip();
    }
}
