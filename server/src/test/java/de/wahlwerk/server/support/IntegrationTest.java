package de.wahlwerk.server.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the integration tests: the real application on a random port, with a real PostgreSQL
 * (the embedded one in target/test-data, or the one SPRING_DATASOURCE_URL names) and the demo
 * election loaded. All subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wahlwerk.data-dir=target/test-data/shared", "wahlwerk.demo=true", "wahlwerk.background-nice=" + IntegrationTest.BACKGROUND_NICE,
                "wahlwerk.open-data.large-district-file=" + IntegrationTest.LARGE_DISTRICT_FILE})
public abstract class IntegrationTest {

    /**
     * The public site's background threads run below normal priority in the tests (the option is
     * off by default): every page test then also shows that a lowered page thread does its work.
     */
    public static final int BACKGROUND_NICE = 5;

    /**
     * A town's district file counts as large in the tests (the demo town and Göttingen have more
     * districts, a city district of the demo town fewer): the open-data tests then show both that a
     * large file, built with the election-wide files, ends up with the last numbers, and that a small
     * one follows every change.
     */
    public static final int LARGE_DISTRICT_FILE = 20;

    static {
        // Each test run starts from an empty database, so that results never depend on an earlier run.
        org.springframework.util.FileSystemUtils.deleteRecursively(java.nio.file.Path.of("target/test-data/shared").toFile());
    }

    @LocalServerPort
    protected int port;

    @org.springframework.beans.factory.annotation.Autowired
    protected org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @org.springframework.beans.factory.annotation.Autowired
    protected de.wahlwerk.server.security.TestAccounts accounts;

    /** The public pages of this node, asked until they show what a test waits for. */
    protected PublicPages publicPages() {
        return new PublicPages(port);
    }

    protected HttpSession session() {
        return new HttpSession(port);
    }

    /** A new account with this role for the demo town (Musterstadt), signed in with both factors. */
    protected HttpSession demoTownStaff(de.wahlwerk.server.security.Role role) {
        return signedIn(accounts, role, "admin", de.wahlwerk.server.setup.DemoElection.AGS);
    }

    /** A new account with this role and scope (null: installation-wide), signed in with both factors. */
    protected HttpSession signedIn(de.wahlwerk.server.security.TestAccounts accounts,
            de.wahlwerk.server.security.Role role, String hierarchy, String key) {
        var a = accounts.create(role, hierarchy, key);
        HttpSession s = session();
        s.login(a.username(), de.wahlwerk.server.security.TestAccounts.PASSWORD, a.code());
        return s;
    }
}
