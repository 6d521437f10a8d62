package de.wahlwerk.server.security;

/** One role of a staff member within one scope. */
public record RoleGrant(Role role, Scope scope) {}
