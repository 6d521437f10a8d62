package de.wahlwerk.server.publish;

import de.wahlwerk.server.results.SeatReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The persons elected per list, as the seat report names them: the constituency winners who get
 * a seat ({@link SeatReport.ConstituencyRow#elected()}, i.e. covered by their party's second votes,
 * BWG § 6 Abs. 1 in the 2023 version; for the Bavarian Stimmkreise, winners of admitted parties).
 * Nothing is recalculated here. The report does not name list candidates (no Landeslisten are stored), so a
 * party's remaining seats are counted as "from the list", without names.
 */
final class ElectedPersons {

    /** Above this many seats the list starts collapsed: a long list should not push the page apart. */
    static final int OPEN_UP_TO = 60;

    private ElectedPersons() {}

    /** One elected person: name, the list (or independent) and the constituency won. */
    record Person(String name, String constituency) {}

    /** A list's seats: the persons named and how many seats remain without names. */
    record Party(String party, int seats, List<Person> persons, int unnamed) {}

    /**
     * @param candidates first-vote candidate per constituency key and group (the report names the
     *                   winner by group key, e.g. "SPD" or the independent's own)
     * @param constituencyNames names of the constituencies by number, where the report has none
     */
    static List<Party> of(SeatReport report, List<SeatReport.PartyRow> parties, Map<String, Map<String, String>> candidates,
            Map<String, String> constituencyNames) {
        Map<String, List<Person>> byParty = new LinkedHashMap<>();
        if (report.constituencies() != null) {
            for (SeatReport.ConstituencyRow c : report.constituencies()) {
                if (!c.elected()) {
                    continue;
                }
                String group = c.party() != null ? c.party() : c.winner();
                String name = candidates.getOrDefault(c.number(), Map.of()).getOrDefault(c.winner(), c.winner());
                String named = c.name() == null || c.name().equals(c.number()) ? constituencyNames.get(c.number()) : c.name();
                String constituency = named == null || named.equals(c.number()) ? c.number() : c.number() + " " + named;
                byParty.computeIfAbsent(group, k -> new ArrayList<>()).add(new Person(name, constituency));
            }
        }
        List<Party> out = new ArrayList<>();
        for (SeatReport.PartyRow p : parties) {
            List<Person> persons = byParty.getOrDefault(p.party(), List.of());
            out.add(new Party(p.party(), p.seats(), persons, Math.max(0, p.seats() - persons.size())));
        }
        return out;
    }

    static int named(List<Party> parties) {
        return parties.stream().mapToInt(p -> p.persons().size()).sum();
    }
}
