package de.wahlwerk.server.security;

import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Area-scoped authorisation: one installation serves many municipalities, so every role holds
 * only within its scope. A grant covers an area when the area or one of its ancestors carries the
 * grant's hierarchy and key; an installation-wide grant covers everything.
 *
 * <p>The URL rules in {@link SecurityConfig} decide which roles reach an endpoint at all; the
 * feature services then ask this class about the concrete object.
 */
@Component
public class AccessPolicy {

    private final AreaScopes areas;

    public AccessPolicy(AreaScopes areas) {
        this.areas = areas;
    }

    /** The signed-in staff member; throws if there is none (endpoints are protected, so that is a bug). */
    public StaffPrincipal current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal p) {
            return p;
        }
        throw new AccessDeniedException("not signed in");
    }

    /** Whether the current user holds the role for the area (directly or above it). */
    public boolean covers(Role role, long areaId) {
        return coversAny(areaId, role);
    }

    /**
     * Whether the user holds any of the roles for the area (or above it). One read of the area's
     * ancestors for all roles: entry asks this for every report, twice (clerk and approver).
     */
    public boolean coversAny(long areaId, Role... roles) {
        return coversAny(areas.ancestorsOrSelf(areaId), roles);
    }

    /**
     * As {@link #coversAny(long, Role...)}, for an area whose chain (the area and its ancestors,
     * as scopes) the caller has already read, e.g. from entry's cached view of the set-up.
     */
    public boolean coversAny(List<Scope> chain, Role... roles) {
        List<Role> wanted = List.of(roles);
        return current().grants().stream()
                .filter(g -> wanted.contains(g.role()))
                .anyMatch(g -> g.scope().isInstallationWide() || chain.contains(g.scope()));
    }

    /** Day-level things (the election day, its elections, election-wide nominations) belong to its organiser. */
    public boolean canManageDay(long electionDayId) {
        return holdsForDay(Role.ADMIN, electionDayId);
    }

    /** Whether the current user holds the role for the election day's own scope or above it (as {@link #canManageDay}). */
    public boolean holdsForDay(Role role, long electionDayId) {
        List<Scope> chain = areas.dayScopeChain(electionDayId);
        return current().grants().stream()
                .filter(g -> g.role() == role)
                .anyMatch(g -> g.scope().isInstallationWide() || chain.contains(g.scope()));
    }

    /** Any staff member whose scope lies within the day (or above it) may see the day. */
    public boolean canViewDay(long electionDayId) {
        List<Scope> chain = areas.dayScopeChain(electionDayId);
        return current().grants().stream().anyMatch(g -> g.scope().isInstallationWide()
                || chain.contains(g.scope()) || areas.dayContains(electionDayId, g.scope()));
    }

    public boolean canManageArea(long areaId) {
        return covers(Role.ADMIN, areaId);
    }

    /** Whether the user may see the area: a grant at, above or below it. */
    public boolean canViewArea(long electionDayId, long areaId) {
        return current().grants().stream().anyMatch(g -> g.scope().isInstallationWide())
                || current().grants().stream().map(RoleGrant::role).distinct().anyMatch(r -> covers(r, areaId))
                || canViewDay(electionDayId);
    }

    public void requireManageDay(long electionDayId) {
        if (!canManageDay(electionDayId)) {
            throw new AccessDeniedException("not an administrator of election day " + electionDayId);
        }
    }

    public void requireViewDay(long electionDayId) {
        if (!canViewDay(electionDayId)) {
            throw new AccessDeniedException("election day " + electionDayId + " is outside the user's scope");
        }
    }

    public void requireManageArea(long areaId) {
        if (!canManageArea(areaId)) {
            throw new AccessDeniedException("area " + areaId + " is outside the user's scope");
        }
    }
}
