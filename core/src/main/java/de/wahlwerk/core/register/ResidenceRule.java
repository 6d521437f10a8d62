package de.wahlwerk.core.register;

import java.time.LocalDate;
import java.time.Period;

/**
 * How long before election day a voter must have lived in the electoral area: "seit mindestens drei
 * Monaten" is {@code months(3)}, NRW's "seit dem 16. Tag vor der Wahl" is {@code days(16)}.
 */
public record ResidenceRule(Period period) {

    public static ResidenceRule months(int n) {
        return new ResidenceRule(Period.ofMonths(n));
    }

    public static ResidenceRule weeks(int n) {
        return new ResidenceRule(Period.ofWeeks(n));
    }

    public static ResidenceRule days(int n) {
        return new ResidenceRule(Period.ofDays(n));
    }

    public static ResidenceRule none() {
        return new ResidenceRule(Period.ZERO);
    }

    /** The latest moving-in date that still meets the rule: election day minus the period. */
    public LocalDate latestMoveIn(LocalDate electionDay) {
        return electionDay.minus(period);
    }
}
