package de.wahlwerk.server.setup;

import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.ElectionKind;
import de.wahlwerk.core.model.GroupKind;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.server.audit.AuditLog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fictitious town of Musterstadt (AGS 09999001): a Bundestag-style election with two
 * constituencies, 64 polling and 16 postal districts, 32 polling stations, party lists and
 * constituency candidates, and a previous election (2021) to compare with. Generated from a
 * fixed seed, so every installation shows the same numbers.
 */
@Component
public class DemoElection {

    public static final String DAY_NAME = "Bundestagswahl 2025 (Demo Musterstadt)";
    public static final LocalDate DATE = LocalDate.of(2025, 2, 23);
    public static final String AGS = "09999001";
    static final String[] PARTIES = {"SPD", "CDU", "GRÜNE", "FDP", "AfD", "Die Linke", "BSW", "FREIE WÄHLER", "Tierschutzpartei", "Volt"};
    static final String[] PARTY_NAMES = {"Sozialdemokratische Partei Deutschlands", "Christlich Demokratische Union Deutschlands",
        "BÜNDNIS 90/DIE GRÜNEN", "Freie Demokratische Partei", "Alternative für Deutschland", "Die Linke",
        "Bündnis Sahra Wagenknecht – Vernunft und Gerechtigkeit", "FREIE WÄHLER", "PARTEI MENSCH UMWELT TIERSCHUTZ",
        "Volt Deutschland"};
    /** Second-vote shares of 2021 in per mille, roughly those of a mid-sized western German town. */
    private static final int[] SHARES_2021 = {262, 221, 168, 121, 82, 55, 0, 28, 17, 10};
    private static final String[] DISTRICTS = {"Altstadt", "Nordstadt", "Am Mühlbach", "Lindenhof", "Südviertel",
        "Weststadt", "Oststadt", "Gartenstadt"};
    private static final String[] STREETS = {"Schulstraße", "Lindenplatz", "Bahnhofstraße", "Am Markt", "Mühlweg",
        "Goethestraße", "Kirchgasse", "Rosenweg"};
    private static final String[] GIVEN = {"Anna", "Jonas", "Leonie", "Mehmet", "Sophie", "Lukas", "Marie", "Paul",
        "Emilia", "Felix", "Hannah", "Elias", "Lea", "Noah", "Clara", "Ben"};
    private static final String[] FAMILY = {"Müller", "Schmidt", "Yılmaz", "Fischer", "Weber", "Meyer", "Wagner",
        "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schröder"};
    private static final String[] PROFESSIONS = {"Lehrerin", "Elektriker", "Ärztin", "Landwirt", "Verwaltungsfachwirtin",
        "Ingenieur", "Pflegefachkraft", "Rechtsanwalt", "Studentin", "Unternehmer"};

    private final ElectionDayStore days;
    private final AreaStore areas;
    private final NominationStore nominations;
    private final ResultStore results;
    private final AuditLog audit;
    private final AreaGeometries geometries;

    DemoElection(ElectionDayStore days, AreaStore areas, NominationStore nominations, ResultStore results, AuditLog audit,
            AreaGeometries geometries) {
        this.geometries = geometries;
        this.days = days;
        this.areas = areas;
        this.nominations = nominations;
        this.results = results;
        this.audit = audit;
    }

    /** Ballot position (1-based) of a demo party by short name, for tests and demo reports. */
    public static int position(String shortName) {
        for (int i = 0; i < PARTIES.length; i++) {
            if (PARTIES[i].equals(shortName)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("not a demo party: " + shortName);
    }

    public boolean loaded() {
        return days.dayByName(DAY_NAME, DATE).isPresent();
    }

    /** Loads the demo unless it is there already; returns the election day id. */
    @Transactional
    public long load() {
        var existing = days.dayByName(DAY_NAME, DATE);
        if (existing.isPresent()) {
            return existing.get().day().id();
        }
        Random random = new Random(20250223L);
        ElectionDayForm dayForm = new ElectionDayForm();
        dayForm.setName(DAY_NAME);
        dayForm.setDate(DATE);
        dayForm.setScopeHierarchy("admin");
        dayForm.setScopeKey(AGS);
        long dayId = days.insertDay(dayForm);

        long town = areas.insertArea(dayId, area("admin", AreaLevel.MUNICIPALITY, AGS, "Musterstadt"), null);
        long[] districts = new long[DISTRICTS.length];
        for (int d = 0; d < DISTRICTS.length; d++) {
            districts[d] = areas.insertArea(dayId, area("admin", AreaLevel.CITY_DISTRICT, AGS + "-" + (d + 1),
                    DISTRICTS[d]), town);
        }
        long north = areas.insertArea(dayId, area("bundestag", AreaLevel.CONSTITUENCY, "301", "Musterstadt-Nord"), null);
        long south = areas.insertArea(dayId, area("bundestag", AreaLevel.CONSTITUENCY, "302", "Musterstadt-Süd"), null);

        long[] stations = new long[32];
        for (int s = 0; s < stations.length; s++) {
            PollingStationForm f = new PollingStationForm();
            f.setStationKey(String.format("W%02d", s + 1));
            String kind = s % 3 == 0 ? "Grundschule" : s % 3 == 1 ? "Gemeindehaus" : "Bürgerzentrum";
            f.setName(kind + " " + DISTRICTS[s / 4] + (s % 4 == 0 ? "" : " " + (s % 4 + 1)));
            f.setStreet(STREETS[s % STREETS.length] + " " + (3 + 2 * s));
            f.setPostalCode(String.format("99%03d", 100 + (s / 4) * 10));
            f.setCity("Musterstadt");
            f.setStepFree(s % 10 != 3 && s % 10 != 7);
            f.setChairName(GIVEN[s % GIVEN.length] + " " + FAMILY[(s * 7) % FAMILY.length]);
            f.setChairPhone(String.format("0999 %04d-%02d", 1000 + s * 13, s + 10));
            stations[s] = areas.insertStation(dayId, districts[s / 4], f);
        }

        List<ResultStore.Record> previous = new ArrayList<>();
        long smallUnit = -1;
        for (int d = 0; d < DISTRICTS.length; d++) {
            long constituency = d < 4 ? north : south;
            for (int i = 1; i <= 8; i++) {
                ReportingUnitForm f = new ReportingUnitForm();
                f.setKind(UnitKind.POLLING);
                f.setOfficialKey(String.format("%02d%02d", d + 1, i));
                f.setName(DISTRICTS[d] + " " + i);
                long station = stations[d * 4 + (i - 1) / 2];
                Long countedWith = d == 7 && i == 8 ? smallUnit : null;
                long unit = areas.insertUnit(dayId, f, station, countedWith);
                if (d == 7 && i == 7) {
                    smallUnit = unit;
                }
                areas.replaceUnitAreas(unit, Map.of("admin", districts[d], "bundestag", constituency));
                previous.add(previousRecord(f.getOfficialKey(), f.getName(), false, random, d == 7 && i == 8));
            }
            for (int p = 1; p <= 2; p++) {
                ReportingUnitForm f = new ReportingUnitForm();
                f.setKind(UnitKind.POSTAL);
                f.setOfficialKey(String.format("BW-%02d", d * 2 + p));
                f.setName("Briefwahl " + DISTRICTS[d] + " " + p);
                long unit = areas.insertUnit(dayId, f, null, null);
                areas.replaceUnitAreas(unit, Map.of("admin", districts[d], "bundestag", constituency));
                previous.add(previousRecord(f.getOfficialKey(), f.getName(), true, random, false));
            }
        }

        ElectionForm ef = new ElectionForm();
        ef.setKind(ElectionKind.BUNDESTAG);
        ef.setName("Bundestagswahl 2025");
        ef.setSeats(630);
        ef.setHierarchy("bundestag");
        long electionId = days.insertElection(dayId, ef);
        for (int p = 0; p < PARTIES.length; p++) {
            long list = nominations.insertNomination(electionId, null,
                    nomination(VoteKind.SECOND, p + 1, PARTIES[p], PARTY_NAMES[p], GroupKind.PARTY));
            for (int c = 1; c <= 5; c++) {
                nominations.insertCandidate(list, candidate(c, p * 5 + c));
            }
        }
        int position = 0;
        for (long constituency : new long[] {north, south}) {
            position++;
            for (int p = 0; p < 7; p++) {
                long n = nominations.insertNomination(electionId, constituency,
                        nomination(VoteKind.FIRST, p + 1, PARTIES[p], PARTY_NAMES[p], GroupKind.PARTY));
                nominations.insertCandidate(n, candidate(1, 100 + position * 10 + p));
            }
            long independent = nominations.insertNomination(electionId, constituency,
                    nomination(VoteKind.FIRST, 8, "EB: " + FAMILY[position * 5], "Einzelbewerber " + GIVEN[position * 3]
                            + " " + FAMILY[position * 5], GroupKind.INDEPENDENT));
            nominations.insertCandidate(independent, candidate(1, 200 + position));
        }

        long source = results.insertSource("Bundestagswahl 2021 (Demo Musterstadt)", ElectionKind.BUNDESTAG.name(),
                LocalDate.of(2021, 9, 26), "demo", "generated", "0".repeat(64), electionId, "demo");
        results.insertRecords(source, previous);
        geometries.store(dayId, demoGeometry().getBytes(java.nio.charset.StandardCharsets.UTF_8), "demo");
        audit.recordAs("demo", "load-demo", "election_day", dayId, null, Map.of(
                "name", DAY_NAME, "pollingDistricts", 64, "postalDistricts", 16, "pollingStations", stations.length,
                "lists", PARTIES.length, "areaOutlines", DISTRICTS.length + 3));
        return dayId;
    }

    /**
     * Outlines for the demo's map: the eight districts as a slightly irregular 4 × 2 grid (north
     * row = constituency 301), the constituencies and the town as their unions. Fictitious.
     */
    static String demoGeometry() {
        double[][][] v = new double[5][3][];
        Random jitter = new Random(7);
        for (int i = 0; i <= 4; i++) {
            for (int j = 0; j <= 2; j++) {
                double dx = i > 0 && i < 4 ? (jitter.nextDouble() - .5) * .016 : 0;
                double dy = j == 1 ? (jitter.nextDouble() - .5) * .012 : 0;
                v[i][j] = new double[] {10.0 + .04 * i + dx, 50.06 - .03 * j + dy};
            }
        }
        StringBuilder f = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int d = 0; d < DISTRICTS.length; d++) {
            int c = d % 4;
            int r = d / 4;
            f.append(feature("admin", AGS + "-" + (d + 1), List.of(v[c][r], v[c + 1][r], v[c + 1][r + 1], v[c][r + 1]))).append(',');
        }
        for (int r = 0; r < 2; r++) {
            List<double[]> ring = new ArrayList<>();
            for (int i = 0; i <= 4; i++) {
                ring.add(v[i][r]);
            }
            for (int i = 4; i >= 0; i--) {
                ring.add(v[i][r + 1]);
            }
            f.append(feature("bundestag", r == 0 ? "301" : "302", ring)).append(',');
        }
        f.append(feature("admin", AGS, List.of(v[0][0], v[4][0], v[4][2], v[0][2])));
        return f.append("]}").toString();
    }

    private static String feature(String hierarchy, String key, List<double[]> ring) {
        StringBuilder s = new StringBuilder("{\"type\":\"Feature\",\"properties\":{\"hierarchy\":\"" + hierarchy
                + "\",\"key\":\"" + key + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
        for (double[] p : ring) {
            s.append(String.format(java.util.Locale.ROOT, "[%.5f,%.5f],", p[0], p[1]));
        }
        s.append(String.format(java.util.Locale.ROOT, "[%.5f,%.5f]", ring.getFirst()[0], ring.getFirst()[1]));
        return s.append("]]}}").toString();
    }

    private static AreaForm area(String hierarchy, AreaLevel level, String key, String name) {
        AreaForm f = new AreaForm();
        f.setHierarchy(hierarchy);
        f.setLevel(level);
        f.setOfficialKey(key);
        f.setName(name);
        return f;
    }

    private static NominationForm nomination(VoteKind kind, int position, String shortName, String name, GroupKind group) {
        NominationForm f = new NominationForm();
        f.setVoteKind(kind);
        f.setBallotPosition(position);
        f.setShortName(shortName);
        f.setName(name);
        f.setGroupKind(group);
        return f;
    }

    private static CandidateForm candidate(int listPosition, int seed) {
        CandidateForm f = new CandidateForm();
        f.setListPosition(listPosition);
        f.setGivenNames(GIVEN[(seed * 5) % GIVEN.length]);
        f.setFamilyName(FAMILY[(seed * 11 + 3) % FAMILY.length]);
        f.setTitle(seed % 9 == 0 ? "Dr." : null);
        f.setProfession(PROFESSIONS[seed % PROFESSIONS.length]);
        f.setYearOfBirth(1950 + (seed * 17) % 55);
        f.setPlace("Musterstadt");
        return f;
    }

    /** A plausible 2021 result of one unit; every sum of the quick-report form holds exactly. */
    private static ResultStore.Record previousRecord(String key, String name, boolean postal, Random random, boolean small) {
        long eligible = postal ? 0 : small ? 180 + random.nextInt(40) : 1100 + random.nextInt(700);
        long withCard = postal ? 0 : eligible * (20 + random.nextInt(15)) / 100;
        long noCard = eligible - withCard;
        long voters = postal ? 700 + random.nextInt(600) : noCard * (55 + random.nextInt(25)) / 100;
        long votersWithCard = postal ? voters : random.nextInt(6);
        Map<VoteKind, VoteCounts> votes = new LinkedHashMap<>();
        Map<VoteKind, Map<String, Long>> byGroup = new LinkedHashMap<>();
        for (VoteKind kind : List.of(VoteKind.FIRST, VoteKind.SECOND)) {
            long invalid = Math.max(0, voters * (4 + random.nextInt(10)) / 1000);
            long valid = voters - invalid;
            int parties = kind == VoteKind.FIRST ? 7 : PARTIES.length;
            long[] split = split(valid, parties, random);
            Map<Integer, Long> perPosition = new LinkedHashMap<>();
            Map<String, Long> perGroup = new LinkedHashMap<>();
            for (int p = 0; p < parties; p++) {
                perPosition.put(p + 1, split[p]);
                perGroup.put(PARTIES[p], split[p]);
            }
            votes.put(kind, new VoteCounts(invalid, valid, perPosition));
            byGroup.put(kind, perGroup);
        }
        Counts counts = new Counts(postal ? null : noCard, postal ? null : withCard, postal ? null : 0L,
                postal ? null : eligible, voters, votersWithCard, votes);
        return new ResultStore.Record(ResultStore.UNIT_LEVEL, key, AGS, name, postal, counts, byGroup);
    }

    /** Splits {@code total} votes by the 2021 shares with some local colour; the parts add up exactly. */
    private static long[] split(long total, int parties, Random random) {
        long[] weights = new long[parties];
        long sum = 0;
        for (int p = 0; p < parties; p++) {
            weights[p] = Math.max(1, SHARES_2021[p] * (80 + random.nextInt(41)) / 100);
            sum += weights[p];
        }
        long[] parts = new long[parties];
        long assigned = 0;
        for (int p = 0; p < parties; p++) {
            parts[p] = total * weights[p] / sum;
            assigned += parts[p];
        }
        parts[0] += total - assigned;
        return parts;
    }
}
