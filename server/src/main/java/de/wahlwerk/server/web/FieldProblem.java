package de.wahlwerk.server.web;

import java.util.List;

/**
 * One thing wrong with an input: the field (form field or JSON property, dotted for nested ones),
 * a message key from the bundles and its arguments.
 */
public record FieldProblem(String field, String messageKey, List<Object> args) {

    public FieldProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static FieldProblem of(String field, String messageKey, Object... args) {
        return new FieldProblem(field, messageKey, List.of(args));
    }
}
