package de.wahlwerk.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Both languages know the same messages, every code has one, and they render with names and numbers. */
class MessagesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/de/wahlwerk/core/check/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void germanAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .isEqualTo(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyCodeHasAMessage() throws IOException {
        Properties de = load("messages.properties");
        for (String code : PlausibilityCheck.codes()) {
            assertThat(de.stringPropertyNames()).as(code).anyMatch(k -> k.startsWith("check." + code));
        }
        assertThat(PlausibilityCheck.codes()).hasSize(31).doesNotHaveDuplicates();
    }

    @Test
    void votesSumMessageNamesFieldAndNumbers() {
        Finding f = PlausibilityCheck.check(Reports.polling(Reports.bundestag().with(x -> {
            x.b = 512L;
            x.a1 = 900L;
            x.a = 1052L;
            x.c = 6L;
            x.d = 504L;
            x.dn = Reports.numbers(200, 150, 120, 80, 2);
            x.f = 508L;
            x.fn = Reports.numbers(190, 160, 110, 40, 4, 4);
        }))).findings().getFirst();
        assertThat(f.toString()).isEqualTo("E005@D");
        assertThat(f.message(Locale.GERMAN)).isEqualTo("B (Wähler) ist 512, aber C + D = 510: Die Summe der "
                + "ungültigen und gültigen Erststimmen muss die Zahl der Wähler ergeben.");
        assertThat(f.message(Locale.ENGLISH)).isEqualTo(
                "B (voters) is 512, but C + D = 510: invalid and valid first votes must add up to the number of voters.");
        assertThat(f.message(Locale.FRENCH)).isEqualTo(f.message());
    }

    @Test
    void everyTestedFindingRendersWithoutPlaceholders() {
        ReportInput broken = Reports.polling(Reports.bundestag().with(x -> {
            x.a1 = 200_000L;
            x.dn.put(3, -1L);
            x.b1 = null;
            x.fn.put(9, 3L);
        }));
        for (Finding f : PlausibilityCheck.check(broken).findings()) {
            for (Locale l : new Locale[] {Locale.GERMAN, Locale.ENGLISH}) {
                assertThat(f.message(l)).as(f.toString()).doesNotContain("{").doesNotContain("check.");
            }
        }
        assertThat(PlausibilityCheck.check(broken).findings().getFirst().message())
                .isEqualTo("B1 (Wähler mit Wahlschein) ist leer: Das Feld muss ausgefüllt werden (0 eintragen, "
                        + "wenn es keine gibt).");
    }

    @Test
    void numbersAndSharesFollowTheLanguage() {
        Finding f = PlausibilityCheck.check(Reports.polling(Reports.bundestag().with(x -> x.a1 = 123_456L)))
                .findings().getFirst();
        assertThat(f.message(Locale.GERMAN)).contains("123.456").contains("100.000");
        assertThat(f.message(Locale.ENGLISH)).contains("123,456");
        assertThat(Percent.of(Thresholds.percent("12.25")).format(Locale.GERMAN)).isEqualTo("12,3 %");
        assertThat(Percent.points(Thresholds.percent("15")).format(Locale.ENGLISH)).isEqualTo("15.0");
    }
}
