package de.wahlwerk.server.security;

import java.util.List;

/**
 * What security needs to know about areas to decide scopes: the chain from an area up to its root.
 * Implemented by the setup feature, which owns the areas.
 */
public interface AreaScopes {

    /** The area itself and all its ancestors, as scopes (hierarchy + official key), nearest first. */
    List<Scope> ancestorsOrSelf(long areaId);

    /** The areas of an election day's own scope and of its organiser, as scopes; see {@link AccessPolicy}. */
    List<Scope> dayScopeChain(long electionDayId);

    /** Whether the election day contains an area with the given scope's hierarchy and key. */
    boolean dayContains(long electionDayId, Scope scope);
}
