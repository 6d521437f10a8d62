package de.wahlwerk.server.results;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Message-bundle texts for reports: the key and arguments (for programs) with the rendered German text. */
final class Texts {

    static final Locale GERMAN = Locale.GERMANY;

    private final MessageSource messages;

    Texts(MessageSource messages) {
        this.messages = messages;
    }

    /** The server's bundle without a Spring context (the file mode of {@code ./wahlwerk seats}). */
    static Texts standalone() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new Texts(source);
    }

    SeatReport.Text of(String key, Object... args) {
        return new SeatReport.Text(key, List.of(args), get(key, args));
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args, key, GERMAN);
    }
}
