package de.wahlwerk.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WahlwerkApplication {

    public static void main(String[] args) {
        SpringApplication.run(WahlwerkApplication.class, args);
    }
}
