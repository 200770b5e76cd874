package org.qualigraph.account;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.ConflictException;
import org.qualigraph.base.FieldProblem;
import org.qualigraph.base.LanguagePreference;
import org.qualigraph.base.NotFoundException;
import org.qualigraph.base.Roles;
import org.qualigraph.base.UiLanguages;
import org.qualigraph.base.graph.Graph;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manages users and answers Spring Security's user look-ups. Usernames and roles are checked here so that the admin
 * page and {@code POST /api/admin/users} refuse the same bad input in the same words.
 */
@Service
public class AccountService implements UserDetailsService, LanguagePreference {

    static final Set<String> ROLES = Set.of(Roles.ADMIN, Roles.DESIGNER, Roles.REVIEWER);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,64}");
    private static final int MIN_PASSWORD = 8;

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final Graph neo4j;

    AccountService(UserStore users, PasswordEncoder encoder, LoginThrottle throttle, Graph neo4j) {
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.neo4j = neo4j;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        // every API request signs in (HTTP Basic): one statement reads the account and its login lock
        var row = neo4j.query("""
                MATCH (u:User {username: $username})
                """ + LoginThrottle.LOCK_COLUMNS + """
                RETURN u.username AS username, u.passwordHash AS hash, coalesce(u.roles, []) AS roles,
                       coalesce(u.enabled, false) AS enabled, counted, locked
                """).bindAll(Map.of("username", username == null ? "" : username, "lockKey", LoginThrottle.lockKey(username)))
                .fetch().one().orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        @SuppressWarnings("unchecked")
        var roles = (List<String>) row.get("roles");
        // an account made through an identity provider has no password: "" never matches one
        String hash = row.get("hash") == null ? "" : (String) row.get("hash");
        return User.withUsername((String) row.get("username")).password(hash)
                .authorities(roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList())
                .disabled(!(Boolean) row.get("enabled"))
                .accountLocked(throttle.locked(username, (Boolean) row.get("counted"), (Boolean) row.get("locked"))).build();
    }

    @Transactional
    public UserInfo create(String username, String password, Set<String> roles) {
        return create(username, password, roles, null);
    }

    /**
     * A new local account of a partner organisation ({@code organisation} null or blank: of none). The organisation
     * decides which qualifications a designer may change (see the curriculum's ownership rules).
     */
    @Transactional
    public UserInfo create(String username, String password, Set<String> roles, String organisation) {
        var problems = new ArrayList<FieldProblem>();
        String partner = checkOrganisation(organisation, problems);
        if (username == null || !USERNAME.matcher(username).matches()) {
            problems.add(FieldProblem.of("username", "problem.account.username"));
        }
        checkPassword(password, problems);
        checkRoles(roles, problems);
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        if (users.existsById(username)) {
            throw new ConflictException("a user named " + username + " exists already",
                    org.qualigraph.base.Message.of("refusal.account.exists", username), java.util.List.of());
        }
        var account = new UserAccount(username, encoder.encode(password), new LinkedHashSet<>(roles), true,
                Instant.now(), null);
        account.setOrganisation(partner);
        return info(users.save(account));
    }

    /**
     * The local account of someone who signed in through an identity provider (OpenID Connect): found by the
     * provider's issuer and the person's subject, or created on their first sign-in in the organisation the provider
     * maps to, <em>with no role</em> until an administrator grants one, and without a password (local sign-in with
     * its name is impossible). The username is the person's preferred name when it is free and valid, made unique
     * otherwise, so an identity provider can never take over a local account such as {@code admin}. A disabled
     * account stays disabled: the caller refuses the sign-in.
     */
    @Transactional
    public UserInfo signInFromIdentityProvider(String issuer, String subject, String preferredName, String organisation) {
        var existing = users.findByOidcIssuerAndOidcSubject(issuer, subject);
        if (existing.isPresent()) {
            return info(existing.get());
        }
        var problems = new ArrayList<FieldProblem>();
        String partner = checkOrganisation(organisation, problems);
        if (!problems.isEmpty()) {
            partner = null;
        }
        String base = preferredName == null ? "" : preferredName.replaceAll("[^A-Za-z0-9._@-]", "");
        if (base.length() < 2) {
            base = "user-" + Integer.toHexString((issuer + " " + subject).hashCode());
        }
        base = base.length() > 56 ? base.substring(0, 56) : base;
        String username = base;
        for (int n = 2; users.existsById(username); n++) {
            username = base + "-" + n;
        }
        var account = new UserAccount(username, null, new LinkedHashSet<>(), true, Instant.now(), null);
        account.setOrganisation(partner);
        account.linkIdentity(issuer, subject);
        var saved = users.save(account);
        org.slf4j.LoggerFactory.getLogger(AccountService.class).info(
                "Created account '{}' (organisation {}) on the first sign-in through {}; it has no role until an "
                        + "administrator grants one", username, partner, issuer);
        return info(saved);
    }

    /** The user, if there is one by that name. */
    @Transactional(readOnly = true)
    public java.util.Optional<UserInfo> find(String username) {
        return username == null ? java.util.Optional.empty() : users.findById(username).map(AccountService::info);
    }

    /** The partner organisations users belong to, sorted, each once: the choices of the Users page and list filters. */
    @Transactional(readOnly = true)
    public List<String> organisations() {
        return neo4j.query("MATCH (u:User) WHERE u.organisation IS NOT NULL RETURN DISTINCT u.organisation ORDER BY u.organisation")
                .fetchAs(String.class).all().stream().toList();
    }

    /** Moves the user to another partner organisation ({@code null} or blank: none). */
    @Transactional
    public UserInfo changeOrganisation(String username, String organisation) {
        var problems = new ArrayList<FieldProblem>();
        String partner = checkOrganisation(organisation, problems);
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        var account = users.findById(username).orElseThrow(() -> noUser(username));
        account.setOrganisation(partner);
        return info(users.save(account));
    }

    @Transactional(readOnly = true)
    public List<UserInfo> list() {
        return users.findAllByOrderByUsername().stream().map(AccountService::info).toList();
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return users.existsById(username);
    }

    @Transactional
    public UserInfo update(String username, Set<String> roles, boolean enabled) {
        var problems = new ArrayList<FieldProblem>();
        checkRoles(roles, problems);
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        var account = users.findById(username).orElseThrow(() -> noUser(username));
        if (!roles.contains(Roles.ADMIN) || !enabled) {
            requireAnotherAdmin(username);
        }
        account.setRoles(new LinkedHashSet<>(roles));
        account.setEnabled(enabled);
        return info(users.save(account));
    }

    @Transactional
    public void changePassword(String username, String password) {
        var problems = new ArrayList<FieldProblem>();
        checkPassword(password, problems);
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        var account = users.findById(username).orElseThrow(() -> noUser(username));
        account.setPasswordHash(encoder.encode(password));
        users.save(account);
        throttle.reset(username);
    }

    /**
     * Lifts every sign-in lock of this account, from every address (the login throttle's unlock path, for
     * administrators); a lock also ends by itself after the lock period.
     */
    @Transactional
    public void unlock(String username) {
        if (!users.existsById(username)) {
            throw noUser(username);
        }
        throttle.reset(username);
    }

    @Transactional
    public void delete(String username) {
        if (!users.existsById(username)) {
            throw noUser(username);
        }
        requireAnotherAdmin(username);
        users.deleteById(username);
    }

    /** The interface language the user picked last, so it is applied again after signing in. */
    @Override
    @Transactional(readOnly = true)
    public Optional<String> preferredLanguage(String username) {
        return users.findById(username).map(UserAccount::getLanguage).filter(tag -> UiLanguages.of(tag) != null);
    }

    @Override
    @Transactional
    public void rememberLanguage(String username, String languageTag) {
        var locale = UiLanguages.of(languageTag);
        if (locale == null) {
            throw new BadInputException(List.of(FieldProblem.of("language", "problem.account.language", languageTag)));
        }
        var account = users.findById(username).orElseThrow(() -> noUser(username));
        if (!locale.toLanguageTag().equals(account.getLanguage())) {
            account.setLanguage(locale.toLanguageTag());
            users.save(account);
        }
    }

    /** Creates {@code admin} with all roles if it does not exist; returns true when it did. */
    @Transactional
    boolean createAdminIfMissing(String password) {
        if (users.existsById("admin")) {
            return false;
        }
        users.save(new UserAccount("admin", encoder.encode(password), new LinkedHashSet<>(List.of(Roles.ADMIN,
                Roles.DESIGNER, Roles.REVIEWER)), true, Instant.now(), null));
        return true;
    }

    static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void requireAnotherAdmin(String username) {
        boolean another = users.findAll().stream().anyMatch(u -> !u.getUsername().equals(username)
                && u.isEnabled() && u.getRoles().contains(Roles.ADMIN));
        if (!another) {
            throw new ConflictException("the last enabled administrator cannot lose the ADMIN role or be removed",
                    org.qualigraph.base.Message.of("refusal.account.lastAdmin"), java.util.List.of());
        }
    }

    /** The organisation as stored (trimmed; blank is none), or a problem named {@code organisation}. */
    private static String checkOrganisation(String organisation, List<FieldProblem> problems) {
        if (organisation == null || organisation.isBlank()) {
            return null;
        }
        String partner = organisation.strip();
        if (partner.length() > 200 || partner.chars().anyMatch(Character::isISOControl)) {
            problems.add(FieldProblem.of("organisation", "problem.account.organisation"));
        }
        return partner;
    }

    private static void checkPassword(String password, List<FieldProblem> problems) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
            problems.add(FieldProblem.of("password", "problem.account.password", MIN_PASSWORD));
        }
    }

    private static void checkRoles(Set<String> roles, List<FieldProblem> problems) {
        if (roles == null || roles.isEmpty()) {
            problems.add(FieldProblem.of("roles", "problem.account.roles"));
        } else {
            roles.stream().filter(r -> !ROLES.contains(r)).findFirst().ifPresent(r ->
                    problems.add(FieldProblem.of("roles", "problem.account.role", r)));
        }
    }

    private static UserInfo info(UserAccount account) {
        return new UserInfo(account.getUsername(), Set.copyOf(account.getRoles()), account.isEnabled(), account.getCreatedAt(),
                account.getOrganisation());
    }

    /** 404 for an account that is not there (removed meanwhile), with words for the user administration screen. */
    private static NotFoundException noUser(String username) {
        return new NotFoundException("no user " + username, org.qualigraph.base.Message.of("refusal.account.missing", username));
    }
}
