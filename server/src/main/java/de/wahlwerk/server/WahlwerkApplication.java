package de.wahlwerk.server;

import de.wahlwerk.server.ops.ClassPreload;
import de.wahlwerk.server.ops.PortCheck;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WahlwerkApplication {

    public static void main(String[] args) {
        boolean command = java.util.Arrays.stream(args).anyMatch(a -> a.startsWith("--wahlwerk.command="));
        if (!command) {
            String configured = java.util.Arrays.stream(args).filter(a -> a.startsWith("--server.port="))
                    .map(a -> a.substring("--server.port=".length())).findFirst()
                    .orElse(System.getenv().getOrDefault("SERVER_PORT", System.getProperty("server.port", "8080")));
            String problem = PortCheck.problemWith(configured);
            if (problem != null) {
                System.err.println(problem);
                System.exit(2);
            }
            // A node serves requests: its classes load before its port opens (ADR 0016).
            // -Dwahlwerk.preload=false only for bench/tools/preload-classes.sh, which writes the list.
            if (!"false".equals(System.getProperty("wahlwerk.preload"))) {
                ClassPreload.start(WahlwerkApplication.class.getClassLoader());
            }
        }
        var context = SpringApplication.run(WahlwerkApplication.class, args);
        if (command) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
