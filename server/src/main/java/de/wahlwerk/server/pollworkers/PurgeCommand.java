package de.wahlwerk.server.pollworkers;

import de.wahlwerk.server.ops.MaintenanceCommands;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code ./wahlwerk pollworkers purge --before YYYY-MM-DD [--dry-run]} (run as
 * {@code wahlwerk.command=pollworkers-purge}, {@code wahlwerk.before}, {@code wahlwerk.dry-run}).
 * Exit codes: 0 done, 2 wrong call.
 */
@Component
class PurgeCommand implements MaintenanceCommands.Command {

    private final PollWorkerPurge purge;
    private final MessageSource messages;

    PurgeCommand(PollWorkerPurge purge, MessageSource messages) {
        this.purge = purge;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "pollworkers-purge";
    }

    @Override
    public int run(Environment environment, PrintStream out, PrintStream err) {
        String before = environment.getProperty("wahlwerk.before", "");
        boolean dryRun = Boolean.parseBoolean(environment.getProperty("wahlwerk.dry-run", "false"));
        LocalDate cutoff;
        try {
            cutoff = LocalDate.parse(before);
        } catch (DateTimeParseException e) {
            err.println(text("command.pollworkers.usage", before));
            return 2;
        }
        LocalDate today = LocalDate.now(PortalTokens.ZONE);
        if (!cutoff.isBefore(today)) {
            err.println(text("command.pollworkers.future", cutoff.toString()));
            return 2;
        }
        var outcome = purge.purge(cutoff, today, dryRun);
        out.println(dryRun ? text("command.pollworkers.dryRun", outcome.found(), cutoff.toString())
                : text("command.pollworkers.done", outcome.deleted(), cutoff.toString()));
        return 0;
    }

    /** Console texts in the operator's language (German unless LANG says English), as the other commands. */
    private String text(String key, Object... args) {
        Locale locale = System.getenv().getOrDefault("LANG", "de").startsWith("en") ? Locale.ENGLISH : Locale.GERMAN;
        return messages.getMessage(key, args, key, locale);
    }
}
