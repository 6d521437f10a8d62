package de.wahlwerk.server.security;

/** Staff roles. Each is granted for an area scope (or installation-wide). */
public enum Role {
    /** Manages elections, areas, units, stations, nominations and staff within the scope. */
    ADMIN,
    /** Enters quick reports for the units assigned to them. */
    CLERK,
    /** Confirms reports entered by others (two-person rule). */
    APPROVER,
    /** Reads internal views (returning officers above the municipality, press officers). */
    OBSERVER;

    public String authority() {
        return "ROLE_" + name();
    }
}
