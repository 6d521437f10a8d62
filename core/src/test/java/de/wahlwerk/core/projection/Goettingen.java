package de.wahlwerk.core.projection;

import de.wahlwerk.core.Fixtures;
import de.wahlwerk.core.formats.ResultFile;
import de.wahlwerk.core.formats.ResultRow;
import de.wahlwerk.core.formats.VotemanagerCsvReader;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Göttingen, Bundestag 2025 with 2021 as the previous election, by polling and postal district.
 * Column → party after SOURCE.md of the fixture (ballot order of Wahlkreis 53 in each year); the
 * keys are shared so that a party is the same group in both years.
 */
final class Goettingen {

    static final String DIR = "goettingen-btw-wahlbezirke/";
    static final List<String> PARTIES_2025 = List.of("SPD", "CDU", "GRUENE", "FDP", "AFD", "LINKE", "TIERSCHUTZ",
            "BASIS", "PARTEI", "FW", "PIRATEN", "VOLT", "PDH", "MLPD", "BD", "BSW");
    static final List<String> PARTIES_2021 = List.of("CDU", "SPD", "FDP", "AFD", "GRUENE", "LINKE", "PARTEI",
            "TIERSCHUTZ", "FW", "PIRATEN", "NPD", "V-PARTEI", "OEDP", "MLPD", "DKP", "BASIS", "DU", "LKR", "PDH",
            "TODENHOEFER", "VOLT");

    /** The 2025 units with their final report as current and the matching 2021 unit as previous. */
    final List<ProjectionUnit> finalUnits;
    final Observation previousPostal;

    private Goettingen(List<ProjectionUnit> finalUnits, Observation previousPostal) {
        this.finalUnits = finalUnits;
        this.previousPostal = previousPostal;
    }

    static Goettingen load() throws Exception {
        ResultFile now = new VotemanagerCsvReader().read(Fixtures.file(DIR + "Open-Data-03159016-Bundestagswahl-Wahlbezirk.csv"));
        ResultFile before = new VotemanagerCsvReader().read(Fixtures.file(DIR + "Open-Data-Bundestagswahl2496.csv"));
        Map<String, Observation> previousPolling = new HashMap<>();
        List<Observation> previousPostal = new ArrayList<>();
        for (ResultRow r : before.rows()) {
            Observation o = observation(r, PARTIES_2021);
            if (r.postal()) {
                previousPostal.add(o);
            } else {
                previousPolling.put(r.unitKey(), o);
            }
        }
        List<ProjectionUnit> units = new ArrayList<>();
        for (ResultRow r : now.rows()) {
            Observation o = observation(r, PARTIES_2025);
            units.add(r.postal()
                    ? new ProjectionUnit(r.unitKey(), UnitKind.POSTAL, o, null)
                    : new ProjectionUnit(r.unitKey(), UnitKind.POLLING, o, previousPolling.get(r.unitKey())));
        }
        return new Goettingen(units, Observation.sum(previousPostal));
    }

    static Observation observation(ResultRow r, List<String> parties) {
        VoteCounts second = r.counts().votes(VoteKind.SECOND);
        Map<String, Long> votes = new HashMap<>();
        for (int i = 0; i < parties.size(); i++) {
            Long v = second.votesFor(i + 1);
            votes.put(parties.get(i), v == null ? 0 : v);
        }
        Long eligible = r.counts().eligible();
        return new Observation(eligible == null ? 0 : eligible, r.counts().voters(), votes);
    }

    /** The input with only the units whose index is in {@code reported} having reported. */
    ProjectionInput partial(List<Integer> order, int reportedCount) {
        boolean[] in = new boolean[finalUnits.size()];
        for (int i = 0; i < reportedCount; i++) {
            in[order.get(i)] = true;
        }
        List<ProjectionUnit> units = new ArrayList<>();
        for (int i = 0; i < finalUnits.size(); i++) {
            ProjectionUnit u = finalUnits.get(i);
            units.add(in[i] ? u : new ProjectionUnit(u.key(), u.kind(), null, u.previous()));
        }
        return new ProjectionInput(units, previousPostal);
    }
}
