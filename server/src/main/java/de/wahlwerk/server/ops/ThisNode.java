package de.wahlwerk.server.ops;

import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Names this running node among those sharing one database, so that it can tell its own
 * notifications from other nodes' (a node applies its own confirmations right after their commit
 * and need not read them again when PostgreSQL echoes the notification back). New at every start:
 * nothing is kept under it.
 */
@Component
public class ThisNode {

    private final String id = UUID.randomUUID().toString();

    public String id() {
        return id;
    }
}
