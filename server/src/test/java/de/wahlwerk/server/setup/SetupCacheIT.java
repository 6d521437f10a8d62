package de.wahlwerk.server.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wahlwerk.core.model.ReportingUnit;
import de.wahlwerk.server.support.IntegrationTest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ADR 0009: entry's cached view of the set-up reads a row once per version of the set-up, sees
 * every change committed before the view was taken, and never keeps the set-up of before a change
 * under the number of after it.
 */
class SetupCacheIT extends IntegrationTest {

    @Autowired
    SetupCache cache;

    @Autowired
    TransactionTemplate tx;

    @Test
    void anUnchangedSetUpIsReadOnceAndAChangeCommittedElsewhereIsSeenByTheNextView() {
        long unitId = demoUnit();
        String name = unitName(unitId);
        try {
            assertThat(viewName(unitId)).isEqualTo(name);
            long reads = cache.reads();
            assertThat(viewName(unitId)).isEqualTo(name);
            assertThat(cache.reads()).as("the second view of the same version reads nothing").isEqualTo(reads);

            rename(unitId, name + " (neu)");
            assertThat(viewName(unitId)).as("after a committed change").isEqualTo(name + " (neu)");
            assertThat(cache.reads()).as("the changed version is read anew").isGreaterThan(reads);
        } finally {
            rename(unitId, name);
        }
        assertThat(viewName(unitId)).isEqualTo(name);
    }

    @Test
    void theVersionRisesOnceAtTheCommitOfAChangeNeverBefore() throws Exception {
        long unitId = demoUnit();
        String name = unitName(unitId);
        long before = version();
        CountDownLatch changed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            // Three changes in one transaction, the last one being held open.
            jdbc.sql("update reporting_unit set name = :n where id = :id").param("n", "Zwischenstand").param("id", unitId).update();
            jdbc.sql("update reporting_unit set name = :n where id = :id").param("n", "Zwischenstand 2").param("id", unitId).update();
            jdbc.sql("update reporting_unit set name = :n where id = :id").param("n", name + " (neu)").param("id", unitId).update();
            changed.countDown();
            try {
                commit.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertThat(changed.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(version()).as("not raised before the commit").isEqualTo(before);
            assertThat(viewName(unitId)).as("the view while the change is open").isEqualTo(name);
        } finally {
            commit.countDown();
        }
        other.get(30, TimeUnit.SECONDS);
        try {
            assertThat(version()).as("raised once by the transaction's three changes").isEqualTo(before + 1);
            assertThat(viewName(unitId)).as("the old name was not kept under the new version").isEqualTo(name + " (neu)");
        } finally {
            rename(unitId, name);
        }
    }

    @Test
    void everySetUpTableRaisesTheVersion() {
        for (String table : new String[] {"election_day", "election", "area", "area_geometry", "polling_station",
                "reporting_unit", "reporting_unit_area", "nomination", "candidate"}) {
            long before = cache.version();
            // A change that changes nothing still counts: the trigger fires for every row written.
            String key = switch (table) {
                case "area_geometry" -> "area_id";
                case "reporting_unit_area" -> "unit_id";
                default -> "id";
            };
            int rows = jdbc.sql("update %1$s set %2$s = %2$s where ctid = (select ctid from %1$s limit 1)".formatted(table, key))
                    .update();
            if (rows == 1) {
                assertThat(cache.version()).as(table).isEqualTo(before + 1);
            } else {
                assertThat(table).as("only the demo has no geometry").isEqualTo("area_geometry");
            }
        }
    }

    /** Entry keeps its settings per set-up version (V14): a change of them must raise it too. */
    @Test
    void entrySettingsRaiseTheVersion() {
        long election = jdbc.sql("select min(id) from election").query(Long.class).single();
        boolean configured = jdbc.sql("select count(*) from entry_settings where election_id = :e").param("e", election)
                .query(Long.class).single() > 0;
        long before = cache.version();
        jdbc.sql("""
                insert into entry_settings (election_id, two_person_mode) values (:e, 'APPROVAL')
                on conflict (election_id) do update set two_person_mode = entry_settings.two_person_mode""")
                .param("e", election).update();
        assertThat(cache.version()).isEqualTo(before + 1);
        if (!configured) {
            // Left as it was for the other tests: an election nobody configured.
            jdbc.sql("delete from entry_settings where election_id = :e").param("e", election).update();
            assertThat(cache.version()).as("a deletion raises it too").isEqualTo(before + 2);
        }
    }

    /** The postal check asks for the day's postal districts on every postal report (EntryChecks). */
    @Test
    void theDaysPostalDistrictsAreCountedOncePerVersion() {
        long unitId = demoUnit();
        long day = jdbc.sql("select election_day_id from reporting_unit where id = :id").param("id", unitId)
                .query(Long.class).single();
        long postal = jdbc.sql("select count(*) from reporting_unit where election_day_id = :d and kind = 'POSTAL'")
                .param("d", day).query(Long.class).single();
        assertThat(postal).isPositive();
        assertThat(postalCount(day)).isEqualTo(postal);
        long reads = cache.reads();
        assertThat(postalCount(day)).isEqualTo(postal);
        assertThat(cache.reads()).as("counted once per version").isEqualTo(reads);
        String name = unitName(unitId);
        try {
            rename(unitId, name + " (neu)");
            assertThat(postalCount(day)).isEqualTo(postal);
            assertThat(cache.reads()).as("counted anew for the new version").isGreaterThan(reads);
        } finally {
            rename(unitId, name);
        }
    }

    /**
     * A night asks for every district once: after {@link SetupCache#UNITS_ONE_BY_ONE} single reads
     * in one version, the rest of the day's districts and their areas come in two statements, and
     * they are the same as read one by one.
     */
    @Test
    void aDaysDistrictsAreReadAtOnceAfterTheFirstFewOneByOne() {
        int count = SetupCache.UNITS_ONE_BY_ONE + 20;
        long day = jdbc.sql("""
                insert into election_day (name, election_date, scope_hierarchy, scope_key)
                values ('SetupCacheIT: viele Bezirke', date '2031-09-21', 'ADMIN', '09999') returning id""")
                .query(Long.class).single();
        try {
            long area = jdbc.sql("""
                    insert into area (election_day_id, hierarchy, level, official_key, name)
                    values (:d, 'ADMIN', 'MUNICIPALITY', '09999001', 'Bezirksstadt') returning id""")
                    .param("d", day).query(Long.class).single();
            java.util.List<Long> units = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                long unit = jdbc.sql("""
                        insert into reporting_unit (election_day_id, kind, official_key, name)
                        values (:d, :k, :o, :n) returning id""")
                        .param("d", day).param("k", i % 3 == 0 ? "POSTAL" : "POLLING").param("o", "%03d".formatted(i))
                        .param("n", "Bezirk " + i).query(Long.class).single();
                jdbc.sql("insert into reporting_unit_area (unit_id, hierarchy, area_id) values (:u, 'ADMIN', :a)")
                        .param("u", unit).param("a", area).update();
                units.add(unit);
            }
            tx.executeWithoutResult(status -> {
                SetupCache.SetupView view = cache.view();
                long before = cache.reads();
                for (int i = 0; i < SetupCache.UNITS_ONE_BY_ONE; i++) {
                    assertThat(view.unit(units.get(i))).isPresent();
                }
                assertThat(cache.reads() - before).as("one by one").isEqualTo(SetupCache.UNITS_ONE_BY_ONE);
                long oneByOne = cache.reads();
                assertThat(view.unit(units.get(SetupCache.UNITS_ONE_BY_ONE)).orElseThrow().name())
                        .isEqualTo("Bezirk " + SetupCache.UNITS_ONE_BY_ONE);
                assertThat(cache.reads() - oneByOne).as("the next one, then the day's districts and their areas at once")
                        .isEqualTo(3);
                long atOnce = cache.reads();
                for (int i = 0; i < count; i++) {
                    ReportingUnit u = view.unit(units.get(i)).orElseThrow();
                    assertThat(u.name()).isEqualTo("Bezirk " + i);
                    assertThat(u.electionDayId()).isEqualTo(day);
                    assertThat(view.unitAreas(u.id())).as("areas of district %d", i).containsOnlyKeys("ADMIN");
                    assertThat(view.unitAreas(u.id()).get("ADMIN").id()).isEqualTo(area);
                }
                assertThat(cache.reads()).as("nothing of the day read again").isEqualTo(atOnce);
            });
        } finally {
            jdbc.sql("delete from election_day where id = :d").param("d", day).update();
        }
    }

    private long postalCount(long day) {
        return tx.execute(status -> cache.view().postalUnitCount(day));
    }

    @Test
    void aViewIsTakenOnlyInsideATransaction() {
        assertThatThrownBy(() -> cache.view()).isInstanceOf(IllegalStateException.class);
    }

    private String viewName(long unitId) {
        return tx.execute(status -> cache.view().unit(unitId).map(ReportingUnit::name).orElseThrow());
    }

    private long demoUnit() {
        return jdbc.sql("select min(id) from reporting_unit").query(Long.class).single();
    }

    private String unitName(long unitId) {
        return jdbc.sql("select name from reporting_unit where id = :id").param("id", unitId).query(String.class).single();
    }

    private void rename(long unitId, String name) {
        tx.executeWithoutResult(status -> jdbc.sql("update reporting_unit set name = :n where id = :id")
                .param("n", name).param("id", unitId).update());
    }

    private long version() {
        return jdbc.sql("select value from setup_version where id = 1").query(Long.class).single();
    }
}
