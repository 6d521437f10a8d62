package de.wahlwerk.core.check;

import java.util.List;

/**
 * A message argument that is itself text to translate (e.g. "B (Wähler)" / "B (voters)"), looked
 * up in the same bundle as the message and formatted with its own arguments when rendered.
 */
public record Term(String key, List<Object> args) {

    public Term {
        args = List.copyOf(args);
    }

    public Term(String key, Object... args) {
        this(key, List.of(args));
    }
}
