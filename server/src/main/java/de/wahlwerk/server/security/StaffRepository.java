package de.wahlwerk.server.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of staff accounts and their role grants. */
@Repository
class StaffRepository {

    private final JdbcClient jdbc;

    StaffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StaffAccount> findByUsername(String username) {
        return jdbc.sql("select * from app_user where lower(username) = lower(:u)").param("u", username)
                .query((rs, i) -> map(rs)).optional();
    }

    Optional<StaffAccount> findById(long id) {
        return jdbc.sql("select * from app_user where id = :id").param("id", id).query((rs, i) -> map(rs)).optional();
    }

    List<StaffAccount> findAll() {
        return jdbc.sql("select * from app_user order by username").query((rs, i) -> map(rs)).list();
    }

    List<RoleGrant> grantsOf(long userId) {
        return jdbc.sql("select role, scope_hierarchy, scope_key from role_assignment where user_id = :id order by id")
                .param("id", userId)
                .query((rs, i) -> new RoleGrant(Role.valueOf(rs.getString(1)),
                        new Scope(rs.getString(2), rs.getString(3))))
                .list();
    }

    boolean anyAdministratorExists() {
        return jdbc.sql("select count(*) from role_assignment where role = 'ADMIN'").query(Long.class).single() > 0;
    }

    long insert(String username, String displayName, String phone, String passwordHash, String totpSecret) {
        return jdbc.sql("""
                insert into app_user (username, display_name, phone, password_hash, totp_secret)
                values (:u, :d, :p, :h, :t) returning id""")
                .param("u", username).param("d", displayName).param("p", phone)
                .param("h", passwordHash).param("t", totpSecret)
                .query(Long.class).single();
    }

    void grant(long userId, RoleGrant grant) {
        jdbc.sql("insert into role_assignment (user_id, role, scope_hierarchy, scope_key) values (:u, :r, :h, :k)")
                .param("u", userId).param("r", grant.role().name())
                .param("h", grant.scope().hierarchy()).param("k", grant.scope().key())
                .update();
    }

    void revoke(long userId, RoleGrant grant) {
        jdbc.sql("""
                delete from role_assignment where user_id = :u and role = :r
                and coalesce(scope_hierarchy, '') = coalesce(:h, '') and coalesce(scope_key, '') = coalesce(:k, '')""")
                .param("u", userId).param("r", grant.role().name())
                .param("h", grant.scope().hierarchy()).param("k", grant.scope().key())
                .update();
    }

    void setCredentials(long userId, String passwordHash, String totpSecret) {
        jdbc.sql("update app_user set password_hash = :h, totp_secret = :t, failed_logins = 0, locked_until = null where id = :id")
                .param("h", passwordHash).param("t", totpSecret).param("id", userId).update();
    }

    void setEnabled(long userId, boolean enabled) {
        jdbc.sql("update app_user set enabled = :e where id = :id").param("e", enabled).param("id", userId).update();
    }

    void recordFailure(long userId, int failures, Instant lockedUntil) {
        jdbc.sql("update app_user set failed_logins = :f, locked_until = :l where id = :id")
                .param("f", failures).param("l", lockedUntil == null ? null : Timestamp.from(lockedUntil))
                .param("id", userId).update();
    }

    void recordSuccess(long userId) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where id = :id").param("id", userId).update();
    }

    private static StaffAccount map(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new StaffAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("phone"), rs.getString("password_hash"), rs.getString("totp_secret"),
                rs.getBoolean("enabled"), rs.getInt("failed_logins"), locked == null ? null : locked.toInstant());
    }
}
