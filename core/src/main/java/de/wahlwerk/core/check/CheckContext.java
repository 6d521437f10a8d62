package de.wahlwerk.core.check;

import de.wahlwerk.core.model.Counts;
import java.util.Objects;

/**
 * What the checks may compare a report with. Everything but the thresholds is optional (null),
 * and a warning that needs a missing piece is simply not evaluated.
 *
 * @param previous           the same unit's counts at the previous election of this kind, with
 *                           per-nomination keys already mapped to the current ballot positions
 *                           (a nomination that did not stand before has no key)
 * @param average            the municipality's confirmed reports of the same unit kind so far
 * @param pollingCardsIssued for a postal district: polling cards issued in its catchment
 * @param thresholds         the limits of this election
 */
public record CheckContext(Counts previous, MunicipalTotals average, Long pollingCardsIssued,
        Thresholds thresholds) {

    public static final CheckContext NONE = new CheckContext(null, null, null, Thresholds.DEFAULTS);

    public CheckContext {
        Objects.requireNonNull(thresholds, "thresholds");
    }

    public CheckContext withPrevious(Counts value) {
        return new CheckContext(value, average, pollingCardsIssued, thresholds);
    }

    public CheckContext withAverage(MunicipalTotals value) {
        return new CheckContext(previous, value, pollingCardsIssued, thresholds);
    }

    public CheckContext withPollingCardsIssued(Long value) {
        return new CheckContext(previous, average, value, thresholds);
    }

    public CheckContext withThresholds(Thresholds value) {
        return new CheckContext(previous, average, pollingCardsIssued, value);
    }
}
