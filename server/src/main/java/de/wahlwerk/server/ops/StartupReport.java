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
    private final org.springframework.context.MessageSource messages;

    StartupReport(StaffService staff, WahlwerkProperties properties, org.springframework.context.MessageSource messages) {
        this.messages = messages;
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
        java.util.Locale locale = System.getenv().getOrDefault("LANG", "de").startsWith("en")
                ? java.util.Locale.ENGLISH : java.util.Locale.GERMAN;
        StringBuilder sb = new StringBuilder("\n\n  ").append(messages.getMessage("startup.running", new Object[] {base + "/"}, locale))
                .append("\n");
        if (token != null) {
            sb.append("  ").append(messages.getMessage("startup.noAdmin", null, locale)).append("\n")
              .append("    ").append(base).append("/setup/").append(token).append("\n")
              .append("  ").append(messages.getMessage("startup.linkExpires", null, locale)).append("\n");
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
