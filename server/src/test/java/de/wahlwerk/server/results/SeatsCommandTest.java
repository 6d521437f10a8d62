package de.wahlwerk.server.results;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./wahlwerk seats --kerg2 <file>}: the command class run directly, without Spring or database. */
class SeatsCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SeatsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void officialKerg2025PrintsTheOfficialDistributionWithExplanation() {
        Path file = Fixtures.file("btw2025-kerg2/kerg2.csv");
        assertThat(run("--kerg2", file.toString())).isEqualTo(SeatsCommand.DECIDED);
        String text = out.toString(StandardCharsets.UTF_8);
        // party, votes, share, seats, Wahlkreis seats, list seats
        assertThat(text).containsPattern(row("CDU", "164", "128", "36"))
                .containsPattern(row("AfD", "152", "42", "110"))
                .containsPattern(row("SPD", "120", "44", "76"))
                .containsPattern(row("GRÜNE", "85", "12", "73"))
                .containsPattern(row("Die Linke", "64", "6", "58"))
                .containsPattern(row("CSU", "44", "44", "0"))
                .containsPattern(row("SSW", "1", "0", "1"))
                .contains("Sitze insgesamt: 630")
                .contains("Wahlkreissieger ohne Sitz: 23 von 299")
                // Oberverteilung: the published round divisor and its span (§ 2.3.2)
                .contains("Divisor 68.100 (jeder Divisor größer als 68.063,064 bis einschließlich 68.138,575")
                .contains("Unterverteilung: 164 Sitze der Partei CDU");
        // Groß-Gerau (183): 16th of Hessen's 20 CDU winners for 15 seats
        assertThat(text).containsPattern("183\\s+Groß-Gerau\\s+Hessen\\s+CDU\\s+30,346 %\\s+16\\s+kein Sitz");
        String progress = err.toString(StandardCharsets.UTF_8);
        assertThat(progress).contains("100 % gelesen").containsPattern("Gelesen und geprüft: 316 Gebiete in [0-9.]+ ms")
                .containsPattern("Sitzberechnung in [0-9.]+ ms");
    }

    @Test
    void wrongCallsSayHowToCallAndReturnTheirCodes(@TempDir Path dir) throws Exception {
        assertThat(run("--kerg2")).isEqualTo(SeatsCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Aufruf: ./wahlwerk seats --election");
        assertThat(run("--kerg2", dir.resolve("missing.csv").toString())).isEqualTo(SeatsCommand.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Datei nicht gefunden");
        Path broken = Files.writeString(dir.resolve("broken.csv"), "Wahlart;Wahltag\nBT;kein Datum\n");
        assertThat(run("--kerg2", broken.toString())).isEqualTo(SeatsCommand.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Die Datei wurde abgelehnt");
        assertThat(out.size()).isZero();
    }

    private static Pattern row(String party, String seats, String constituency, String list) {
        return Pattern.compile("(?m)^" + Pattern.quote(party) + "\\s+[0-9.]+\\s+[0-9,]+ %\\s+" + seats + "\\s+"
                + constituency + "\\s+" + list + "$");
    }
}
