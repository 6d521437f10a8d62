package de.wahlwerk.core.formats;

import de.wahlwerk.core.register.HouseNumber;
import de.wahlwerk.core.register.Resident;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the resident register export (Wahlwerk's CSV after the fields of XMeld; format in
 * docs/formats/resident-register.md) as a stream: each valid person goes to the sink as soon as
 * its line is read, so a million lines never need a million objects at once.
 *
 * <p>All or nothing: every line is checked, every problem is listed, and {@link #read} throws
 * {@link ImportException} if there was any. The sink only receives persons while no problem has
 * been found, but may have received some before a later line fails — the caller must therefore
 * write into a transaction it rolls back on the exception.
 */
public final class ResidentRegisterReader {

    public static final String ID = "melderegister_id";
    public static final String FAMILY_NAME = "familienname";
    public static final String GIVEN_NAMES = "vornamen";
    public static final String BIRTH_NAME = "geburtsname";
    public static final String BIRTH_DATE = "geburtsdatum";
    public static final String SEX = "geschlecht";
    public static final String NATIONALITIES = "staatsangehoerigkeiten";
    public static final String STREET = "strasse";
    public static final String HOUSE_NUMBER = "hausnummer";
    public static final String POSTAL_CODE = "plz";
    public static final String CITY = "ort";
    public static final String MOVED_IN = "zuzug";
    public static final String FROM_ABROAD = "zuzug_aus_ausland";
    public static final String RESIDENCE = "wohnungsstatus";
    public static final String EXCLUDED = "wahlrechtsausschluss";

    static final List<String> REQUIRED = List.of(ID, FAMILY_NAME, GIVEN_NAMES, BIRTH_DATE, NATIONALITIES, STREET,
            HOUSE_NUMBER, POSTAL_CODE, CITY, MOVED_IN, RESIDENCE, EXCLUDED);
    static final List<String> OPTIONAL = List.of(BIRTH_NAME, SEX, FROM_ABROAD);

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern POSTAL = Pattern.compile("\\d{5}");
    private static final Pattern REGISTER_ID = Pattern.compile("[A-Za-z0-9._/-]{1,40}");

    private ResidentRegisterReader() {}

    /** Reads the whole file; returns the number of persons, throws if anything is wrong. */
    public static long read(InputStream in, String file, Consumer<Resident> sink) throws IOException, ImportException {
        ProblemCollector problems = new ProblemCollector();
        Map<String, Long> seen = new HashMap<>();
        long[] count = {0};
        StreamingCsv.read(in, file, REQUIRED, OPTIONAL, problems, (line, rec, cols) -> {
            Resident r = resident(file, line, rec, cols, problems, seen);
            if (r != null && problems.isEmpty()) {
                sink.accept(r);
                count[0]++;
            }
        });
        problems.throwIfAny();
        return count[0];
    }

    private static Resident resident(String file, long line, CSVRecord rec, Map<String, Integer> c,
            ProblemCollector problems, Map<String, Long> seen) {
        long before = problems.total();
        String id = text(rec, c, ID);
        if (id.isEmpty()) {
            problems.add(file, line, ID, "missing-value");
        } else if (!REGISTER_ID.matcher(id).matches()) {
            problems.add(file, line, ID, "invalid-key", id);
        } else {
            Long earlier = seen.putIfAbsent(id, line);
            if (earlier != null) {
                problems.add(file, line, ID, "duplicate-key", id, Long.toString(earlier));
            }
        }
        String family = required(rec, c, FAMILY_NAME, file, line, problems);
        String given = required(rec, c, GIVEN_NAMES, file, line, problems);
        String birthName = blankToNull(text(rec, c, BIRTH_NAME));
        String birthText = text(rec, c, BIRTH_DATE);
        LocalDate birth = birthText.isEmpty() ? missing(file, line, BIRTH_DATE, problems)
                : date(birthText, true, file, line, BIRTH_DATE, problems);
        String sex = blankToNull(text(rec, c, SEX));
        if (sex != null && !List.of("m", "w", "d", "x").contains(sex)) {
            problems.add(file, line, SEX, "invalid-value", sex, "m, w, d, x");
        }
        List<String> nationalities = new ArrayList<>(2);
        String nat = text(rec, c, NATIONALITIES);
        if (nat.isEmpty()) {
            problems.add(file, line, NATIONALITIES, "missing-value");
        } else {
            for (String code : nat.split(",")) {
                String s = code.strip();
                if (!COUNTRY.matcher(s).matches()) {
                    problems.add(file, line, NATIONALITIES, "invalid-nationality", s);
                } else if (!nationalities.contains(s)) {
                    nationalities.add(s);
                }
            }
        }
        String street = required(rec, c, STREET, file, line, problems);
        String numberText = text(rec, c, HOUSE_NUMBER);
        HouseNumber number = HouseNumber.parse(numberText);
        if (numberText.isEmpty()) {
            problems.add(file, line, HOUSE_NUMBER, "missing-value");
        } else if (number == null) {
            problems.add(file, line, HOUSE_NUMBER, "invalid-house-number", numberText);
        }
        String postal = text(rec, c, POSTAL_CODE);
        if (!POSTAL.matcher(postal).matches()) {
            problems.add(file, line, POSTAL_CODE, "invalid-postal-code", postal);
        }
        String city = required(rec, c, CITY, file, line, problems);
        String movedText = text(rec, c, MOVED_IN);
        LocalDate movedIn = movedText.isEmpty() ? missing(file, line, MOVED_IN, problems)
                : date(movedText, false, file, line, MOVED_IN, problems);
        Boolean abroad = yesNo(text(rec, c, FROM_ABROAD), false, file, line, FROM_ABROAD, problems);
        String residence = text(rec, c, RESIDENCE);
        boolean main = residence.equals("H") || residence.equals("A");
        if (!main && !residence.equals("N")) {
            problems.add(file, line, RESIDENCE, "invalid-value", residence, "H, A, N");
        }
        Boolean excluded = yesNo(text(rec, c, EXCLUDED), false, file, line, EXCLUDED, problems);
        if (problems.total() != before) {
            return null;
        }
        return new Resident(id, family, given, birthName, birth, birthText, sex, nationalities, street.strip(), number,
                postal, city, movedIn, abroad, main, excluded, line);
    }

    private static String text(CSVRecord rec, Map<String, Integer> cols, String column) {
        Integer i = cols.get(column);
        return i == null ? "" : rec.get(i).strip();
    }

    private static String required(CSVRecord rec, Map<String, Integer> cols, String column, String file, long line,
            ProblemCollector problems) {
        String v = text(rec, cols, column);
        if (v.isEmpty()) {
            problems.add(file, line, column, "missing-value");
        }
        return v;
    }

    private static LocalDate missing(String file, long line, String column, ProblemCollector problems) {
        problems.add(file, line, column, "missing-value");
        return null;
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static Boolean yesNo(String v, boolean emptyValue, String file, long line, String column,
            ProblemCollector problems) {
        return switch (v) {
            case "" -> emptyValue;
            case "J" -> true;
            case "N" -> false;
            default -> {
                problems.add(file, line, column, "invalid-value", v, "J, N");
                yield null;
            }
        };
    }

    /**
     * An ISO date. With {@code partialAllowed} an unknown day or month may be written as 00 (XMeld's
     * partly known date); it is taken as the last day of the known month or year.
     */
    static LocalDate date(String v, boolean partialAllowed, String file, long line, String column,
            ProblemCollector problems) {
        var m = ISO_DATE.matcher(v);
        if (m.matches()) {
            int y = Integer.parseInt(m.group(1));
            int mo = Integer.parseInt(m.group(2));
            int d = Integer.parseInt(m.group(3));
            try {
                if (partialAllowed && mo == 0 && d == 0) {
                    return LocalDate.of(y, 12, 31);
                }
                if (partialAllowed && d == 0) {
                    return YearMonth.of(y, mo).atEndOfMonth();
                }
                return LocalDate.of(y, mo, d);
            } catch (DateTimeException e) {
                // falls through to the problem
            }
        }
        problems.add(file, line, column, partialAllowed ? "invalid-partial-date" : "invalid-iso-date", v);
        return null;
    }
}
