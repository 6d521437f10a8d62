package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The server-side charts: every seat drawn once, text escaped, list colours contrast with the page. */
class ChartsTest {

    @Test
    void hemicycleDrawsEverySeatOnceWithALegend() {
        for (int total : new int[] {1, 7, 50, 81, 630}) {
            int a = total / 2;
            String svg = Svg.hemicycle("s", "Sitze", List.of(new Svg.Seats("A", a, "#c0000c"),
                    new Svg.Seats("B<&>", total - a, "#2b2b2b")));
            assertThat(Pattern.compile("<circle ").matcher(svg).results().count()).as("seats of " + total).isEqualTo(total);
            assertThat(svg).contains("B&lt;&amp;&gt;: " + (total - a)).contains("role=\"img\"").contains("<title id=\"s\">");
        }
    }

    @Test
    void coordinatesHaveOneDecimalRoundedHalfUpAsFormatWouldWrite() {
        assertThat(Svg.num(0)).isEqualTo("0.0");
        assertThat(Svg.num(190)).isEqualTo("190.0");
        assertThat(Svg.num(12.34)).isEqualTo("12.3");
        assertThat(Svg.num(12.35)).isEqualTo("12.4");
        assertThat(Svg.num(0.05)).isEqualTo("0.1");
        assertThat(Svg.num(-3.96)).isEqualTo("-4.0");
        assertThat(Svg.num(-0.04)).as("no minus before a zero").isEqualTo("0.0");
        assertThat(Svg.num(Double.NaN)).isEqualTo("NaN");
        // Over a drawing's range the hand-written form equals String.format's (but for its "-0.0"), or lies on a tie whose
        // binary value is a hair below it (1.15 is 1.1499999999999999), where the two round apart.
        java.util.Random random = new java.util.Random(6);
        for (int i = 0; i < 100_000; i++) {
            double d = (random.nextDouble() - 0.25) * 2000;
            String expected = String.format(java.util.Locale.ROOT, "%.1f", d);
            String actual = Svg.num(d);
            if (!actual.equals(expected) && !expected.equals("-0.0")) {
                assertThat(Math.abs(Double.parseDouble(actual) - Double.parseDouble(expected))).as("%s: %s against %s", d, actual, expected)
                        .isLessThan(0.1 + 1e-9);
                assertThat(Math.abs(Math.abs(d * 100) % 10 - 5)).as("only at a tie: %s", d).isLessThan(1e-6);
            }
        }
    }

    @Test
    void barsCarryTheirValueAsText() {
        String svg = Svg.bars("b", "Stimmen", List.of(new Svg.Bar("SPD", 31.2, "31,2 %", "#c0000c"),
                new Svg.Bar("\"X\"", 0, "0,0 %", "#5b5b5b")));
        assertThat(svg).contains(">31,2 %<").contains("&quot;X&quot;").contains("aria-labelledby=\"b\"");
        String changes = Svg.changes("c", "Veränderung", List.of(new Svg.Bar("SPD", -2.5, "−2,5", "#c0000c")));
        assertThat(changes).contains("text-anchor=\"end\"").contains(">−2,5<");
    }

    /** WCAG 2.1 1.4.11: graphical objects need 3:1 against the adjacent colour (the white page). */
    @Test
    void everyListColourReachesThreeToOneOnWhite() {
        List<String> groups = List.of("SPD", "CDU", "CSU", "GRÜNE", "FDP", "AfD", "Die Linke", "BSW", "FREIE WÄHLER",
                "Volt", "Tierschutzpartei", "ÖDP", "Ja", "Nein", "Wählergruppe A", "Liste 7", "EB: Müller", "PARTEI X");
        for (String g : groups) {
            assertThat(contrastOnWhite(PartyColours.of(g))).as(g + " " + PartyColours.of(g)).isGreaterThanOrEqualTo(3.0);
        }
    }

    @Test
    void mapShadesAndOutlines() {
        assertThat(Choropleth.shade(0)).isEqualTo("#deebf7");
        assertThat(Choropleth.shade(1)).isEqualTo("#08519c");
        var square = new Choropleth.Shape(List.<double[][]>of(new double[][] {{9, 50}, {9.1, 50}, {9.1, 50.1}, {9, 50.1}, {9, 50}}));
        String svg = Choropleth.svg("m", "Karte", List.of(new Choropleth.Region(square, "#c0000c", "SPD")));
        assertThat(svg).contains("<path d=\"M").contains(">SPD</text>").contains("class=\"chart map\"");
    }

    static double contrastOnWhite(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double l = 0.2126 * lin((rgb >> 16) & 255) + 0.7152 * lin((rgb >> 8) & 255) + 0.0722 * lin(rgb & 255);
        return 1.05 / (l + 0.05);
    }

    private static double lin(int c) {
        double s = c / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
