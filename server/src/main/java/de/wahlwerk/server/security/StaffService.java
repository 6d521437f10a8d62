package de.wahlwerk.server.security;

import de.wahlwerk.server.audit.AuditLog;
import de.wahlwerk.server.web.FieldProblem;
import de.wahlwerk.server.web.InvalidInputException;
import de.wahlwerk.server.web.NotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: the first administrator, invitations, role grants within the granter's scope. */
@Service
public class StaffService {

    /** How long an invitation or the first-administrator link stays valid. */
    static final Duration LINK_VALIDITY = Duration.ofHours(72);

    /** What lists and detail pages show of an account (never hash or secret). */
    public record StaffView(long id, String username, String displayName, String phone, boolean enabled,
            boolean secondFactor, boolean locked, List<RoleGrant> grants) {}

    private final StaffRepository staff;
    private final SetupTokens tokens;
    private final PasswordEncoder passwords;
    private final TotpService totp;
    private final AuditLog audit;
    private final AccessPolicy access;

    StaffService(StaffRepository staff, SetupTokens tokens, PasswordEncoder passwords, TotpService totp,
            AuditLog audit, AccessPolicy access) {
        this.staff = staff;
        this.tokens = tokens;
        this.passwords = passwords;
        this.totp = totp;
        this.audit = audit;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public boolean needsFirstAdministrator() {
        return !staff.anyAdministratorExists();
    }

    /** A fresh first-administrator link (older ones stop working), or null if an administrator exists. */
    @Transactional
    public String renewFirstAdministratorLink() {
        if (staff.anyAdministratorExists()) {
            return null;
        }
        tokens.revokeFirstAdminLinks();
        return tokens.issue(null, LINK_VALIDITY);
    }

    /** What a one-time link is for, if it is valid: the invited account, or empty for the first administrator. */
    @Transactional(readOnly = true)
    public java.util.Optional<LinkTarget> linkTarget(String token) {
        return tokens.find(token).map(v -> {
            if (v.userId() == null) {
                return new LinkTarget(null, null, true);
            }
            var account = staff.findById(v.userId()).orElseThrow();
            boolean admin = staff.grantsOf(account.id()).stream().anyMatch(g -> g.role().needsSecondFactor());
            return new LinkTarget(account.id(), account.username(), admin);
        });
    }

    /** @param secondFactorRequired administrators must set up the second factor */
    public record LinkTarget(Long userId, String username, boolean secondFactorRequired) {
        public boolean firstAdministrator() {
            return userId == null;
        }
    }

    /** Sets credentials through a one-time link; creates the first administrator when the link is for that. */
    @Transactional
    public void completeLink(String token, AccountForm form) {
        var valid = tokens.find(token).orElseThrow(() -> new InvalidInputException(FieldProblem.of(null, "account.linkInvalid")));
        var target = linkTarget(token).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        if (!form.getPassword().equals(form.getPasswordRepeat())) {
            problems.add(FieldProblem.of("passwordRepeat", "account.passwordMismatch"));
        }
        boolean wantsTotp = form.getCode() != null && !form.getCode().isBlank();
        if (target.secondFactorRequired() && !wantsTotp) {
            problems.add(FieldProblem.of("code", "account.codeRequired"));
        }
        if (wantsTotp && !totp.verify(form.getSecret(), form.getCode())) {
            problems.add(FieldProblem.of("code", "account.codeWrong"));
        }
        if (target.firstAdministrator()) {
            if (form.getUsername() == null || form.getUsername().isBlank()) {
                problems.add(FieldProblem.of("username", "field.required"));
            } else if (staff.findByUsername(form.getUsername()).isPresent()) {
                problems.add(FieldProblem.of("username", "account.usernameTaken"));
            }
            if (form.getDisplayName() == null || form.getDisplayName().isBlank()) {
                problems.add(FieldProblem.of("displayName", "field.required"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!tokens.consume(valid)) {
            throw new InvalidInputException(FieldProblem.of(null, "account.linkInvalid"));
        }
        String hash = passwords.encode(form.getPassword());
        String secret = wantsTotp ? form.getSecret() : null;
        if (target.firstAdministrator()) {
            if (staff.anyAdministratorExists()) {
                throw new InvalidInputException(FieldProblem.of(null, "account.linkInvalid"));
            }
            long id = staff.insert(form.getUsername(), form.getDisplayName(), null, hash, secret);
            RoleGrant grant = new RoleGrant(Role.ADMIN, Scope.INSTALLATION);
            staff.grant(id, grant);
            audit.recordAs(form.getUsername(), "create-first-admin", "app_user", id, null,
                    Map.of("username", form.getUsername(), "grants", List.of(grant)));
        } else {
            staff.setCredentials(target.userId(), hash, secret);
            audit.recordAs(target.username(), "set-credentials", "app_user", target.userId(), null,
                    Map.of("secondFactor", secret != null));
        }
    }

    @Transactional(readOnly = true)
    public List<StaffView> list() {
        return staff.findAll().stream().map(this::view).filter(this::visibleToCurrent).toList();
    }

    @Transactional(readOnly = true)
    public StaffView get(long id) {
        StaffView v = staff.findById(id).map(this::view).orElseThrow(() -> new NotFoundException("user", id));
        if (!visibleToCurrent(v)) {
            throw new NotFoundException("user", id);
        }
        return v;
    }

    /** Creates an account and returns its one-time invitation token. */
    @Transactional
    public Invitation invite(StaffForm form) {
        if (staff.findByUsername(form.getUsername()).isPresent()) {
            throw new InvalidInputException(FieldProblem.of("username", "account.usernameTaken"));
        }
        RoleGrant grant = form.grant();
        requireMayGrant(grant);
        // The password is unusable until the invited person sets their own through the link.
        long id = staff.insert(form.getUsername(), form.getDisplayName(), form.getPhone(),
                passwords.encode(java.util.UUID.randomUUID().toString()), null);
        staff.grant(id, grant);
        String token = tokens.issue(id, LINK_VALIDITY);
        audit.record("invite", "app_user", id, null, Map.of("username", form.getUsername(),
                "displayName", form.getDisplayName(), "grants", List.of(grant)));
        return new Invitation(id, token);
    }

    public record Invitation(long userId, String token) {}

    /** A new one-time link for an existing account (forgotten password, lost phone). */
    @Transactional
    public Invitation reinvite(long userId) {
        StaffView v = get(userId);
        v.grants().forEach(this::requireMayGrant);
        staff.setCredentials(userId, passwords.encode(java.util.UUID.randomUUID().toString()), null);
        String token = tokens.issue(userId, LINK_VALIDITY);
        audit.record("reinvite", "app_user", userId, null, Map.of("username", v.username()));
        return new Invitation(userId, token);
    }

    @Transactional
    public void grant(long userId, RoleGrant grant) {
        StaffView before = get(userId);
        requireMayGrant(grant);
        if (before.grants().contains(grant)) {
            return;
        }
        if (grant.role().needsSecondFactor() && !before.secondFactor()) {
            throw new InvalidInputException(FieldProblem.of("role", "account.adminNeedsSecondFactor"));
        }
        staff.grant(userId, grant);
        audit.record("grant", "app_user", userId, before.grants(), get(userId).grants());
    }

    @Transactional
    public void revoke(long userId, RoleGrant grant) {
        StaffView before = get(userId);
        requireMayGrant(grant);
        if (grant.role() == Role.ADMIN && grant.scope().isInstallationWide() && userId == access.current().id()) {
            throw new InvalidInputException(FieldProblem.of("role", "account.cannotRevokeOwnAdmin"));
        }
        staff.revoke(userId, grant);
        audit.record("revoke", "app_user", userId, before.grants(), get(userId).grants());
    }

    @Transactional
    public void setEnabled(long userId, boolean enabled) {
        StaffView before = get(userId);
        before.grants().forEach(this::requireMayGrant);
        if (!enabled && userId == access.current().id()) {
            throw new InvalidInputException(FieldProblem.of(null, "account.cannotDisableSelf"));
        }
        staff.setEnabled(userId, enabled);
        audit.record(enabled ? "enable" : "disable", "app_user", userId,
                Map.of("enabled", before.enabled()), Map.of("enabled", enabled));
    }

    /** An administrator may grant roles only within their own administrative scopes. */
    private void requireMayGrant(RoleGrant grant) {
        boolean ok = access.current().grants().stream()
                .filter(g -> g.role() == Role.ADMIN)
                .anyMatch(g -> g.scope().isInstallationWide() || g.scope().equals(grant.scope())
                        || within(grant.scope(), g.scope()));
        if (!ok) {
            throw new AccessDeniedException("grant outside the administrator's scope: " + grant);
        }
    }

    /**
     * Whether scope {@code inner} lies within {@code outer}. In the administrative hierarchy keys are
     * AGS prefixes (state 2, county 5, municipality 8 digits, city districts longer), so containment
     * is a prefix test; other hierarchies only contain themselves.
     */
    static boolean within(Scope inner, Scope outer) {
        if (inner.isInstallationWide() || outer.isInstallationWide()) {
            return outer.isInstallationWide();
        }
        return inner.hierarchy().equals(outer.hierarchy()) && "admin".equals(outer.hierarchy())
                && inner.key().startsWith(outer.key());
    }

    private boolean visibleToCurrent(StaffView v) {
        StaffPrincipal me = access.current();
        if (me.isInstallationAdmin() || me.id() == v.id()) {
            return true;
        }
        return v.grants().stream().allMatch(g -> me.grants().stream()
                .filter(m -> m.role() == Role.ADMIN)
                .anyMatch(m -> m.scope().equals(g.scope()) || within(g.scope(), m.scope())));
    }

    private StaffView view(StaffAccount a) {
        boolean locked = a.lockedUntil() != null && a.lockedUntil().isAfter(java.time.Instant.now());
        return new StaffView(a.id(), a.username(), a.displayName(), a.phone(), a.enabled(), a.totpSecret() != null,
                locked, staff.grantsOf(a.id()));
    }

    /** For the status line of the admin pages. */
    public Map<Role, Long> countByRole() {
        Map<Role, Long> m = new LinkedHashMap<>();
        for (StaffView v : list()) {
            v.grants().forEach(g -> m.merge(g.role(), 1L, Long::sum));
        }
        return m;
    }
}
