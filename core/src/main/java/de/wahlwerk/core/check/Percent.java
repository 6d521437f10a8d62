package de.wahlwerk.core.check;

import de.wahlwerk.core.arith.Rational;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A share (fraction of 1) as a message argument, shown as "12,3 %" / "12.3 %", or as a number of
 * percentage points ("15,0") when {@code points}. Display only: every decision is taken on the
 * exact {@link Rational} before this is built.
 */
public record Percent(Rational fraction, boolean points) {

    public Percent {
        Objects.requireNonNull(fraction, "fraction");
    }

    public static Percent of(Rational fraction) {
        return new Percent(fraction, false);
    }

    public static Percent points(Rational fraction) {
        return new Percent(fraction, true);
    }

    public String format(Locale locale) {
        BigDecimal value = fraction.multiply(100).toDecimal(1);
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return points ? f.format(value) : f.format(value) + " %";
    }
}
