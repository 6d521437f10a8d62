package de.wahlwerk.server.publish;

import de.wahlwerk.server.results.SeatReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The persons elected per list, as the seat report names them: the constituency winners who get
 * a seat ({@link SeatReport.ConstituencyRow#elected()}, i.e. covered by their party's second votes,
 * BWG § 6 Abs. 1 in the 2023 version; for the Bavarian Stimmkreise, winners of admitted parties),
 * then the candidates elected from the Landeslisten where their candidates are stored
 * ({@link SeatReport.ListRow#elected()}, § 6 Abs. 4). Nothing is recalculated here. Seats of lists
 * without stored candidates are counted as "from the list", without names; seats left empty
 * because a list ran out are counted as vacant. Public, with its records, for compiled template
 * expressions (see {@link AreaPages}).
 */
public final class ElectedPersons {

    /** Above this many seats the list starts collapsed: a long list should not push the page apart. */
    static final int OPEN_UP_TO = 60;

    private ElectedPersons() {}

    /**
     * One elected person: name and either the constituency won or the Landesliste (Land name and
     * place on the list) the person is elected from.
     */
    public record Person(String name, String constituency, String land, Integer position) {

        static Person constituency(String name, String constituency) {
            return new Person(name, constituency, null, null);
        }

        static Person list(String name, String land, int position) {
            return new Person(name, null, land, position);
        }

        public boolean fromList() {
            return constituency == null;
        }
    }

    /** A list's seats: the persons named, how many seats remain without names, how many stay vacant. */
    public record Party(String party, int seats, List<Person> persons, int unnamed, int vacant) {}

    /**
     * @param candidates first-vote candidate per constituency key and group (the report names the
     *                   winner by group key, e.g. "SPD" or the independent's own)
     * @param constituencyNames names of the constituencies by number, where the report has none
     * @param landNames  names of the Länder by official key, where the report names them by key
     */
    static List<Party> of(SeatReport report, List<SeatReport.PartyRow> parties, Map<String, Map<String, String>> candidates,
            Map<String, String> constituencyNames, Map<String, String> landNames) {
        Map<String, List<Person>> byParty = new LinkedHashMap<>();
        Map<String, Integer> vacant = new LinkedHashMap<>();
        if (report.constituencies() != null) {
            for (SeatReport.ConstituencyRow c : report.constituencies()) {
                if (!c.elected()) {
                    continue;
                }
                String group = c.party() != null ? c.party() : c.winner();
                String name = candidates.getOrDefault(c.number(), Map.of()).getOrDefault(c.winner(), c.winner());
                String named = c.name() == null || c.name().equals(c.number()) ? constituencyNames.get(c.number()) : c.name();
                String constituency = named == null || named.equals(c.number()) ? c.number() : c.number() + " " + named;
                byParty.computeIfAbsent(group, k -> new ArrayList<>()).add(Person.constituency(name, constituency));
            }
        }
        if (report.landLists() != null) {
            for (SeatReport.ListRow l : report.landLists()) {
                if (!l.named()) {
                    continue;
                }
                String land = landNames.getOrDefault(l.land(), l.land());
                for (SeatReport.ListPerson p : l.elected()) {
                    byParty.computeIfAbsent(l.party(), k -> new ArrayList<>()).add(Person.list(p.name(), land, p.position()));
                }
                vacant.merge(l.party(), l.vacant(), Integer::sum);
            }
        }
        List<Party> out = new ArrayList<>();
        for (SeatReport.PartyRow p : parties) {
            List<Person> persons = byParty.getOrDefault(p.party(), List.of());
            int empty = vacant.getOrDefault(p.party(), 0);
            out.add(new Party(p.party(), p.seats(), persons, Math.max(0, p.seats() - persons.size() - empty), empty));
        }
        return out;
    }

    static int named(List<Party> parties) {
        return parties.stream().mapToInt(p -> p.persons().size()).sum();
    }
}
