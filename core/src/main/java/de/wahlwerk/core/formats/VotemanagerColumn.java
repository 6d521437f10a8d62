package de.wahlwerk.core.formats;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one header name of a votemanager file means. */
sealed interface VotemanagerColumn {

    /** Identification of the row: datum, wahl, ags, gebiet-nr, gebiet-name, max-/anz-schnellmeldungen. */
    record Meta(String name) implements VotemanagerColumn {}

    /** A form letter with a fixed meaning: A1 A2 A3 A B B1 B2 C D E F, and C03/C04 of referendums. */
    record Field(String letter) implements VotemanagerColumn {}

    /** D&lt;n&gt; or F&lt;n&gt; (votes for nomination n), or C01/C02 (answer n of a referendum). */
    record NominationVotes(char letter, int position) implements VotemanagerColumn {}

    /** D&lt;list&gt;_&lt;n&gt;: votes for candidate n of a council list. */
    record CandidateVotes(int list, int position) implements VotemanagerColumn {}

    /** D&lt;list&gt;_unveraendert / D&lt;list&gt;_veraendert: ballots for one list without / with changes. */
    record ListBallots(int list, boolean changed) implements VotemanagerColumn {}

    /** Summe_unveraendert / Summe_veraendert. */
    record BallotSums(boolean changed) implements VotemanagerColumn {}

    /** H_&lt;n&gt;_&lt;attribute&gt;: a person named by the voters (unechte Mehrheitswahl). */
    record WriteInField(int number, String attribute) implements VotemanagerColumn {}

    Pattern NOMINATION = Pattern.compile("([DF])([1-9]\\d{0,3})");
    Pattern ANSWER = Pattern.compile("C0([12])");
    Pattern CANDIDATE = Pattern.compile("D([1-9]\\d{0,3})_([1-9]\\d{0,3})");
    Pattern LIST_BALLOTS = Pattern.compile("D([1-9]\\d{0,3})_(unveraendert|veraendert)");
    Pattern WRITE_IN = Pattern.compile("H_([1-9]\\d{0,3})_(Name|Vorname|Beruf_Taetigkeit|Bemerkung|Stimmen)");

    java.util.Set<String> META = java.util.Set.of(
            "datum", "wahl", "ags", "gebiet-nr", "gebiet-name", "max-schnellmeldungen", "anz-schnellmeldungen");
    java.util.Set<String> FIELDS = java.util.Set.of("A1", "A2", "A3", "A", "B", "B1", "B2", "C", "D", "E", "F", "C03", "C04");

    /** The meaning of a header name, empty if the name is not part of any known layout. */
    static Optional<VotemanagerColumn> of(String name) {
        if (META.contains(name)) {
            return Optional.of(new Meta(name));
        }
        if (FIELDS.contains(name)) {
            return Optional.of(new Field(name));
        }
        if (name.equals("Summe_unveraendert") || name.equals("Summe_veraendert")) {
            return Optional.of(new BallotSums(name.equals("Summe_veraendert")));
        }
        Matcher m = NOMINATION.matcher(name);
        if (m.matches()) {
            return Optional.of(new NominationVotes(m.group(1).charAt(0), Integer.parseInt(m.group(2))));
        }
        m = ANSWER.matcher(name);
        if (m.matches()) {
            return Optional.of(new NominationVotes('C', Integer.parseInt(m.group(1))));
        }
        m = CANDIDATE.matcher(name);
        if (m.matches()) {
            return Optional.of(new CandidateVotes(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        m = LIST_BALLOTS.matcher(name);
        if (m.matches()) {
            return Optional.of(new ListBallots(Integer.parseInt(m.group(1)), m.group(2).equals("veraendert")));
        }
        m = WRITE_IN.matcher(name);
        if (m.matches()) {
            return Optional.of(new WriteInField(Integer.parseInt(m.group(1)), m.group(2)));
        }
        return Optional.empty();
    }
}
