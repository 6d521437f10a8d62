package de.wahlwerk.server.security;

import java.io.Serializable;
import java.security.Principal;
import java.util.List;

/** The signed-in staff member as the rest of the server sees them. */
public record StaffPrincipal(long id, String username, String displayName, List<RoleGrant> grants)
        implements Principal, Serializable {

    public StaffPrincipal {
        grants = List.copyOf(grants);
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean has(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    public boolean isInstallationAdmin() {
        return grants.stream().anyMatch(g -> g.role() == Role.ADMIN && g.scope().isInstallationWide());
    }
}
