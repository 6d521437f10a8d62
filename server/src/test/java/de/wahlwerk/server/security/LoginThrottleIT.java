package de.wahlwerk.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wahlwerk.server.support.AllAtOnce;
import de.wahlwerk.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The address limit of logins through the real authentication provider (Argon2id, PostgreSQL):
 * each test uses addresses of its own, so the in-memory limiter of the shared context does not
 * carry over to other tests.
 */
class LoginThrottleIT extends IntegrationTest {

    @Autowired
    StaffAuthenticationProvider provider;

    @Test
    void fiftyConcurrentGuessesFromOneAddressAreCheckedAtMostThirtyTimes() throws Exception {
        // Each guess hashes a password (tens of milliseconds), so without one atomic step all fifty
        // would pass the address check before the first failure were counted.
        AllAtOnce guesses = new AllAtOnce(50);
        int checked = guesses.count(() -> {
            try {
                provider.authenticate(login("nobody-" + Thread.currentThread().threadId(), "guess", "198.51.100.50"));
                throw new AssertionError("an unknown user was let in");
            } catch (BadCredentialsException wrong) {
                return true;
            } catch (LockedException blocked) {
                return false;
            }
        });
        assertThat(checked).isEqualTo(LoginThrottle.MAX_FAILURES_PER_ADDRESS);
    }

    @Test
    void successfulLoginsFromAnAddressDoNotCountAgainstIt() {
        var clerk = accounts.create(Role.CLERK, null, null);
        String address = "2001:db8:77:1::1";
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS - 1; i++) {
            assertThatThrownBy(() -> provider.authenticate(login("nobody", "guess", address)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        for (int i = 0; i < 40; i++) {
            assertThat(provider.authenticate(login(clerk.username(), TestAccounts.PASSWORD, clerk.code(), address))
                    .isAuthenticated()).isTrue();
        }
        // The 30th failure comes from another address of the same /64.
        assertThatThrownBy(() -> provider.authenticate(login("nobody", "guess", "2001:db8:77:1::2")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(login(clerk.username(), TestAccounts.PASSWORD, clerk.code(),
                "2001:db8:77:1:ffff::9"))).isInstanceOf(LockedException.class);
        assertThat(provider.authenticate(login(clerk.username(), TestAccounts.PASSWORD, clerk.code(), "2001:db8:77:2::1"))
                .isAuthenticated()).as("another /64").isTrue();
    }

    private static Authentication login(String username, String password, String address) {
        return login(username, password, null, address);
    }

    private static Authentication login(String username, String password, String code, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr(address);
        if (code != null) {
            request.setParameter("code", code);
        }
        var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new LoginDetails(request));
        return token;
    }
}
