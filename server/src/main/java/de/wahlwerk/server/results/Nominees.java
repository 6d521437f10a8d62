package de.wahlwerk.server.results;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The persons nominated for a Bundestag election as the seat calculation needs them: the
 * Landeslisten with their candidates in list order, and the first-vote candidate of each party in
 * each Wahlkreis. Keys are the official keys of the areas (as the result records name them) and
 * the group keys of the ballot.
 *
 * <p>A person is recognised on a list and in a Wahlkreis by family name, given names and year of
 * birth ({@link Person#key()}): the nominations are separate records, and the law skips a list
 * candidate who is elected in a Wahlkreis (BWG § 6 Abs. 4 S. 2).
 *
 * @param lists          per Land (official key of the STATE area) and party: the candidates in list order
 * @param constituencies per Wahlkreis (official key) and party: its candidate
 */
record Nominees(Map<String, Map<String, List<Person>>> lists, Map<String, Map<String, Person>> constituencies) {

    static final Nominees NONE = new Nominees(Map.of(), Map.of());

    /** A candidate: the identity the calculation matches on, the name shown, the place on the list (1 in a Wahlkreis). */
    record Person(String key, String name, int position) {

        static String key(String familyName, String givenNames, Integer yearOfBirth) {
            return familyName.strip() + "\u0000" + givenNames.strip() + "\u0000" + (yearOfBirth == null ? "" : yearOfBirth);
        }
    }

    /** The Landesliste's candidates, if it has any entered. */
    Optional<List<Person>> list(String stateKey, String party) {
        List<Person> l = lists.getOrDefault(stateKey, Map.of()).get(party);
        return l == null || l.isEmpty() ? Optional.empty() : Optional.of(l);
    }

    Optional<Person> constituencyCandidate(String constituencyKey, String group) {
        return Optional.ofNullable(constituencies.getOrDefault(constituencyKey, Map.of()).get(group));
    }
}
