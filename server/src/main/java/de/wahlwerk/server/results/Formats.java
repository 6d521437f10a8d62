package de.wahlwerk.server.results;

import de.wahlwerk.core.arith.Rational;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Numbers for people, German style ("1.234", "12,3 %", "+0,8") by default; {@link #in(Locale)}
 * gives the English style ("1,234", "12.3 %", "+0.8") for the English public pages. Only here does
 * exact arithmetic become rounded text; the tally and the seats never round.
 */
@Component("fmt")
public class Formats {

    private static final Formats GERMAN = new Formats();
    private static final Formats ENGLISH = new Formats(DecimalFormatSymbols.getInstance(Locale.UK));

    // The language's three signs, taken from the JDK's symbols once. The numbers are written by hand
    // rather than by a DecimalFormat: a new DecimalFormat parses its pattern every time (the page
    // thread spent a twentieth of its time there on election night), and one kept would need a
    // lock, since DecimalFormat is not thread-safe. FormatsTest checks the output against it.
    private final char decimalSeparator;
    private final char groupingSeparator;
    private final char minusSign;

    public Formats() {
        this(DecimalFormatSymbols.getInstance(Locale.GERMANY));
    }

    private Formats(DecimalFormatSymbols symbols) {
        this.decimalSeparator = symbols.getDecimalSeparator();
        this.groupingSeparator = symbols.getGroupingSeparator();
        this.minusSign = symbols.getMinusSign();
    }

    /** The formats of a language: English for "en", German for everything else. */
    public Formats in(Locale lang) {
        return "en".equals(lang.getLanguage()) ? ENGLISH : GERMAN;
    }

    public String count(long n) {
        String digits = Long.toString(n);
        int first = n < 0 ? 1 : 0;
        int length = digits.length() - first;
        StringBuilder text = new StringBuilder(digits.length() + length / 3);
        if (n < 0) {
            text.append(minusSign);
        }
        for (int i = 0; i < length; i++) {
            if (i > 0 && (length - i) % 3 == 0) {
                text.append(groupingSeparator);
            }
            text.append(digits.charAt(first + i));
        }
        return text.toString();
    }

    /** A share as percent with one decimal, e.g. "27,4 %"; "–" when unknown. */
    public String percent(Rational share) {
        if (share == null) {
            return "–";
        }
        return oneDecimal(decimal(share.multiply(100), 1)) + " %";
    }

    public String percent(java.util.Optional<Rational> share) {
        return percent(share.orElse(null));
    }

    /** A share given as a double (the projection's interval bounds), e.g. "27,4 %". */
    public String percentOf(double share) {
        return oneDecimal(BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP)) + " %";
    }

    /** A share as a plain number of percent with one decimal and a dot ("27.4"), for SVG geometry. */
    public String percentNumber(Rational share) {
        return share == null ? "0" : decimal(share.multiply(100), 1).toPlainString();
    }

    /** A change in percentage points with sign, e.g. "+1,3"; "–" when there is no comparison. */
    public String points(Rational change) {
        if (change == null) {
            return "–";
        }
        BigDecimal d = decimal(change, 1);
        String text = oneDecimal(d.abs());
        return d.signum() > 0 ? "+" + text : d.signum() < 0 ? "−" + text : "±" + text;
    }

    /** A number already rounded to one decimal, without grouping: "1234,5", "-0,3", "0,0". */
    private String oneDecimal(BigDecimal rounded) {
        String plain = rounded.toPlainString();
        StringBuilder text = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            text.append(c == '.' ? decimalSeparator : c == '-' ? minusSign : c);
        }
        return text.toString();
    }

    private static BigDecimal decimal(Rational r, int scale) {
        return new BigDecimal(r.numerator()).divide(new BigDecimal(r.denominator()), scale, RoundingMode.HALF_UP);
    }
}
