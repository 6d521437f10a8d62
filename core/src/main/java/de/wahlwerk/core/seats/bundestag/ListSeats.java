package de.wahlwerk.core.seats.bundestag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who takes the seats a Landesliste fills itself, and who follows (the same rule in both laws).
 *
 * <ul>
 *   <li>BWG as amended 2023, § 6 Abs. 4: the seats left after the Zweitstimmendeckung go to the list
 *       candidates in list order (S. 1); candidates elected in a Wahlkreis under Abs. 1 S. 1 are
 *       skipped (S. 2) — a Wahlkreis winner without coverage is not elected there and so keeps his
 *       or her place on the list; more seats than candidates stay vacant (S. 3). [V-SEC lxgesetze.de;
 *       ELECTORAL_LAW.md § 2.1]</li>
 *   <li>BWG as amended 2020, § 6 Abs. 6 a.F.: the Wahlkreis seats are deducted from the list's seats,
 *       the rest are filled in list order, candidates elected in a Wahlkreis are skipped, seats beyond
 *       the candidates stay vacant. [ELECTORAL_LAW.md § 3.1; sentence numbers not verified]</li>
 *   <li>Listennachfolger (BWG § 48 Abs. 1): a seat that falls vacant later goes to the next candidate
 *       of the same list not yet elected; candidates who left the party since are passed over, which
 *       the seat calculation cannot know. [UNV: § 48 is not in ELECTORAL_LAW.md]</li>
 * </ul>
 *
 * <p>Candidates are identified by strings: the same string must name the same person on the list
 * and as a Wahlkreis candidate ({@link ConstituencyCandidate#person()}).
 */
public final class ListSeats {

    /**
     * How a list's seats are filled.
     *
     * @param named       whether candidates were given; if not, nobody is named and nothing is vacant
     * @param elected     candidates elected from the list, in list order
     * @param vacant      seats left empty because the list is exhausted
     * @param substitutes the remaining candidates not elected anywhere, in list order (successors under § 48)
     */
    public record Filling(boolean named, List<String> elected, int vacant, List<String> substitutes) {

        public Filling {
            elected = List.copyOf(elected);
            substitutes = List.copyOf(substitutes);
        }

        /** The filling of a list whose candidates are not known: nothing named. */
        public static Filling unnamed() {
            return new Filling(false, List.of(), 0, List.of());
        }
    }

    private ListSeats() {}

    /**
     * @param listSeats             seats the list fills itself (not negative)
     * @param candidates            the list's candidates in list order, if known
     * @param electedInConstituency persons elected in a Wahlkreis, who are skipped on the list
     */
    public static Filling fill(int listSeats, Optional<List<String>> candidates, Set<String> electedInConstituency) {
        if (listSeats < 0) {
            throw new IllegalArgumentException("negative list seats: " + listSeats);
        }
        if (candidates.isEmpty()) {
            return Filling.unnamed();
        }
        List<String> elected = new ArrayList<>();
        List<String> substitutes = new ArrayList<>();
        for (String c : candidates.get()) {
            if (electedInConstituency.contains(c)) {
                continue;
            }
            (elected.size() < listSeats ? elected : substitutes).add(c);
        }
        return new Filling(true, elected, listSeats - elected.size(), substitutes);
    }
}
