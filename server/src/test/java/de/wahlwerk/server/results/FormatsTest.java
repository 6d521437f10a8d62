package de.wahlwerk.server.results;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.arith.Rational;
import java.util.Locale;
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
}
