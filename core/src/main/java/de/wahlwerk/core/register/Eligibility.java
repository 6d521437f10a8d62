package de.wahlwerk.core.register;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Decides the right to vote of one resident under {@link EligibilityRules}. The decision lists
 * every reason that bars the resident (not just the first), so a refusal can be explained in full;
 * an empty set means eligible.
 */
public final class Eligibility {

    private final EligibilityRules rules;
    private final LocalDate bornOnOrBefore;
    private final LocalDate movedInOnOrBefore;

    public Eligibility(EligibilityRules rules) {
        this.rules = rules;
        // Age N on election day: born on or before electionDay - N years (a person born on
        // 29 February reaches the age on 28 February in common years, as LocalDate.minusYears does).
        this.bornOnOrBefore = rules.electionDay().minusYears(rules.minAge());
        this.movedInOnOrBefore = rules.residence().latestMoveIn(rules.electionDay());
    }

    public EligibilityRules rules() {
        return rules;
    }

    /** The reasons that bar the resident; empty when eligible. */
    public Set<Reason> decide(Resident r) {
        EnumSet<Reason> reasons = EnumSet.noneOf(Reason.class);
        if (r.birthDate().isAfter(bornOnOrBefore)) {
            reasons.add(Reason.TOO_YOUNG);
        }
        if (rules.germanOnly()) {
            if (!r.isGerman()) {
                reasons.add(Reason.NOT_GERMAN);
            }
        } else if (!r.isGerman() && !r.isEuCitizen()) {
            reasons.add(Reason.NOT_GERMAN_OR_EU);
        }
        if (!r.mainResidence()) {
            reasons.add(Reason.SECONDARY_RESIDENCE);
        }
        if (r.excluded()) {
            reasons.add(Reason.EXCLUDED);
        }
        if (r.movedIn().isAfter(rules.cutoff())) {
            reasons.add(Reason.REGISTERED_AFTER_CUTOFF);
        }
        boolean periodCounts = rules.residenceInMunicipality() || r.movedFromAbroad();
        if (periodCounts && r.movedIn().isAfter(movedInOnOrBefore)) {
            reasons.add(Reason.RESIDENCE_TOO_SHORT);
        }
        return reasons;
    }
}
