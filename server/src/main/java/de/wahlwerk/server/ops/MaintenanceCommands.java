package de.wahlwerk.server.ops;

import de.wahlwerk.server.audit.AuditVerifier;
import de.wahlwerk.server.results.SeatsCommand;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Commands run instead of serving ({@code wahlwerk.command}), e.g. {@code ./wahlwerk audit verify}, or
 * {@code ./wahlwerk seats --election <id>} ({@code seats} with {@code wahlwerk.election=<id>}).
 * Output goes to the console; the exit code says whether all is well (0) or not (1).
 */
@Component
class MaintenanceCommands implements ApplicationRunner, ExitCodeGenerator {

    private final WahlwerkProperties properties;
    private final AuditVerifier verifier;
    private final SeatsCommand seats;
    private final Environment environment;
    private int exitCode;

    MaintenanceCommands(WahlwerkProperties properties, AuditVerifier verifier, SeatsCommand seats,
            Environment environment) {
        this.properties = properties;
        this.verifier = verifier;
        this.seats = seats;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        switch (properties.command()) {
            case "" -> { }
            case "audit-verify" -> auditVerify();
            case "seats" -> exitCode = seats.printElection(environment.getProperty("wahlwerk.election"), System.out,
                    System.err);
            default -> {
                System.err.println("Unbekannter Befehl: " + properties.command());
                exitCode = 2;
            }
        }
    }

    private void auditVerify() {
        var result = verifier.verify();
        if (result.ok()) {
            System.out.println("Audit-Protokoll intakt: " + result.checked() + " Einträge geprüft.");
            exitCode = 0;
        } else {
            System.out.println("Audit-Protokoll GEBROCHEN ab Eintrag " + result.firstBrokenId() + ": " + result.reason()
                    + " (" + result.checked() + " Einträge gelesen).");
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
