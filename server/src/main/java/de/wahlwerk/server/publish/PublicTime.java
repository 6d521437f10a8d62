package de.wahlwerk.server.publish;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The "as of" time of a publication as people read it in each language: German
 * "29.11.2026, 19:42" (the message adds "Uhr"), English "29 Nov 2026, 7:42 pm". The JSON keeps its
 * locale-free "HH:mm".
 */
final class PublicTime {

    private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm", Locale.GERMAN);
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMM yyyy, h:mm a", Locale.UK);
    static final DateTimeFormatter JSON = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private PublicTime() {}

    static String of(ZonedDateTime at, Locale lang) {
        return at.format("en".equals(lang.getLanguage()) ? ENGLISH : GERMAN);
    }
}
