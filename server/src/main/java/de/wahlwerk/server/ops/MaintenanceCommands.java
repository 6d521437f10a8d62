package de.wahlwerk.server.ops;

import de.wahlwerk.server.audit.AuditVerifier;
import java.io.PrintStream;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Commands run instead of serving ({@code wahlwerk.command}), e.g. {@code ./wahlwerk audit verify}.
 * Output goes to the console; the exit code says whether all is well (0) or not (1).
 * Feature modules add commands as {@link Command} beans (e.g. {@code seats} in {@code results}), so
 * that ops does not depend on them.
 */
@Component
public class MaintenanceCommands implements ApplicationRunner, ExitCodeGenerator {

    /** A command of a feature module, run with {@code wahlwerk.command=<name>}; its arguments are properties. */
    public interface Command {
        String name();

        /** Runs the command; returns the exit code. */
        int run(Environment environment, PrintStream out, PrintStream err);
    }

    private final WahlwerkProperties properties;
    private final AuditVerifier verifier;
    private final List<Command> commands;
    private final Environment environment;
    private final org.springframework.context.MessageSource messages;
    private int exitCode;

    MaintenanceCommands(WahlwerkProperties properties, AuditVerifier verifier, List<Command> commands,
            Environment environment, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.properties = properties;
        this.verifier = verifier;
        this.commands = commands;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        switch (properties.command()) {
            case "" -> { }
            case "audit-verify" -> auditVerify();
            default -> commands.stream().filter(c -> c.name().equals(properties.command())).findFirst()
                    .ifPresentOrElse(c -> exitCode = c.run(environment, System.out, System.err), () -> {
                        System.err.println(text("command.unknown", properties.command()));
                        exitCode = 2;
                    });
        }
    }

    private void auditVerify() {
        var result = verifier.verify();
        if (result.ok()) {
            System.out.println(text("command.audit.ok", result.checked()));
            exitCode = 0;
        } else {
            System.out.println(text("command.audit.broken", String.valueOf(result.firstBrokenId()), text(result.reason()), result.checked()));
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** Console texts come from the message bundle, in the operator's language (German unless LANG says English). */
    private String text(String key, Object... args) {
        java.util.Locale locale = System.getenv().getOrDefault("LANG", "de").startsWith("en") ? java.util.Locale.ENGLISH
                : java.util.Locale.GERMAN;
        return messages.getMessage(key, args, key, locale);
    }
}
