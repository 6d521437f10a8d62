package de.wahlwerk.core.seats.landtag;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.Fixtures;
import de.wahlwerk.core.seats.Lots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Landtag Bayern 14.10.2018 from the 91 Stimmkreis results (bayern-landtagswahl2018-stimmkreise).
 * Official result (Landeswahlleiter, final result 2018): 205 seats — CSU 85, GRÜNE 38, FREIE WÄHLER 27,
 * AfD 22, SPD 22, FDP 11.
 */
class LandtagBayern2018Test {

    /**
     * Statutory seats per Wahlkreis for 2018 (LWG Art. 21 Abs. 1 with the Stimmkreis reform of 2016):
     * Stimmkreise 31/9/8/8/12/10/13 (= the Stimmkreis numbers in the data) plus list seats [UNV: seat
     * numbers from background knowledge, not from a statute text in the corpus].
     */
    private static final int[] SEATS = {61, 18, 16, 16, 24, 19, 26};
    private static final String[] NAMES = {"Oberbayern", "Niederbayern", "Oberpfalz", "Oberfranken",
            "Mittelfranken", "Unterfranken", "Schwaben"};

    @Test
    void reproducesTheOfficialSeatDistribution() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Fixtures.file("bayern-landtagswahl2018-stimmkreise/2018-info.xml").toFile());
        List<Map<String, Long>> votes = new ArrayList<>();
        List<Map<String, Integer>> wins = new ArrayList<>();
        int[] stimmkreise = new int[7];
        for (int i = 0; i < 7; i++) {
            votes.add(new LinkedHashMap<>());
            wins.add(new LinkedHashMap<>());
        }
        NodeList units = doc.getElementsByTagName("Regionaleinheit");
        for (int i = 0; i < units.getLength(); i++) {
            Element u = (Element) units.item(i);
            int wk = text(u, "Schluesselnummer").charAt(0) - '1';
            stimmkreise[wk]++;
            wins.get(wk).merge(text(u, "Partei_mit_Erststimmenmehrheit"), 1, Integer::sum);
            NodeList proposals = u.getElementsByTagName("Wahlvorschlag");
            for (int j = 0; j < proposals.getLength(); j++) {
                Element p = (Element) proposals.item(j);
                String g = text(p, "Gesamtstimmen_der_aktuellen_Wahl");
                if (g != null && !g.isBlank() && !g.equals("-")) {
                    votes.get(wk).merge(text(p, "Name"), Long.parseLong(g), Long::sum);
                }
            }
        }
        assertThat(stimmkreise).containsExactly(31, 9, 8, 8, 12, 10, 13);
        List<WahlkreisVotes> input = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            input.add(new WahlkreisVotes(NAMES[i], SEATS[i], votes.get(i), wins.get(i)));
        }
        LandtagBayernResult r = LandtagBayern.allocate(input, Lots.none()).orElseThrow();
        assertThat(r.admitted().keySet()).containsExactlyInAnyOrder("CSU", "GRÜNE", "FREIE WÄHLER", "AfD", "SPD", "FDP");
        assertThat(r.houseSize()).isEqualTo(205);
        assertThat(r.seatsPerParty()).containsExactlyInAnyOrderEntriesOf(Map.of("CSU", 85, "GRÜNE", 38,
                "FREIE WÄHLER", 27, "AfD", 22, "SPD", 22, "FDP", 11));
    }

    private static String text(Element e, String tag) {
        NodeList n = e.getElementsByTagName(tag);
        return n.getLength() == 0 ? null : n.item(0).getTextContent().strip();
    }
}
