package de.wahlwerk.server.pollcards;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.ops.MaintenanceCommands;
import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code ./wahlwerk register purge}: a dry run changes nothing; the real run deletes the personal
 * data of a day past its retention period (residents, roll, notices, requests, cards) and audits
 * it; a day still within its period is neither listed nor purgeable by number.
 */
class PurgeIT extends IntegrationTest {

    @Autowired
    List<MaintenanceCommands.Command> commands;

    long persons(TestCity c) {
        return jdbc.sql("select count(*) from register_resident where election_day_id = :d").param("d", c.dayId)
                .query(Long.class).single();
    }

    long cards(TestCity c) {
        return jdbc.sql("select count(*) from polling_card where election_id = :e").param("e", c.electionId)
                .query(Long.class).single();
    }

    record Run(int exit, String out, String err) {}

    Run run(String... properties) {
        MaintenanceCommands.Command purge = commands.stream().filter(c -> c.name().equals("register-purge"))
                .findFirst().orElseThrow();
        StandardEnvironment env = new StandardEnvironment();
        java.util.Map<String, Object> map = new java.util.HashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            map.put(properties[i], properties[i + 1]);
        }
        env.getPropertySources().addFirst(new MapPropertySource("test", map));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = purge.run(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void deletesPersonalDataOnlyAfterTheRetentionPeriod() {
        HttpSession admin = signedIn(accounts, Role.ADMIN, null, null);
        TestCity old = TestCity.create(jdbc, -400);
        old.importAndBuild(admin, PollCardIT.residents());
        TestCity recent = TestCity.create(jdbc, 30);
        recent.importAndBuild(admin, PollCardIT.residents());
        // A notice number, a request and a card on the old day (its request period is long over).
        admin.getBytes("/admin/pollcards/elections/" + old.electionId + "/notices/P1/pdf");
        long p1 = jdbc.sql("select id from register_resident where election_day_id = :d and register_id = 'P1'")
                .param("d", old.dayId).query(Long.class).single();
        jdbc.sql("""
                insert into polling_card_request (election_id, reference, channel, family_name, given_names, birth_date,
                    street, house_number, postal_code, city, resident_id, status)
                values (:e, :ref, 'FORM', 'Yılmaz', 'Ayşe', date '1980-05-17', 'Hauptstraße', '12a', '80331', 'Teststadt',
                    :r, 'ISSUED')""").param("e", old.electionId).param("ref", "T" + System.nanoTime() % 1_000_000_000L)
                .param("r", p1).update();
        jdbc.sql("insert into polling_card (election_id, resident_id, issued_by) values (:e, :r, 'test')")
                .param("e", old.electionId).param("r", p1).update();
        long oldPersons = persons(old);
        assertThat(oldPersons).isEqualTo(7);

        Run dry = run("wahlwerk.dry-run", "true", "wahlwerk.day", String.valueOf(old.dayId));
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Würde löschen", "7 Personen, 1 Wahlscheinanträge, 1 Wahlscheine", "Probelauf");
        assertThat(persons(old)).isEqualTo(7);

        // A day inside its period cannot be named.
        Run refused = run("wahlwerk.day", String.valueOf(recent.dayId));
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("noch in der Aufbewahrungsfrist");
        // A period shorter than the law's is refused.
        assertThat(run("wahlwerk.retention-months", "2").exit()).isEqualTo(2);

        long audits = jdbc.sql("select count(*) from audit_log where action = 'purge-personal-data'").query(Long.class)
                .single();
        Run real = run("wahlwerk.day", String.valueOf(old.dayId));
        assertThat(real.exit()).as(real.err()).isZero();
        assertThat(real.out()).contains("Lösche", "7 von 7 Personen gelöscht", "Fertig");
        assertThat(persons(old)).isZero();
        assertThat(cards(old)).isZero();
        assertThat(jdbc.sql("select count(*) from roll where election_id = :e").param("e", old.electionId)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from polling_card_request where election_id = :e")
                .param("e", old.electionId).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'purge-personal-data'").query(Long.class)
                .single()).isEqualTo(audits + 1);
        // The day itself and its districts stay; the recent day is untouched.
        assertThat(jdbc.sql("select count(*) from reporting_unit where election_day_id = :d").param("d", old.dayId)
                .query(Long.class).single()).isEqualTo(4);
        assertThat(persons(recent)).isEqualTo(7);
    }
}
