package de.wahlwerk.core.seats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.wahlwerk.core.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./wahlwerk seats LAW FILE}: the command run in-process on the published files; its CSV
 * output compared with the official distributions.
 */
class SeatsFileCommandTest {

    private static final String KREISTAG = "ebersberg-kommunalwahl2026-akdb/";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Object... args) {
        out.reset();
        err.reset();
        String[] a = Arrays.stream(args).map(Object::toString).toArray(String[]::new);
        return SeatsFileCommand.run(a, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The first CSV block ({@code list;seats}) as a map. */
    private Map<String, Integer> seats() {
        List<String> lines = out().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("list;seats");
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            if (l.isEmpty()) {
                break;
            }
            String[] f = l.split(";");
            m.put(f[0], Integer.parseInt(f[1]));
        }
        return m;
    }

    private List<String> block(String header) {
        List<String> lines = out().lines().toList();
        int start = lines.indexOf(header);
        assertThat(start).as("block " + header).isNotNegative();
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).isEmpty()) {
            end++;
        }
        return lines.subList(start + 1, end);
    }

    // ---- official distributions ----

    @Test
    void bundestag2025AsOfficiallyAnnounced() {
        assertThat(run("bundestag-2025", Fixtures.file("btw2025-kerg2/kerg2.csv"))).isZero();
        assertThat(seats()).containsExactlyInAnyOrderEntriesOf(Map.of("CDU", 164, "AfD", 152, "SPD", 120,
                "GRÜNE", 85, "Die Linke", 64, "CSU", 44, "SSW", 1));
        assertThat(seats().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(630);
        assertThat(err()).isEmpty();
    }

    @Test
    void bundestag2021AsOfficiallyAnnounced() {
        assertThat(run("bundestag-2021", Fixtures.file("btw2021-kerg/kerg2021_2.csv"))).isZero();
        assertThat(seats()).containsExactlyInAnyOrderEntriesOf(Map.of("SPD", 206, "CDU", 152, "GRÜNE", 118,
                "FDP", 92, "AfD", 83, "CSU", 45, "DIE LINKE", 39, "SSW", 1));
        assertThat(seats().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(736);
    }

    @Test
    void landtagBayern2018AsOfficiallyAnnounced() {
        assertThat(run("landtag-by", Fixtures.file("bayern-landtagswahl2018-stimmkreise/2018-info.xml"))).isZero();
        assertThat(seats()).containsExactlyInAnyOrderEntriesOf(Map.of("CSU", 85, "GRÜNE", 38, "FREIE WÄHLER", 27,
                "AfD", 22, "SPD", 22, "FDP", 11));
        assertThat(seats().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(205);
    }

    @Test
    void kreistagEbersberg2026EqualsKreistagSitzeCsv() throws IOException {
        Map<String, Integer> official = new LinkedHashMap<>();
        for (String l : Files.readAllLines(Fixtures.file(KREISTAG + "kreistagSitze.csv")).subList(1, 9)) {
            String[] f = l.split(";");
            official.put(f[2], Integer.parseInt(f[3]));
        }
        Path folder = Fixtures.file(KREISTAG + "kreistagListenkandidaturstimmen/09175000-csu-csu.csv").getParent();
        assertThat(run("county-by", folder)).isZero();
        // same lists, same seats, and in ballot order (CSU = list 1 … Die Linke = list 8)
        assertThat(seats()).containsExactlyEntriesOf(official);
        assertThat(err()).contains("Sitzzahl 60 aus der längsten Liste");
        // the overall-result file has no list names: lists by number, D1…D8 = the order above (SOURCE.md)
        assertThat(run("county-by", Fixtures.file(KREISTAG + "kresitagGesamtergebnis.csv"), "--seats", 60)).isZero();
        assertThat(List.copyOf(seats().values())).isEqualTo(List.copyOf(official.values()));
        assertThat(seats().keySet()).startsWith("Liste 1", "Liste 2");
    }

    /**
     * No official Gemeinderat seats are in the data (the SOURCE.md files say so): invariants only —
     * house filled, the total-row file and the per-district file agree, no list beyond its
     * candidates, the elected are the candidates with the most votes of their list.
     */
    @Test
    void gemeinderatFilesInvariants() {
        String dir = "vaterstetten-kommunalwahl2020-okvote/";
        assertThat(run("council-by", Fixtures.file(dir + "Open-Data-Gemeinderatswahl-Bayern1163.csv"), "--elected")).isZero();
        Map<String, Integer> total = seats();
        List<String> elected = block("list;rank;candidate;votes");
        assertThat(run("council-by", Fixtures.file(dir + "Open-Data-Gemeinderatswahl-Bayern1166.csv"))).isZero();
        assertThat(seats()).isEqualTo(total);
        assertThat(total.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(30);
        assertThat(total).hasSize(6).containsEntry("Liste 4", 1); // list 4 has 23 candidates
        assertThat(elected).hasSize(30);
        for (String list : total.keySet()) {
            assertThat(elected).filteredOn(l -> l.startsWith(list + ";")).hasSize(total.get(list));
        }
        // list 1: candidate 1 (9,994 votes) first, then 26 (5,282)… ranks by personal votes (GLKrWG Art. 36)
        assertThat(elected.getFirst()).isEqualTo("Liste 1;1;1.1;9994");
        long[] firstList = elected.stream().filter(l -> l.startsWith("Liste 1;")).mapToLong(l -> Long.parseLong(l.split(";")[3])).toArray();
        for (int i = 1; i < firstList.length; i++) {
            assertThat(firstList[i]).isLessThanOrEqualTo(firstList[i - 1]);
        }

        assertThat(run("council-by", Fixtures.file("karlstadt-stadtrat2020-okvote/Open-Data-Gemeinderatswahl-Bayern1106.csv"))).isZero();
        assertThat(seats().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(24);
        assertThat(seats()).containsOnlyKeys("Liste 1", "Liste 2", "Liste 5", "Liste 6", "Liste 7", "Liste 8");

        assertThat(run("council-by", Fixtures.file(KREISTAG + "gemeinderatGesamtergebnis.csv"), "--seats", 30)).isZero();
        assertThat(seats().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(30);
        assertThat(seats()).containsOnlyKeys("Liste 1", "Liste 2", "Liste 4", "Liste 5", "Liste 6");
    }

    // ---- --detail and --elected ----

    @Test
    void detailPrintsEveryStepWithMargins() {
        assertThat(run("bundestag-2025", Fixtures.file("btw2025-kerg2/kerg2.csv"), "--detail")).isZero();
        String header = "step;method;divisor;list;votes;quotient;seats;vacant;votes_to_gain;votes_to_lose;gain_threshold;lose_threshold";
        List<String> rows = block(header);
        assertThat(rows).allSatisfy(r -> assertThat(r.split(";", -1)).hasSize(12));
        // Oberverteilung at the published divisor 68 100; CDU: 164 seats
        assertThat(rows).filteredOn(r -> r.startsWith("Oberverteilung;")).hasSize(7)
                .anyMatch(r -> r.startsWith("Oberverteilung;WEBSTER;68100,000;CDU;11196374;164,4108;164;0;"));
        // one Unterverteilung per party with seats, over its Landeslisten
        assertThat(rows.stream().filter(r -> r.startsWith("Unterverteilung ")).map(r -> r.split(";")[0]).distinct())
                .hasSize(7);
        // CSU: 3,285 second votes fewer and its 44th seat goes (3 033 866 − 2 960 743: exact bounds)
        assertThat(rows).anyMatch(r -> r.startsWith("Oberverteilung;WEBSTER;68100,000;CSU;2964028;43,5246;44;0;69839;3285;"));

        Path folder = Fixtures.file(KREISTAG + "kreistagListenkandidaturstimmen/09175000-csu-csu.csv").getParent();
        assertThat(run("county-by", folder, "--detail")).isZero();
        assertThat(block(header)).hasSize(8).allSatisfy(r -> assertThat(r).startsWith("Sitzverteilung;WEBSTER;65000,000;"))
                .contains("Sitzverteilung;WEBSTER;65000,000;SPD;477793;7,3507;7;0;19201;59293;496993,696;418501,000");

        assertThat(run("landtag-by", Fixtures.file("bayern-landtagswahl2018-stimmkreise/2018-info.xml"), "--detail")).isZero();
        List<String> landtag = block(header);
        assertThat(landtag.stream().map(r -> r.split(";")[0]).distinct()).hasSize(7).contains("Wahlkreis Oberbayern");
        assertThat(landtag).allSatisfy(r -> assertThat(r.split(";", -1)[1]).isEqualTo("HAMILTON"));
        // every list with a seat can lose it, every list can gain one (Hare/Niemeyer: recomputed exactly)
        assertThat(landtag).allSatisfy(r -> assertThat(r.split(";", -1)[8]).isNotEmpty());
    }

    @Test
    void electedListsTheCandidatesOfEachListInRankOrder() {
        Path folder = Fixtures.file(KREISTAG + "kreistagListenkandidaturstimmen/09175000-csu-csu.csv").getParent();
        assertThat(run("county-by", folder, "--elected")).isZero();
        List<String> elected = block("list;rank;candidate;votes");
        assertThat(elected).hasSize(60).allSatisfy(r -> assertThat(r.split(";")).hasSize(4));
        assertThat(elected).contains("AfD;1;301 (Birghan);24889", "CSU;1;101 (Niedergesäß);49651");
        assertThat(elected).filteredOn(r -> r.startsWith("ÖDP;")).hasSize(1);
    }

    // ---- wrong calls and bad files ----

    /**
     * kerg2 names no candidates, so {@code --elected} counts per Landesliste (ELECTORAL_LAW.md § 2.3:
     * 630 seats, 276 covered Wahlkreis winners; Bremen SPD has 1 seat for 2 winners) and says on
     * stderr that the names need the nominations in the server.
     */
    @Test
    void electedForTheBundestagCountsPerLandeslisteAndSaysWhereNamesComeFrom() {
        assertThat(run("bundestag-2025", Fixtures.file("btw2025-kerg2/kerg2.csv"), "--elected")).isZero();
        List<String> rows = block("land;list;seats;constituency_seats;list_seats");
        assertThat(rows).allSatisfy(r -> {
            int[] n = java.util.Arrays.stream(r.split(";")).skip(2).mapToInt(Integer::parseInt).toArray();
            assertThat(n[0]).as(r).isEqualTo(n[1] + n[2]);
        });
        assertThat(rows.stream().mapToInt(r -> Integer.parseInt(r.split(";")[2])).sum()).isEqualTo(630);
        assertThat(rows.stream().mapToInt(r -> Integer.parseInt(r.split(";")[3])).sum()).isEqualTo(276);
        assertThat(rows).contains("Bremen;SPD;1;1;0");
        assertThat(err()).contains("enthält keine Namen von Bewerbern").contains("Landeslisten mit Bewerbern");
    }

    @Test
    void wrongCallsAreUsageErrors() {
        assertThat(run()).isEqualTo(SeatsFileCommand.USAGE);
        assertThat(err()).contains("Aufruf: ./wahlwerk seats GESETZ DATEI");
        Path kerg = Fixtures.file("btw2025-kerg2/kerg2.csv");
        assertThat(run("bundestag-2030", kerg)).isEqualTo(SeatsFileCommand.USAGE);
        assertThat(err()).contains("Das Gesetz „bundestag-2030“ ist unbekannt.");
        assertThat(run("council-xx", kerg)).isEqualTo(SeatsFileCommand.USAGE);
        assertThat(err()).contains("„xx“ ist kein Länderkürzel");
        assertThat(run("council-hh", kerg)).isEqualTo(SeatsFileCommand.USAGE);
        assertThat(err()).contains("Stadtstaat");
        assertThat(run("bundestag-2025", kerg, "--seats", "600")).isEqualTo(SeatsFileCommand.USAGE);
        assertThat(run("council-by", kerg, "--seats", "viele")).isEqualTo(SeatsFileCommand.USAGE);
        assertThat(err()).contains("--seats erwartet eine Sitzzahl");
        assertThat(run("bundestag-2025", kerg, "--verbose")).isEqualTo(SeatsFileCommand.USAGE);
        assertThat(err()).contains("Die Option „--verbose“ gibt es nicht.");
        Path gr = Fixtures.file("karlstadt-stadtrat2020-okvote/Open-Data-Gemeinderatswahl-Bayern1103.csv");
        assertThat(run("council-nw", gr)).isEqualTo(SeatsFileCommand.USAGE);
        assertThat(err()).contains("Die Sitzzahl steht nicht in der Datei; bitte mit --seats N angeben");
        assertThat(out.size()).isZero();
    }

    @Test
    void filesThatDoNotFitTheLawAreRejected() {
        Path kerg2021 = Fixtures.file("btw2021-kerg/kerg2021_2.csv");
        assertFailed(run("bundestag-2025", kerg2021), "kerg2021_2.csv enthält die Bundestagswahl vom 26.09.2021",
                "bundestag-2021");
        assertFailed(run("bundestag-2021", Fixtures.file("btw2025-kerg2/kerg2.csv")), "vom 23.02.2025");
        Path council = Fixtures.file("karlstadt-stadtrat2020-okvote/Open-Data-Gemeinderatswahl-Bayern1103.csv");
        assertFailed(run("bundestag-2025", council), "Die Datei Open-Data-Gemeinderatswahl-Bayern1103.csv wurde abgelehnt",
                "Erwartet wird die kerg2.csv");
        assertFailed(run("landtag-by", council), "Zeile 1", "kein gültiges XML");
        Path xml = Fixtures.file("bayern-landtagswahl2018-stimmkreise/2018-info.xml");
        assertFailed(run("council-by", xml), "Datei 2018-info.xml, Zeile 1: Das Dateiformat ist unbekannt");
        // a mayor's file (one vote per voter, no lists) for a council: layout does not fit
        Path mayor = Fixtures.file("vaterstetten-kommunalwahl2020-okvote/Open-Data-Landratswahl-Bayern1143.csv");
        assertFailed(run("council-by", mayor, "--seats", "30"), "Open-Data-Landratswahl-Bayern1143.csv",
                "passt nicht zu einer Gemeinderats- oder Kreistagswahl");
    }

    @Test
    void badFilesNameFileAndLine(@TempDir Path dir) throws IOException {
        assertFailed(run("county-by", dir.resolve("fehlt.csv")), "Datei nicht gefunden");
        // negative votes in a votemanager file
        Path src = Fixtures.file("karlstadt-stadtrat2020-okvote/Open-Data-Gemeinderatswahl-Bayern1103.csv");
        List<String> lines = Files.readAllLines(src);
        String[] f = lines.get(1).split(";", -1);
        f[18] = "-61299";
        Path negative = Files.write(dir.resolve("negativ.csv"), List.of(lines.get(0), String.join(";", f)));
        assertFailed(run("council-by", negative), "negativ.csv wurde abgelehnt", "Zeile 2", "„-61299“ ist negativ");
        // negative votes in an AKDB overall-result file
        Path akdb = Files.writeString(dir.resolve("gemeinderatGesamtergebnis.csv"),
                "Gemeinde;Gemeindename;Gebietsnummer;Gebietsart;Gebietsname;D1;D1_1;D2;D2_1;\n"
                        + "175132;Vaterstetten;1;GEMEINDE;Vaterstetten;10;10;-3;-3;\n");
        assertFailed(run("council-by", akdb, "--seats", "2"), "Zeile 2", "Spalte „D2“", "ist negativ");
        // list votes that are not the sum of the candidates
        Files.writeString(akdb, "Gemeinde;Gemeindename;Gebietsnummer;Gebietsart;Gebietsname;D1;D1_1;D2;D2_1;\n"
                + "175132;Vaterstetten;1;GEMEINDE;Vaterstetten;10;10;9;8;\n");
        assertFailed(run("council-by", akdb, "--seats", "2"), "Zeile 2", "die Summe der Bewerberstimmen");
        // malformed kerg2 and malformed XML
        Path kerg = Files.writeString(dir.resolve("kerg2.csv"), "Wahlart;Wahltag\nBT;kein Datum\n");
        assertFailed(run("bundestag-2025", kerg), "kerg2.csv wurde abgelehnt");
        Path xml = Files.writeString(dir.resolve("lw.xml"), "<Ergebnisse>\n<Regionaleinheit>\n<Allgemeine_Angaben>\n</Ergebnisse>\n");
        assertFailed(run("landtag-by", xml), "lw.xml", "Zeile 4", "kein gültiges XML");
        Path negativeXml = Files.writeString(dir.resolve("lw2.xml"), """
                <Ergebnisse>
                  <Regionaleinheit>
                    <Allgemeine_Angaben><Schluesselnummer>101</Schluesselnummer>
                      <Name_der_Regionaleinheit>A</Name_der_Regionaleinheit>
                      <Partei_mit_Erststimmenmehrheit>CSU</Partei_mit_Erststimmenmehrheit></Allgemeine_Angaben>
                    <Wahlvorschlag><Name>CSU</Name>
                      <Gesamtstimmen_der_aktuellen_Wahl>-5</Gesamtstimmen_der_aktuellen_Wahl></Wahlvorschlag>
                  </Regionaleinheit>
                </Ergebnisse>
                """);
        assertFailed(run("landtag-by", negativeXml), "lw2.xml, Zeile 7", "„-5“ ist negativ");
        // a complete, valid XML with one Wahlkreis only does not fit the Landtag law
        Files.writeString(negativeXml, Files.readString(negativeXml).replace(">-5<", ">5<"));
        assertFailed(run("landtag-by", negativeXml), "Niederbayern", "alle 91 Stimmkreise");
        // an empty file
        Path empty = Files.writeString(dir.resolve("leer.csv"), "");
        assertFailed(run("council-by", empty), "Dateiformat ist unbekannt");
    }

    @Test
    void aTieTheLawLeavesToTheLotStopsWithExitCode3(@TempDir Path dir) throws IOException {
        // two lists, equal votes and equal candidate votes for one seat: GLKrWG Art. 35 Abs. 2 → lot
        Path akdb = Files.writeString(dir.resolve("gemeinderatGesamtergebnis.csv"),
                "Gemeinde;Gemeindename;Gebietsnummer;Gebietsart;Gebietsname;D1;D1_1;D2;D2_1;\n"
                        + "175132;Vaterstetten;1;GEMEINDE;Vaterstetten;10;10;10;10;\n");
        assertThat(run("council-by", akdb, "--seats", "1")).isEqualTo(SeatsFileCommand.LOT_REQUIRED);
        assertThat(err()).contains("Los erforderlich: 1 Sitz(e) zwischen Liste 1, Liste 2", "„sitze“");
        assertThat(out.size()).isZero();
    }

    @Test
    void majorityClausesOfSchleswigHolsteinAndSachsen(@TempDir Path dir) throws IOException {
        // GKWG § 10 Abs. 5: 50.1 % but SLS 8 of 17 → two further seats, 19 in all
        Path sh = Files.writeString(dir.resolve("gemeinderatGesamtergebnis.csv"),
                "Gemeinde;Gemeindename;Gebietsnummer;Gebietsart;Gebietsname;D1;D1_1;D2;D2_1;D3;D3_1;\n"
                        + "1;Musterdorf;1;GEMEINDE;Musterdorf;5010;5010;3400;3400;1590;1590;\n");
        assertThat(run("council-sh", sh, "--seats", "17")).as(err()).isEqualTo(SeatsFileCommand.DECIDED);
        assertThat(seats()).containsExactly(Map.entry("Liste 1", 10), Map.entry("Liste 2", 6), Map.entry("Liste 3", 3));
        assertThat(err()).contains("Mehrheitsklausel (GKWG § 10 Abs. 5)", "Sitze insgesamt 19");
        // KomWG § 21 Abs. 1 S. 5: d'Hondt 5/3/2 of 10 → one more for the majority, the rest again: 6/2/2
        Files.writeString(sh, "Gemeinde;Gemeindename;Gebietsnummer;Gebietsart;Gebietsname;D1;D1_1;D2;D2_1;D3;D3_1;\n"
                + "1;Musterdorf;1;GEMEINDE;Musterdorf;5100;5100;2600;2600;2300;2300;\n");
        assertThat(run("council-sn", sh, "--seats", "10", "--detail")).as(err()).isEqualTo(SeatsFileCommand.DECIDED);
        assertThat(seats()).containsExactly(Map.entry("Liste 1", 6), Map.entry("Liste 2", 2), Map.entry("Liste 3", 2));
        assertThat(err()).contains("Mehrheitsklausel (KomWG § 21 Abs. 1 S. 5)", "Sitze insgesamt 10");
        assertThat(out()).contains("Mehrheitsklausel;");
        // KWahlG NRW § 33 Abs. 4 (computation in CouncilElectionTest): 5,100 / 2,900 / 2,000, SLS 5/3/2 of 10 →
        // Zusatzmandat 6/2/2, size unchanged
        Files.writeString(sh, "Gemeinde;Gemeindename;Gebietsnummer;Gebietsart;Gebietsname;D1;D1_1;D2;D2_1;D3;D3_1;\n"
                + "1;Musterstadt;1;GEMEINDE;Musterstadt;5100;5100;2900;2900;2000;2000;\n");
        assertThat(run("council-nw", sh, "--seats", "10")).as(err()).isEqualTo(SeatsFileCommand.DECIDED);
        assertThat(seats()).containsExactly(Map.entry("Liste 1", 6), Map.entry("Liste 2", 2), Map.entry("Liste 3", 2));
        assertThat(err()).contains("Mehrheitsklausel (KWahlG NRW § 33 Abs. 4)", "Sitze insgesamt 10");
        // with district winners the clause follows the Verhältnisausgleich: Liste 1 wins all 5 Wahlbezirke (covered
        // by its 5 seats), then the Zusatzmandat as above
        assertThat(run("council-nw", sh, "--seats", "10", "--winners", "Liste 1=5")).as(err())
                .isEqualTo(SeatsFileCommand.DECIDED);
        assertThat(seats()).containsExactly(Map.entry("Liste 1", 6), Map.entry("Liste 2", 2), Map.entry("Liste 3", 2));
        assertThat(err()).contains("Mehrheitsklausel (KWahlG NRW § 33 Abs. 4)", "Sitze insgesamt 10");
    }

    @Test
    void districtWinnersOfNrwAndSchleswigHolsteinFromTheCommandLine(@TempDir Path dir) throws IOException {
        // KWahlG NRW § 33 Abs. 3 with the list votes of Witten 2009 (computation in DirectMandateCouncilTest): 50 seats,
        // Liste 1 wins 22 Wahlbezirke with 16 seats by SLS → formula 22 × 40,972 / 13,609 = 66.23 → 66 seats
        StringBuilder head = new StringBuilder("Gemeinde;Gemeindename;Gebietsnummer;Gebietsart;Gebietsname;");
        StringBuilder row = new StringBuilder("1;Witten;1;GEMEINDE;Witten;");
        long[] witten = {13_609, 11_290, 5_268, 1_480, 2_190, 668, 2_471, 582, 137, 242, 3_035};
        for (int p = 1; p <= witten.length; p++) {
            head.append("D").append(p).append(";D").append(p).append("_1;");
            row.append(witten[p - 1]).append(';').append(witten[p - 1]).append(';');
        }
        Path wi = Files.writeString(dir.resolve("ratWitten.csv"), head + "\n" + row + "\n");
        assertThat(run("council-nw", wi, "--seats", "50", "--winners", "Liste 1=22,Liste 2=3", "--detail")).as(err())
                .isEqualTo(SeatsFileCommand.DECIDED);
        assertThat(seats().values()).containsExactly(22, 18, 9, 2, 4, 1, 4, 1, 0, 0, 5);
        assertThat(err()).contains("Überhang (KWahlG NRW § 33 Abs. 3): 6 Sitz(e)", "16 Ausgleichssitz(e)",
                "Sitze insgesamt 66.");
        assertThat(out()).contains("Verhältnisausgleich 50;", "Verhältnisausgleich 66;")
                .doesNotContain("Verhältnisausgleich 51;");
        // 20 seats, 4,020 / 3,180 / 1,800 / 1,000
        Path nw = Files.writeString(dir.resolve("ratGesamtergebnis.csv"),
                "Gemeinde;Gemeindename;Gebietsnummer;Gebietsart;Gebietsname;D1;D1_1;D2;D2_1;D3;D3_1;D4;D4_1;\n"
                        + "1;Musterstadt;1;GEMEINDE;Musterstadt;4020;4020;3180;3180;1800;1800;1000;1000;\n");
        // one independent winner: 19 seats apportioned, printed as "ohne Liste"
        assertThat(run("council-nw", nw, "--seats", "20", "--winners", "Liste 1=8,ohne Liste=1")).as(err())
                .isEqualTo(SeatsFileCommand.DECIDED);
        assertThat(seats()).containsExactly(Map.entry("Liste 1", 8), Map.entry("Liste 2", 6), Map.entry("Liste 3", 3),
                Map.entry("Liste 4", 2), Map.entry("ohne Liste", 1));
        // GKWG § 10 Abs. 4 without a cap (DirectMandateLaw): 11 seats, Liste 1 (20 %) wins 5 → 23 seats cover it
        Path sh = Files.writeString(dir.resolve("gvGesamtergebnis.csv"),
                "Gemeinde;Gemeindename;Gebietsnummer;Gebietsart;Gebietsname;D1;D1_1;D2;D2_1;D3;D3_1;\n"
                        + "1;Musterdorf;1;GEMEINDE;Musterdorf;2000;2000;3500;3500;4500;4500;\n");
        assertThat(run("council-sh", sh, "--seats", "11", "--winners", "Liste 1=5")).as(err())
                .isEqualTo(SeatsFileCommand.DECIDED);
        assertThat(seats()).containsExactly(Map.entry("Liste 1", 5), Map.entry("Liste 2", 8), Map.entry("Liste 3", 10));
        assertThat(err()).contains("Sitze insgesamt 23.").doesNotContain("Obergrenze");
        // wrong calls
        assertThat(run("council-by", sh, "--seats", "11", "--winners", "Liste 1=5")).isEqualTo(SeatsFileCommand.USAGE);
        assertThat(err()).contains("--winners gilt nur für council-nw");
        assertThat(run("council-sh", sh, "--seats", "11", "--winners", "SPD=5")).isEqualTo(SeatsFileCommand.USAGE);
        assertThat(err()).contains("„SPD“ (Liste 1, Liste 2, Liste 3)");
        assertThat(run("council-sh", sh, "--seats", "11", "--winners", "Liste 1=fünf")).isEqualTo(SeatsFileCommand.USAGE);
        assertThat(err()).contains("--winners erwartet");
        assertThat(run("council-sh", sh, "--seats", "11", "--winners", "Liste 1=12")).isEqualTo(SeatsFileCommand.USAGE);
        assertThat(err()).contains("Mehr Wahlbezirkssieger als Sitze (11)");
        assertThat(run("council-sh", sh, "--seats", "11", "--winners", "Liste 1=5", "--elected"))
                .isEqualTo(SeatsFileCommand.USAGE);
        Path none = Files.writeString(dir.resolve("leerGesamtergebnis.csv"),
                "Gemeinde;Gemeindename;Gebietsnummer;Gebietsart;Gebietsname;D1;D1_1;D2;D2_1;\n"
                        + "1;Musterdorf;1;GEMEINDE;Musterdorf;0;0;3500;3500;\n");
        assertFailed(run("council-sh", none, "--seats", "11", "--winners", "Liste 1=1"),
                "„Liste 1“ hat laut --winners Wahlbezirke gewonnen, aber in der Datei keine Stimmen");
        assertThat(out.size()).isZero();
    }

    private void assertFailed(int code, String... messages) {
        assertThat(code).as(err()).isEqualTo(SeatsFileCommand.FAILED);
        assertThat(err()).contains(messages).doesNotContain("Exception", "\tat ");
        assertThat(out.size()).isZero();
    }

    @Test
    void fixturesPresent() {
        assumeTrue(Fixtures.root() != null);
    }
}
