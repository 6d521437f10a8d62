package de.wahlwerk.core.register;

import de.wahlwerk.core.model.ElectionKind;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The conditions of the right to vote for one election: voting age on election day, citizenship,
 * residence period, and the cut-off date (Stichtag) of the roll.
 *
 * <ul>
 * <li>Bundestag: German (Art. 116 GG), 18, a dwelling in Germany for at least three months
 * (§ 12 Abs. 1 BWahlG), not excluded (§ 13 BWahlG). Cut-off: the 42nd day before the election
 * (§ 16 Abs. 1 BWO). [UNV: background knowledge, no stored copy of BWahlG § 12]</li>
 * <li>Europawahl: German or citizen of another EU state (§ 6 Abs. 1 and 3 EuWG), 16 since the 2022
 * amendment [UNV], three months' residence in Germany or the EU [UNV].</li>
 * <li>Landtag: German, the Land's age, three months [UNV].</li>
 * <li>Municipal elections (councils, mayors, referendums): German or EU citizen (Art. 28 Abs. 1
 * S. 3 GG [V-SEC abgeordnetenwatch.de]), age and period of the Land ({@link State}).</li>
 * </ul>
 *
 * @param residenceInMunicipality whether the period counts in the municipality (municipal
 *        elections) or only in Germany (a move from elsewhere in Germany keeps the period running)
 */
public record EligibilityRules(LocalDate electionDay, LocalDate cutoff, int minAge, boolean germanOnly,
        ResidenceRule residence, boolean residenceInMunicipality) {

    public EligibilityRules {
        Objects.requireNonNull(electionDay, "electionDay");
        Objects.requireNonNull(cutoff, "cutoff");
        Objects.requireNonNull(residence, "residence");
        if (minAge < 0 || minAge > 120) {
            throw new IllegalArgumentException("minAge " + minAge);
        }
    }

    /** The default cut-off: the 42nd day before the election (§ 16 Abs. 1 BWO). */
    public static LocalDate defaultCutoff(LocalDate electionDay) {
        return electionDay.minusDays(42);
    }

    /** The statutory defaults for an election kind in a Land (the Land matters for municipal and Landtag). */
    public static EligibilityRules of(ElectionKind kind, State state, LocalDate electionDay, LocalDate cutoff) {
        return switch (kind) {
            case BUNDESTAG -> new EligibilityRules(electionDay, cutoff, 18, true, ResidenceRule.months(3), false);
            case EUROPEAN_PARLIAMENT -> new EligibilityRules(electionDay, cutoff, 16, false, ResidenceRule.months(3), false);
            case LANDTAG -> new EligibilityRules(electionDay, cutoff, state == null ? 18 : state.landtagAge(), true,
                    ResidenceRule.months(3), false);
            case MUNICIPAL_COUNCIL, COUNTY_COUNCIL, MAYOR, LORD_MAYOR, COUNTY_HEAD, REFERENDUM -> {
                if (state == null) {
                    throw new IllegalArgumentException("municipal elections need the Land");
                }
                yield new EligibilityRules(electionDay, cutoff, state.municipalAge(), false, state.municipalResidence(), true);
            }
        };
    }

    public EligibilityRules withMinAge(int age) {
        return new EligibilityRules(electionDay, cutoff, age, germanOnly, residence, residenceInMunicipality);
    }

    public EligibilityRules withResidence(ResidenceRule rule) {
        return new EligibilityRules(electionDay, cutoff, minAge, germanOnly, rule, residenceInMunicipality);
    }
}
