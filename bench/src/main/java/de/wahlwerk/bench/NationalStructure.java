package de.wahlwerk.bench;

import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.Hierarchy;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.core.tally.AreaSpec;
import de.wahlwerk.core.tally.Ballot;
import de.wahlwerk.core.tally.LatestReport;
import de.wahlwerk.core.tally.TallyStructure;
import de.wahlwerk.core.tally.UnitSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic Bundestag-size election: 90,000 units (75,000 polling, 15,000 postal) in two
 * hierarchies — administrative federation → 16 states → 400 counties → 10,800 municipalities
 * (depth 4) and electoral federation → 16 states → 299 constituencies (depth 3) — with one ballot
 * per constituency (12 first-vote candidates, two of them independents with their own keys,
 * and 29 lists).
 */
final class NationalStructure {

    static final int UNITS = 90_000;
    static final int STATES = 16;
    static final int COUNTIES = 400;
    static final int MUNICIPALITIES = 10_800;
    static final int CONSTITUENCIES = 299;
    static final int LISTS = 29;
    static final int CANDIDATES = 12;

    final TallyStructure structure;
    final List<String> unitKeys = new ArrayList<>();
    final Map<String, Integer> firstCandidates = new HashMap<>();

    NationalStructure() {
        Hierarchy admin = Hierarchy.ADMINISTRATIVE;
        Hierarchy bt = Hierarchy.BUNDESTAG;
        List<AreaSpec> areas = new ArrayList<>();
        AreaRef de = new AreaRef(admin, "DE");
        AreaRef deBt = new AreaRef(bt, "DE");
        areas.add(new AreaSpec(de, AreaLevel.FEDERATION, null));
        areas.add(new AreaSpec(deBt, AreaLevel.FEDERATION, null));
        for (int s = 0; s < STATES; s++) {
            areas.add(new AreaSpec(new AreaRef(admin, "L" + s), AreaLevel.STATE, de));
            areas.add(new AreaSpec(new AreaRef(bt, "L" + s), AreaLevel.STATE, deBt));
        }
        for (int c = 0; c < COUNTIES; c++) {
            areas.add(new AreaSpec(new AreaRef(admin, "K" + c), AreaLevel.COUNTY, new AreaRef(admin, "L" + c % STATES)));
        }
        for (int m = 0; m < MUNICIPALITIES; m++) {
            areas.add(new AreaSpec(new AreaRef(admin, "G" + m), AreaLevel.MUNICIPALITY, new AreaRef(admin, "K" + m % COUNTIES)));
        }
        List<Ballot> ballots = new ArrayList<>();
        for (int w = 0; w < CONSTITUENCIES; w++) {
            areas.add(new AreaSpec(new AreaRef(bt, "WK" + w), AreaLevel.CONSTITUENCY, new AreaRef(bt, "L" + w % STATES)));
            Map<Integer, String> first = new HashMap<>();
            for (int p = 1; p <= CANDIDATES; p++) {
                first.put(p, p <= CANDIDATES - 2 ? "P" + ((p + w) % LISTS) : "EB-" + w + "-" + p);
            }
            Map<Integer, String> second = new HashMap<>();
            for (int p = 1; p <= LISTS; p++) {
                second.put(p, "P" + ((p + w % STATES) % LISTS));
            }
            ballots.add(new Ballot("WK" + w, Map.of(VoteKind.FIRST, first, VoteKind.SECOND, second)));
        }
        List<UnitSpec> units = new ArrayList<>();
        for (int u = 0; u < UNITS; u++) {
            // Municipality decides the state; a constituency of the same state is picked for it.
            int m = u % MUNICIPALITIES;
            int state = (m % COUNTIES) % STATES;
            int w = state + STATES * ((m / COUNTIES) % (CONSTITUENCIES / STATES));
            UnitKind kind = u % 6 == 5 ? UnitKind.POSTAL : UnitKind.POLLING;
            String key = "U" + u;
            units.add(new UnitSpec(key, kind, Map.of(admin, "G" + m, bt, "WK" + w), "WK" + w, null));
            unitKeys.add(key);
        }
        structure = TallyStructure.of(areas, ballots, units);
    }

    static Counts randomCounts(Random rnd, boolean postal) {
        Map<Integer, Long> first = new HashMap<>();
        long validFirst = 0;
        for (int p = 1; p <= CANDIDATES; p++) {
            long v = rnd.nextInt(120);
            first.put(p, v);
            validFirst += v;
        }
        Map<Integer, Long> second = new HashMap<>();
        long validSecond = 0;
        for (int p = 1; p <= LISTS; p++) {
            long v = rnd.nextInt(50);
            second.put(p, v);
            validSecond += v;
        }
        long voters = validSecond + 5;
        return new Counts(postal ? null : 700L, postal ? null : 150L, postal ? null : 2L, postal ? null : 852L,
                voters, postal ? voters : 10L, Map.of(
                        VoteKind.FIRST, new VoteCounts(5L, validFirst, first),
                        VoteKind.SECOND, new VoteCounts(5L, validSecond, second)));
    }

    List<LatestReport> allReports(Random rnd) {
        List<LatestReport> reports = new ArrayList<>(UNITS);
        for (int u = 0; u < UNITS; u++) {
            reports.add(new LatestReport(unitKeys.get(u), randomCounts(rnd, u % 6 == 5)));
        }
        return reports;
    }
}
