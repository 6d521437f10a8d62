package de.wahlwerk.server.results;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.arith.Rational;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Numbers in each language: the same rounded value, written with the language's separators. */
class FormatsTest {

    private final Formats german = new Formats();
    private final Formats english = german.in(Locale.ENGLISH);

    @Test
    void countsAndSharesInGermanAndEnglish() {
        assertThat(german.count(12_345)).isEqualTo("12.345");
        assertThat(english.count(12_345)).isEqualTo("12,345");
        // 1234/10000 = 12.34 % → one decimal, half up: 12.3
        assertThat(german.percent(Rational.of(1234, 10_000))).isEqualTo("12,3 %");
        assertThat(english.percent(Rational.of(1234, 10_000))).isEqualTo("12.3 %");
        // 1/16 = 6.25 % → half up: 6.3
        assertThat(english.percent(Rational.of(1, 16))).isEqualTo("6.3 %");
        assertThat(english.percentOf(0.1234)).isEqualTo("12.3 %");
        // +13/10 and −13/10 percentage points
        assertThat(german.points(Rational.of(13, 10))).isEqualTo("+1,3");
        assertThat(english.points(Rational.of(-13, 10))).isEqualTo("−1.3");
        assertThat(english.percent((Rational) null)).isEqualTo("–");
    }

    @Test
    void germanIsTheDefaultForOtherLanguages() {
        assertThat(german.in(Locale.FRENCH).count(1_000)).isEqualTo("1.000");
        assertThat(english.in(Locale.GERMAN).count(1_000)).isEqualTo("1.000");
    }

    /** The hand-written numbers equal what the JDK's DecimalFormat writes for the same patterns. */
    @Test
    void sameTextAsTheJdksDecimalFormat() {
        SplittableRandom random = new SplittableRandom(2025);
        for (Locale locale : new Locale[] {Locale.GERMANY, Locale.UK}) {
            Formats formats = german.in(locale);
            DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
            DecimalFormat counts = new DecimalFormat("#,##0", symbols);
            DecimalFormat oneDecimal = new DecimalFormat("0.0", symbols);
            long[] edges = {0, 1, -1, 999, 1_000, -1_000, 999_999, 1_000_000, Long.MAX_VALUE, Long.MIN_VALUE};
            for (long n : edges) {
                assertThat(formats.count(n)).as("count %d in %s", n, locale).isEqualTo(counts.format(n));
            }
            for (int i = 0; i < 20_000; i++) {
                long n = random.nextLong() >> random.nextInt(64);
                assertThat(formats.count(n)).as("count %d in %s", n, locale).isEqualTo(counts.format(n));
                long votes = random.nextLong(0, 5_000_000);
                long of = votes + random.nextLong(1, 5_000_000);
                Rational share = Rational.of(votes, of);
                BigDecimal percent = new BigDecimal(votes * 100).divide(new BigDecimal(of), 1, RoundingMode.HALF_UP);
                assertThat(formats.percent(share)).as("%d/%d in %s", votes, of, locale)
                        .isEqualTo(oneDecimal.format(percent) + " %");
                Rational change = Rational.of(votes - of / 2, random.nextLong(1, 100_000));
                BigDecimal points = new BigDecimal(change.numerator()).divide(new BigDecimal(change.denominator()), 1,
                        RoundingMode.HALF_UP);
                String sign = points.signum() > 0 ? "+" : points.signum() < 0 ? "−" : "±";
                assertThat(formats.points(change)).as("points %s in %s", change, locale)
                        .isEqualTo(sign + oneDecimal.format(points.abs()));
                double bound = random.nextDouble(-0.2, 1.2);
                assertThat(formats.percentOf(bound)).as("bound %s in %s", bound, locale)
                        .isEqualTo(oneDecimal.format(BigDecimal.valueOf(bound * 100).setScale(1, RoundingMode.HALF_UP)) + " %");
            }
        }
    }
}
