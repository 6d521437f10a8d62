package de.wahlwerk.core.formats;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * One thing wrong with an imported file, precise enough for an election official to fix it.
 *
 * @param file   the file name as the user knows it (e.g. {@code kerg2.csv}, {@code bundle.zip!areas.csv})
 * @param line   1-based physical line in the file; 0 when the problem concerns the whole file
 * @param column header name of the column, or null when no single column is concerned
 * @param code   stable key (e.g. {@code negative-number}); the message text is {@code import.<code>}
 * @param args   message arguments, already rendered as text (values are quoted from the file as is)
 */
public record ImportProblem(String file, long line, String column, String code, List<String> args) {

    private static final String BUNDLE = "de.wahlwerk.core.formats.messages";

    public ImportProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(code, "code");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
        args = List.copyOf(args == null ? List.of() : args.stream().map(a -> a == null ? "" : a).toList());
    }

    public static ImportProblem of(String file, long line, String column, String code, String... args) {
        return new ImportProblem(file, line, column, code, List.of(args));
    }

    /** German text (the default locale of Wahlwerk's users). */
    public String message() {
        return message(Locale.GERMAN);
    }

    /**
     * The message in the given language: German unless English is asked for. The bundles are looked
     * up without falling back to the JVM's default locale, so a server running with an English
     * default still answers German users in German.
     */
    public String message(Locale locale) {
        ResourceBundle bundle = bundle(locale);
        String where = where(bundle);
        String what;
        try {
            what = MessageFormat.format(bundle.getString("import." + code), args.toArray());
        } catch (MissingResourceException e) {
            what = MessageFormat.format(bundle.getString("import.unknown-code"), code, String.join(", ", args));
        }
        return where + what;
    }

    private String where(ResourceBundle bundle) {
        String key = line > 0
                ? (column != null ? "import.at.file.line.column" : "import.at.file.line")
                : (column != null ? "import.at.file.column" : "import.at.file");
        return MessageFormat.format(bundle.getString(key), file, Long.toString(line), column);
    }

    private static ResourceBundle bundle(Locale locale) {
        Locale effective = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, effective,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    @Override
    public String toString() {
        return file + ":" + line + (column == null ? "" : "[" + column + "]") + " " + code + " " + args;
    }
}
