package de.wahlwerk.core.pollworkers;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides whether a person may serve on an electoral board on an election day, from facts the
 * caller gathers (roll, nominations, other boards). Plain rules, no I/O.
 */
public final class WorkerEligibility {

    /** Members must be of voting age for the election; 18 for every election that needs a board member's eligibility. */
    public static final int MIN_AGE = 18;

    /** The person's roll status for one election of the day. */
    public enum RollStatus { ON_ROLL, NOT_ELIGIBLE, NOT_FOUND, NO_ROLL }

    /** A person on a nomination of the day's elections, as printed on the ballot. */
    public record Nominee(String familyName, String givenNames, Integer yearOfBirth, String election) {}

    /** One reason, with the election or board it concerns (for the message). */
    public record Finding(Ineligibility reason, String detail) {}

    /**
     * @param rollByElection one status per election of the day, with the election's name
     * @param otherBoards    names of the other boards of the same date the person is active on
     */
    public record Facts(String familyName, String givenNames, LocalDate birthDate, LocalDate electionDate,
            List<ElectionRoll> rollByElection, List<Nominee> nominees, List<String> otherBoards) {}

    public record ElectionRoll(String election, RollStatus status) {}

    private WorkerEligibility() {}

    /** Every finding against the person, blocking ones first; empty means eligible. */
    public static List<Finding> check(Facts f) {
        List<Finding> out = new ArrayList<>();
        if (Period.between(f.birthDate(), f.electionDate()).getYears() < MIN_AGE) {
            out.add(new Finding(Ineligibility.UNDER_AGE, String.valueOf(MIN_AGE)));
        }
        for (ElectionRoll r : f.rollByElection()) {
            switch (r.status()) {
                case ON_ROLL -> { }
                case NOT_ELIGIBLE -> out.add(new Finding(Ineligibility.NOT_ELIGIBLE, r.election()));
                case NOT_FOUND -> out.add(new Finding(Ineligibility.NOT_ON_ROLL, r.election()));
                case NO_ROLL -> out.add(new Finding(Ineligibility.ROLL_MISSING, r.election()));
            }
        }
        for (Nominee n : f.nominees()) {
            if (samePerson(f, n)) {
                out.add(new Finding(Ineligibility.CANDIDATE, n.election()));
            }
        }
        f.otherBoards().forEach(b -> out.add(new Finding(Ineligibility.OTHER_BOARD, b)));
        out.sort((a, b) -> Boolean.compare(b.reason().blocking(), a.reason().blocking()));
        return out;
    }

    public static boolean eligible(List<Finding> findings) {
        return findings.stream().noneMatch(x -> x.reason().blocking());
    }

    /**
     * Same person as a nominee: same family name and first given name (accents, case and extra
     * spaces ignored), and the same year of birth where the nomination states one. Nominations carry
     * no full date of birth, so a namesake without a year is reported too: the office checks.
     */
    static boolean samePerson(Facts f, Nominee n) {
        if (!normal(f.familyName()).equals(normal(n.familyName()))) {
            return false;
        }
        if (!firstName(f.givenNames()).equals(firstName(n.givenNames()))) {
            return false;
        }
        return n.yearOfBirth() == null || Objects.equals(n.yearOfBirth(), f.birthDate().getYear());
    }

    static String normal(String s) {
        String d = Normalizer.normalize(s == null ? "" : s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return d.replace("ß", "ss").toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", " ");
    }

    private static String firstName(String givenNames) {
        String n = normal(givenNames);
        int space = n.indexOf(' ');
        return space < 0 ? n : n.substring(0, space);
    }
}
