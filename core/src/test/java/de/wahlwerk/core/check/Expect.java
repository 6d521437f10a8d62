package de.wahlwerk.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Assertions on findings as "code@field". */
final class Expect {

    private Expect() {}

    static List<String> found(ReportInput in) {
        return PlausibilityCheck.check(in).findings().stream().map(Finding::toString).toList();
    }

    static void exactly(ReportInput in, String... codeAtField) {
        assertThat(found(in)).containsExactly(codeAtField);
    }

    static void clean(ReportInput in) {
        assertThat(found(in)).isEmpty();
    }
}
