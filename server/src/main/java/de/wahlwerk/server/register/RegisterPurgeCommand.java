package de.wahlwerk.server.register;

import de.wahlwerk.server.audit.AuditLog;
import de.wahlwerk.server.ops.MaintenanceCommands;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code ./wahlwerk register purge [--dry-run] [--day ID] [--retention-months N]}: deletes the
 * personal data of election days whose retention period has ended — residents, rolls with their
 * entries and changes, notice numbers, polling-card requests and cards. What stays: the day, its
 * areas, districts, results, the street index and the file hashes of the imports, and the audit log
 * (which names persons only by register id or internal id, never by name).
 *
 * <p>Retention (§ 90 Abs. 2 BWO, to be checked against the Land's rules for municipal elections):
 * rolls and lists of polling cards are destroyed six months after the election unless the election
 * is contested (the returning officer then says when they may go). Hence the default of six
 * months, and a day inside its period is never purged by this command.
 *
 * <p>Deleted in batches of {@value #BATCH} persons, each batch its own transaction, with progress on
 * the console; one audit entry per day before and one after. Exit codes: 0 done (or nothing to
 * do), 1 a failure, 2 wrong call.
 */
@Component
class RegisterPurgeCommand implements MaintenanceCommands.Command {

    static final int BATCH = 10_000;
    static final int DEFAULT_MONTHS = 6;

    record DayCounts(long dayId, String name, LocalDate date, long residents, long requests, long cards) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final MessageSource messages;

    RegisterPurgeCommand(JdbcClient jdbc, PlatformTransactionManager tm, AuditLog audit, MessageSource messages) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tm);
        this.audit = audit;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "register-purge";
    }

    @Override
    public int run(Environment env, PrintStream out, PrintStream err) {
        boolean dryRun = Boolean.parseBoolean(env.getProperty("wahlwerk.dry-run", "false"));
        Integer months;
        Long day;
        try {
            months = Integer.valueOf(env.getProperty("wahlwerk.retention-months", String.valueOf(DEFAULT_MONTHS)));
            String d = env.getProperty("wahlwerk.day");
            day = d == null || d.isBlank() ? null : Long.valueOf(d.strip());
        } catch (NumberFormatException e) {
            err.println(text("register.purge.usage"));
            return 2;
        }
        if (months < DEFAULT_MONTHS) {
            err.println(text("register.purge.tooShort", DEFAULT_MONTHS));
            return 2;
        }
        return purge(LocalDate.now(ZoneId.of("Europe/Berlin")), months, day, dryRun, out, err);
    }

    /** The days whose retention has ended on {@code today}, optionally only one. */
    List<DayCounts> due(LocalDate today, int months, Long onlyDay) {
        return jdbc.sql("""
                select d.id, d.name, d.election_date,
                       (select count(*) from register_resident r where r.election_day_id = d.id) as residents,
                       (select count(*) from polling_card_request q join election e on e.id = q.election_id
                        where e.election_day_id = d.id) as requests,
                       (select count(*) from polling_card c join election e on e.id = c.election_id
                        where e.election_day_id = d.id) as cards
                from election_day d
                where d.election_date < :limit and (:day = 0 or d.id = :day)
                order by d.election_date, d.id""")
                .param("limit", java.sql.Date.valueOf(today.minusMonths(months)))
                .param("day", onlyDay == null ? 0 : onlyDay)
                .query((rs, i) -> new DayCounts(rs.getLong("id"), rs.getString("name"),
                        rs.getDate("election_date").toLocalDate(), rs.getLong("residents"), rs.getLong("requests"),
                        rs.getLong("cards")))
                .list().stream().filter(c -> c.residents() + c.requests() + c.cards() > 0).toList();
    }

    int purge(LocalDate today, int months, Long onlyDay, boolean dryRun, PrintStream out, PrintStream err) {
        if (onlyDay != null) {
            var date = jdbc.sql("select election_date from election_day where id = :d").param("d", onlyDay)
                    .query(java.sql.Date.class).optional();
            if (date.isEmpty()) {
                err.println(text("register.purge.noDay", String.valueOf(onlyDay)));
                return 2;
            }
            if (!date.get().toLocalDate().isBefore(today.minusMonths(months))) {
                err.println(text("register.purge.inRetention", String.valueOf(onlyDay), date.get().toLocalDate().plusMonths(months)
                        .plusDays(1)));
                return 2;
            }
        }
        List<DayCounts> days = due(today, months, onlyDay);
        if (days.isEmpty()) {
            out.println(text("register.purge.nothing", months));
            return 0;
        }
        for (DayCounts d : days) {
            out.println(text(dryRun ? "register.purge.wouldDelete" : "register.purge.deleting", d.name(), d.date(),
                    d.residents(), d.requests(), d.cards()));
            if (dryRun) {
                continue;
            }
            try {
                purgeDay(d, out);
            } catch (RuntimeException e) {
                err.println(text("register.purge.failed", d.name(), e.getMessage()));
                return 1;
            }
        }
        if (dryRun) {
            out.println(text("register.purge.dryRun"));
        }
        return 0;
    }

    private void purgeDay(DayCounts d, PrintStream out) {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("residents", d.residents());
        before.put("requests", d.requests());
        before.put("cards", d.cards());
        tx.executeWithoutResult(s -> {
            audit.recordAs("system", "purge-personal-data-start", "election_day", d.dayId(), before, null);
            // Requests and cards first (cards refer to roll and residents, and block their deletion).
            jdbc.sql("""
                    delete from polling_card_request where election_id in
                      (select id from election where election_day_id = :d)""").param("d", d.dayId()).update();
            jdbc.sql("delete from polling_card where election_id in (select id from election where election_day_id = :d)")
                    .param("d", d.dayId()).update();
            jdbc.sql("delete from roll where election_id in (select id from election where election_day_id = :d)")
                    .param("d", d.dayId()).update(); // entries, changes and notice numbers go with it
        });
        long done = 0;
        while (true) {
            Integer deleted = tx.execute(s -> jdbc.sql("""
                    delete from register_resident where id in
                      (select id from register_resident where election_day_id = :d order by id limit :n)""")
                    .param("d", d.dayId()).param("n", BATCH).update());
            if (deleted == null || deleted == 0) {
                break;
            }
            done += deleted;
            out.println(text("register.purge.progress", done, d.residents()));
        }
        long residents = done;
        tx.executeWithoutResult(s -> audit.recordAs("system", "purge-personal-data", "election_day", d.dayId(), before,
                Map.of("residents", 0, "deleted", residents)));
        out.println(text("register.purge.done", d.name(), residents));
    }

    private String text(String key, Object... args) {
        Locale locale = System.getenv().getOrDefault("LANG", "de").startsWith("en") ? Locale.ENGLISH : Locale.GERMAN;
        return messages.getMessage(key, args, key, locale);
    }
}
