package de.wahlwerk.core.check;

import de.wahlwerk.core.model.VoteKind;
import java.util.ArrayList;
import java.util.List;

/**
 * E006: the votes per nomination must add up to the valid votes (ΣDi = D, ΣFi = F); in council
 * elections the list totals add up to the valid votes D.
 */
record NominationSumRule() implements Rule {

    public Severity severity() {
        return Severity.ERROR;
    }

    public String code() {
        return "E006";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        for (VoteKind kind : in.voteKinds()) {
            if (kind == VoteKind.YES_NO) {
                continue;
            }
            Letters l = Letters.of(kind);
            Long valid = sheet.usable(l.valid());
            List<String> fields = new ArrayList<>();
            for (int p : in.ballot().get(kind)) {
                fields.add(l.nomination(p));
            }
            List<Long> values = sheet.usable(fields);
            if (valid == null || values == null || fields.isEmpty()) {
                continue;
            }
            long sum = Sheet.sum(values);
            if (sum != valid) {
                out.add(this, l.valid(), sheet.label(l.valid()), valid, l.prefix() + "1 … " + l.prefix() + "n", sum);
            }
        }
    }
}
