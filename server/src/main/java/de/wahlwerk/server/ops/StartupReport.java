package de.wahlwerk.server.ops;

import de.wahlwerk.server.security.StaffService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the operator where Wahlwerk answers and, while no administrator exists, prints the
 * one-time setup link that creates the first one. There is no default password.
 */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final StaffService staff;
    private final WahlwerkProperties properties;

    StartupReport(StaffService staff, WahlwerkProperties properties) {
        this.staff = staff;
        this.properties = properties;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String base = baseUrl(web.getWebServer().getPort());
        String token = staff.renewFirstAdministratorLink();
        StringBuilder sb = new StringBuilder("\n\n  Wahlwerk läuft: ").append(base).append("/\n");
        if (token != null) {
            sb.append("  Noch kein Administrator eingerichtet. Einmal-Link (72 Stunden gültig):\n")
              .append("    ").append(base).append("/setup/").append(token).append("\n")
              .append("  Der Link verfällt nach Benutzung und bei jedem Neustart.\n");
        }
        log.info("Wahlwerk ready at {}/{}", base, token != null ? " (first-administrator link printed on the console)" : "");
        System.out.println(sb);
    }

    private String baseUrl(int port) {
        String configured = properties.baseUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return "http://localhost:" + port;
    }
}
