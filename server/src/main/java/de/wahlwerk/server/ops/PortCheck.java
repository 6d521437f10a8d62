package de.wahlwerk.server.ops;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks the HTTP port before anything else starts, so that a port in use ends the start with a
 * message that says what to do, instead of a stack trace after the database has come up.
 */
public final class PortCheck {

    private PortCheck() {}

    /** Like {@link #problem(int)}, for the port as configured (text from the environment). */
    public static String problemWith(String configured) {
        int port;
        try {
            port = Integer.parseInt(configured.trim());
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            return "SERVER_PORT \"" + configured + "\" ist keine gültige Portnummer (0–65535), z. B. SERVER_PORT=8080.\n"
                    + "SERVER_PORT \"" + configured + "\" is not a valid port number.";
        }
        return problem(port);
    }

    /** Null if the port is free, else the message to show. */
    public static String problem(int port) {
        if (port == 0) {
            return null;
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
            return null;
        } catch (IOException e) {
            return "Port " + port + " ist schon belegt (läuft Wahlwerk bereits?). "
                    + "Beenden Sie das andere Programm oder wählen Sie einen anderen Port, z. B.: "
                    + "SERVER_PORT=" + (port + 1) + " ./wahlwerk start\n"
                    + "Port " + port + " is already in use. Stop the other program or choose another port.";
        }
    }
}
