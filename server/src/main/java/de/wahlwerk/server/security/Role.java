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
    OBSERVER,
    /**
     * Staffs the electoral boards: sees and changes poll workers' personal data within the scope
     * (and nothing else beyond what every staff member sees). Administrators may do the same.
     */
    POLL_WORKER_OFFICE;

    /** Roles that see personal data or change the setup must sign in with a second factor. */
    public boolean needsSecondFactor() {
        return this == ADMIN || this == POLL_WORKER_OFFICE;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
