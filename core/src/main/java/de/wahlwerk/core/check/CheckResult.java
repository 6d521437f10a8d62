package de.wahlwerk.core.check;

import java.util.List;

/** All findings of one check run, errors first, then in rule order. */
public record CheckResult(List<Finding> findings) {

    public CheckResult {
        findings = List.copyOf(findings);
    }

    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }

    /** Errors block saving the report. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /** Nothing to fix and nothing to confirm. */
    public boolean isClean() {
        return findings.isEmpty();
    }
}
