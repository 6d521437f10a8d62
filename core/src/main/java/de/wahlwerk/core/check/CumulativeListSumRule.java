package de.wahlwerk.core.check;

import java.util.ArrayList;
import java.util.List;

/**
 * E016: council elections: a list's total D&lt;p&gt; is the sum of its candidates' votes plus, where
 * the law knows them, the votes given to the list as such. (Bavaria distributes a list cross to
 * the candidates, so there D&lt;p&gt; = Σ D&lt;p&gt;_&lt;n&gt;, as the published Karlstadt 2020 data shows.)
 */
record CumulativeListSumRule() implements Rule {

    public Severity severity() {
        return Severity.ERROR;
    }

    public String code() {
        return "E016";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        if (!Cumulative.applies(in)) {
            return;
        }
        in.cumulativeLists().forEach((list, detail) -> {
            String listField = "D" + list;
            Long total = sheet.usable(listField);
            List<String> fields = new ArrayList<>();
            detail.candidateVotes().keySet().forEach(n -> fields.add(Letters.candidate(list, n)));
            if (detail.listOnlyVotes() != null) {
                fields.add(Letters.listOnly(list));
            }
            List<Long> values = sheet.usable(fields);
            if (total == null || values == null) {
                return;
            }
            long sum = Sheet.sum(values);
            if (sum != total) {
                out.add(this, listField, sheet.label(listField), total, sum);
            }
        });
    }
}
