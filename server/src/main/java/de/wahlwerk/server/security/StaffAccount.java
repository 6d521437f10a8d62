package de.wahlwerk.server.security;

import java.time.Instant;

/** A row of app_user. The password hash and TOTP secret never leave the security package. */
record StaffAccount(long id, String username, String displayName, String phone, String passwordHash,
        String totpSecret, boolean enabled, int failedLogins, Instant lockedUntil) {}
