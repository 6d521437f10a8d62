package de.wahlwerk.core.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wahlwerk.core.register.Parity;
import de.wahlwerk.core.register.Resident;
import de.wahlwerk.core.register.StreetRule;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ResidentRegisterReaderTest {

    static final String HEADER = "melderegister_id;familienname;vornamen;geburtsname;geburtsdatum;geschlecht;"
            + "staatsangehoerigkeiten;strasse;hausnummer;plz;ort;zuzug;zuzug_aus_ausland;wohnungsstatus;wahlrechtsausschluss\n";

    static List<Resident> read(String text) throws Exception {
        List<Resident> out = new ArrayList<>();
        ResidentRegisterReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "mr.csv", out::add);
        return out;
    }

    static List<ImportProblem> problems(byte[] bytes) {
        try {
            ResidentRegisterReader.read(new ByteArrayInputStream(bytes), "mr.csv", r -> { });
        } catch (ImportException e) {
            return e.problems();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no problems");
    }

    static List<ImportProblem> problems(String text) {
        return problems(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAValidFileWithBomQuotedMultiLineFieldsAndPartialDates() throws Exception {
        List<Resident> r = read("\uFEFF" + HEADER
                + "A1;\"Müller;\nSchulz\";Anna Maria;Meier;1950-00-00;w;DE,PL;Hauptstraße;12a;37073;Göttingen;2001-05-01;;H;N\n"
                + "\n"
                + "A2;Öztürk;Can;;2008-02-00;;TR;Lindenweg;7/1;37075;Göttingen;2025-12-01;J;N;J\n");
        assertThat(r).hasSize(2);
        Resident a = r.get(0);
        assertThat(a.familyName()).isEqualTo("Müller;\nSchulz");
        assertThat(a.birthDate()).isEqualTo(LocalDate.of(1950, 12, 31));
        assertThat(a.nationalities()).containsExactly("DE", "PL");
        assertThat(a.houseNumber().toString()).isEqualTo("12a");
        assertThat(a.line()).isEqualTo(2);
        Resident b = r.get(1);
        assertThat(b.line()).isEqualTo(5); // the quoted name spans lines 2-3, line 4 is blank
        assertThat(b.birthDate()).isEqualTo(LocalDate.of(2008, 2, 29));
        assertThat(b.movedFromAbroad()).isTrue();
        assertThat(b.mainResidence()).isFalse();
        assertThat(b.excluded()).isTrue();
        assertThat(b.sex()).isNull();
    }

    @Test
    void everyProblemIsListedWithLineAndColumnAndNothingIsDelivered() {
        List<Resident> delivered = new ArrayList<>();
        String text = HEADER
                + "A1;Muster;Max;;1980-01-01;m;DE;Weg;1;37073;Ort;2000-01-01;N;H;N\n"
                + "A1;Muster;Max;;1980-02-30;q;de;Weg;x1;3707;Ort;01.01.2000;V;X;ja\n"
                + "A3;;Max;;1980-01-01;m;DE;Weg;1;37073;Ort;2000-01-01;N;H;N\n"
                + "A4;Muster;Max\n";
        try {
            ResidentRegisterReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "mr.csv",
                    delivered::add);
            throw new AssertionError("accepted");
        } catch (ImportException e) {
            assertThat(e.problems()).extracting(p -> p.line() + " " + p.column() + " " + p.code()).containsExactly(
                    "3 melderegister_id duplicate-key", "3 geburtsdatum invalid-partial-date",
                    "3 geschlecht invalid-value", "3 staatsangehoerigkeiten invalid-nationality",
                    "3 hausnummer invalid-house-number", "3 plz invalid-postal-code", "3 zuzug invalid-iso-date",
                    "3 zuzug_aus_ausland invalid-value", "3 wohnungsstatus invalid-value",
                    "3 wahlrechtsausschluss invalid-value", "4 familienname missing-value",
                    "5 null wrong-column-count");
            assertThat(e.problems().getFirst().message(Locale.GERMAN))
                    .isEqualTo("Datei mr.csv, Zeile 3, Spalte „melderegister_id“: Der Schlüssel „A1“ kommt schon in Zeile 2 vor; erwartet wird jeder Schlüssel nur einmal.");
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.message(Locale.ENGLISH)).doesNotContain("import."));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(delivered).hasSize(1); // only the line before the first problem; the caller rolls back
    }

    @Test
    void headerProblems() {
        assertThat(problems("melderegister_id;familienname;unbekannt\nA;B;C\n"))
                .extracting(ImportProblem::code).contains("unknown-column", "missing-column");
        assertThat(problems("")).extracting(ImportProblem::code).containsExactly("empty-file");
        assertThat(problems(HEADER)).extracting(ImportProblem::code).containsExactly("no-rows");
        assertThat(problems(HEADER + "A1;\"open;x\n")).extracting(ImportProblem::code).containsExactly("csv-syntax");
    }

    @Test
    void invalidUtf8IsReportedAtItsLine() {
        byte[] head = (HEADER + "A1;Muster;Max;;1980-01-01;m;DE;Weg;1;37073;Ort;2000-01-01;N;H;N\nA2;M").getBytes(
                StandardCharsets.UTF_8);
        byte[] tail = ";Max;;1980-01-01;m;DE;Weg;1;37073;Ort;2000-01-01;N;H;N\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xFC; // ü in Latin-1
        System.arraycopy(tail, 0, all, head.length + 1, tail.length);
        List<ImportProblem> p = problems(all);
        assertThat(p).extracting(ImportProblem::code).containsExactly("encoding-line");
        assertThat(p.getFirst().line()).isEqualTo(3);
    }

    @Test
    void streetIndexIsReadAndChecked() throws Exception {
        String ok = "strasse;plz;von;bis;seite;wahlbezirk\nHauptstraße;;10;14;G;001\nHauptstraße;37075;;;;002\n";
        List<StreetRule> rules = StreetIndexReader.read(new ByteArrayInputStream(ok.getBytes(StandardCharsets.UTF_8)),
                "sv.csv");
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).parity()).isEqualTo(Parity.EVEN);
        assertThat(rules.get(1).postalCode()).isEqualTo("37075");
        assertThat(rules.get(1).parity()).isEqualTo(Parity.ALL);
        String bad = "strasse;von;bis;seite;wahlbezirk\nHauptstraße;14;10;X;001\n;1;2;A;\nWeg;1;2;A;1\nWeg;1;2;A;2\n";
        assertThatThrownBy(() -> StreetIndexReader.read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)),
                "sv.csv")).isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.line() + " " + p.code()).containsExactly("2 range-reversed",
                                "2 invalid-value", "3 missing-value", "3 missing-value", "5 duplicate-rule"));
    }
}
