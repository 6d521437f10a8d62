package de.wahlwerk.core.check;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * One result of a plausibility check.
 *
 * @param code       stable rule code (E001…, W001…), documented in docs/CHECKS.md
 * @param severity   error (blocks) or warning (needs a confirmed reason)
 * @param field      the form letter the finding is attached to ("B", "D3", "F", "D2_7", "Q1")
 * @param messageKey key in {@code de.wahlwerk.core.check.messages}
 * @param args       message arguments: numbers ({@link Long}), form letters ({@link String}),
 *                   {@link Term}s and {@link Percent}s, rendered in the reader's language
 */
public record Finding(String code, Severity severity, String field, String messageKey, List<Object> args) {

    private static final String BUNDLE = "de.wahlwerk.core.check.messages";

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(messageKey, "messageKey");
        args = List.copyOf(args);
    }

    /** German text (the default language of Wahlwerk's users). */
    public String message() {
        return message(Locale.GERMAN);
    }

    /**
     * The message in the given language: German unless English is asked for. No fallback to the
     * JVM's default locale, so a server running in English still answers German users in German.
     */
    public String message(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        Locale effective = english ? Locale.ENGLISH : Locale.GERMAN;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, english ? Locale.ENGLISH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] rendered = args.stream().map(a -> render(a, bundle, effective)).toArray();
        String pattern;
        try {
            pattern = bundle.getString(messageKey);
        } catch (MissingResourceException e) {
            return code + " " + field + " " + args;
        }
        return new MessageFormat(pattern, effective).format(rendered);
    }

    private static Object render(Object arg, ResourceBundle bundle, Locale locale) {
        return switch (arg) {
            case Term t -> new MessageFormat(bundle.getString(t.key()), locale)
                    .format(t.args().stream().map(a -> render(a, bundle, locale)).toArray());
            case Percent p -> p.format(locale);
            case null -> "";
            default -> arg;
        };
    }

    @Override
    public String toString() {
        return code + "@" + field;
    }
}
