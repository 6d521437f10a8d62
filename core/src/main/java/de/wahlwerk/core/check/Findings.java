package de.wahlwerk.core.check;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one run; the message key is {@code check.<code>[.<variant>]}. */
final class Findings {

    private final List<Finding> list = new ArrayList<>();

    void add(Rule rule, String field, Object... args) {
        list.add(new Finding(rule.code(), rule.severity(), field, "check." + rule.code(), List.of(args)));
    }

    void addVariant(Rule rule, String variant, String field, Object... args) {
        list.add(new Finding(rule.code(), rule.severity(), field, "check." + rule.code() + "." + variant,
                List.of(args)));
    }

    List<Finding> list() {
        return list;
    }
}
