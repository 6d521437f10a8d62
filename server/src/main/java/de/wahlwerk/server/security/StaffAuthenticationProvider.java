package de.wahlwerk.server.security;

import de.wahlwerk.server.web.RateLimiter;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks user name, password (Argon2id) and — for every account that has one, which includes
 * every administrator — the one-time code of the second factor, in one step.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    /** Thrown when the password was right but the one-time code was missing or wrong. */
    static final class SecondFactorException extends AuthenticationException {
        SecondFactorException() {
            super("second factor missing or wrong");
        }
    }

    /** Compared against when the user does not exist, so that timing does not reveal it. */
    private final String dummyHash;
    private final StaffRepository staff;
    private final PasswordEncoder passwords;
    private final TotpService totp;
    private final LoginThrottle throttle;

    StaffAuthenticationProvider(StaffRepository staff, PasswordEncoder passwords, TotpService totp, LoginThrottle throttle) {
        this.staff = staff;
        this.passwords = passwords;
        this.totp = totp;
        this.throttle = throttle;
        this.dummyHash = passwords.encode("no such user");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        LoginDetails details = authentication.getDetails() instanceof LoginDetails d ? d : null;
        String address = details == null ? "?" : details.getRemoteAddress();
        try (RateLimiter.Attempt attempt = throttle.attempt(address)) {
            if (!attempt.admitted()) {
                throw new LockedException("too many failed logins from " + address);
            }
            return checkCredentials(authentication, details, attempt);
        }
    }

    /** The login itself; every failure that says something about the password counts against the address. */
    private Authentication checkCredentials(Authentication authentication, LoginDetails details,
            RateLimiter.Attempt attempt) {
        String username = authentication.getName() == null ? "" : authentication.getName().trim();
        String password = String.valueOf(authentication.getCredentials());
        var account = staff.findByUsername(username).orElse(null);
        if (account == null) {
            passwords.matches(password, dummyHash);
            attempt.count();
            throw new BadCredentialsException("bad credentials");
        }
        if (account.lockedUntil() != null && account.lockedUntil().isAfter(throttle.now())) {
            throw new LockedException("account locked until " + account.lockedUntil());
        }
        if (!passwords.matches(password, account.passwordHash())) {
            fail(account, attempt);
            throw new BadCredentialsException("bad credentials");
        }
        if (account.totpSecret() != null && !totp.verify(account.totpSecret(), details == null ? null : details.code())) {
            fail(account, attempt);
            throw new SecondFactorException();
        }
        if (!account.enabled()) {
            throw new DisabledException("account disabled");
        }
        staff.recordSuccess(account.id());
        List<RoleGrant> grants = staff.grantsOf(account.id());
        StaffPrincipal principal = new StaffPrincipal(account.id(), account.username(), account.displayName(), grants);
        var authorities = grants.stream().map(g -> g.role().authority()).distinct()
                .map(SimpleGrantedAuthority::new).toList();
        var result = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        result.setDetails(authentication.getDetails());
        return result;
    }

    private void fail(StaffAccount account, RateLimiter.Attempt attempt) {
        int failures = account.failedLogins() + 1;
        staff.recordFailure(account.id(), failures, throttle.lockUntil(failures));
        attempt.count();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
