package de.wahlwerk.server.web;

import java.sql.SQLException;

/**
 * Text PostgreSQL cannot store: a NUL character (U+0000), which no text column takes, or bytes that
 * are no UTF-8. Such input is the sender's mistake (400), not a conflict with other data, though
 * Spring reports it as an integrity violation like a duplicate key.
 */
final class UnstorableText {

    /** SQL states: character_not_in_repertoire (22021), untranslatable_character (22P05). */
    private static final java.util.Set<String> STATES = java.util.Set.of("22021", "22P05");

    private UnstorableText() {}

    static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
