package de.wahlwerk.server.pollcards;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** Texts of the printed documents: German, from the message bundle (letters to voters are official German). */
final class PdfTexts {

    static final Locale LOCALE = Locale.GERMAN;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy", LOCALE);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd.MM.yyyy", LOCALE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm", LOCALE);

    private final MessageSource messages;

    PdfTexts(MessageSource messages) {
        this.messages = messages;
    }

    String get(String key, Object... args) {
        return messages.getMessage("pollcards.pdf." + key, args, LOCALE);
    }

    static String date(LocalDate d) {
        return DATE.format(d);
    }

    static String shortDate(LocalDate d) {
        return SHORT.format(d);
    }

    static String time(LocalTime t) {
        return TIME.format(t);
    }

    /** A notice number as printed: groups of four for reading aloud on the phone. */
    static String grouped(String number) {
        return number.replaceAll("(.{4})(?!$)", "$1-");
    }
}
