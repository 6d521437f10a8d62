package de.wahlwerk.server.security;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates staff accounts for tests directly in the database, with a known password and second factor. */
@Component
public class TestAccounts {

    public static final String PASSWORD = "correct horse battery staple";

    /** A created account: log in with {@link #PASSWORD} and {@link #code()}. */
    public record Account(long id, String username, String secret) {
        public String code() {
            try {
                long step = System.currentTimeMillis() / 1000 / 30;
                return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final StaffRepository staff;
    private final PasswordEncoder passwords;
    private final TotpService totp;

    TestAccounts(StaffRepository staff, PasswordEncoder passwords, TotpService totp) {
        this.staff = staff;
        this.passwords = passwords;
        this.totp = totp;
    }

    public Account create(Role role, String scopeHierarchy, String scopeKey) {
        String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = totp.newSecret();
        long id = staff.insert(username, "Test " + role, "0551 12345", passwords.encode(PASSWORD), secret);
        staff.grant(id, new RoleGrant(role, scopeKey == null ? Scope.INSTALLATION : new Scope(scopeHierarchy, scopeKey)));
        return new Account(id, username, secret);
    }
}
