package de.wahlwerk.core.register;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A house number as the resident register writes it: a number and an optional suffix
 * ({@code 12a}, {@code 12 b}, {@code 7/1}). Ordering is by number, then suffix ("" before "a"
 * before "b"); parity is that of the number, so {@code 12a} is even.
 */
public record HouseNumber(int number, String suffix) implements Comparable<HouseNumber> {

    private static final Pattern FORM = Pattern.compile("(\\d{1,5})\\s*([A-Za-z]{1,2}|/\\d{1,3})?");

    public HouseNumber {
        if (number < 0) {
            throw new IllegalArgumentException("negative house number " + number);
        }
        suffix = suffix == null ? "" : suffix.toLowerCase(Locale.ROOT);
    }

    /** The parsed number, or null if the text is not a house number. */
    public static HouseNumber parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        return new HouseNumber(Integer.parseInt(m.group(1)), m.group(2));
    }

    public boolean hasSuffix() {
        return !suffix.isEmpty();
    }

    public boolean isEven() {
        return number % 2 == 0;
    }

    @Override
    public int compareTo(HouseNumber o) {
        int c = Integer.compare(number, o.number);
        return c != 0 ? c : suffix.compareTo(o.suffix);
    }

    @Override
    public String toString() {
        return number + suffix;
    }
}
