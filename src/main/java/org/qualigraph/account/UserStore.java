package org.qualigraph.account;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qualigraph.base.graph.Graph;
import org.qualigraph.base.graph.GraphRow;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * The {@code :User} nodes, through the graph port (once a Spring Data repository: that needed its own transaction
 * manager beside the port's). A save honours the account's version as {@code @Version} did: it writes only over the
 * version it read, and a new account (no version) is created, the uniqueness constraint refusing a second one.
 */
@Component
class UserStore {

    private static final String RETURN = """
             RETURN u.username AS username, u.passwordHash AS passwordHash, coalesce(u.roles, []) AS roles,
                    coalesce(u.enabled, false) AS enabled, u.createdAt AS createdAt, u.organisation AS organisation,
                    u.oidcIssuer AS oidcIssuer, u.oidcSubject AS oidcSubject, u.language AS language, u.version AS version
            """;

    private final Graph graph;

    UserStore(Graph graph) {
        this.graph = graph;
    }

    boolean existsById(String username) {
        return graph.query("MATCH (u:User {username: $username}) RETURN count(u) > 0").bind(username).to("username")
                .fetchAs(Boolean.class).one().orElse(false);
    }

    Optional<UserAccount> findById(String username) {
        return graph.query("MATCH (u:User {username: $username})" + RETURN).bind(username).to("username")
                .fetchAs(UserAccount.class).mappedBy(UserStore::account).one();
    }

    Optional<UserAccount> findByOidcIssuerAndOidcSubject(String issuer, String subject) {
        return graph.query("MATCH (u:User {oidcIssuer: $issuer, oidcSubject: $subject})" + RETURN + " LIMIT 1")
                .bind(issuer).to("issuer").bind(subject).to("subject")
                .fetchAs(UserAccount.class).mappedBy(UserStore::account).one();
    }

    List<UserAccount> findAllByOrderByUsername() {
        return List.copyOf(graph.query("MATCH (u:User)" + RETURN + " ORDER BY u.username")
                .fetchAs(UserAccount.class).mappedBy(UserStore::account).all());
    }

    List<UserAccount> findAll() {
        return findAllByOrderByUsername();
    }

    void deleteById(String username) {
        graph.query("MATCH (u:User {username: $username}) DETACH DELETE u").bind(username).to("username").run();
    }

    /** Writes the account; returns it with its new version. */
    UserAccount save(UserAccount account) {
        Map<String, Object> props = new HashMap<>();
        props.put("passwordHash", account.getPasswordHash());
        props.put("roles", List.copyOf(account.getRoles()));
        props.put("enabled", account.isEnabled());
        props.put("createdAt", account.getCreatedAt() == null ? null : account.getCreatedAt().atOffset(ZoneOffset.UTC));
        props.put("organisation", account.getOrganisation());
        props.put("oidcIssuer", account.getOidcIssuer());
        props.put("oidcSubject", account.getOidcSubject());
        props.put("language", account.getLanguage());
        if (account.getVersion() == null) {
            graph.query("CREATE (u:User {username: $username, version: 0}) SET u += $props")
                    .bind(account.getUsername()).to("username").bind(props).to("props").run();
            return account.withVersion(0L);
        }
        long written = graph.query("""
                MATCH (u:User {username: $username}) WHERE coalesce(u.version, 0) = $version
                SET u += $props, u.version = $version + 1
                RETURN count(u)
                """).bind(account.getUsername()).to("username").bind(account.getVersion()).to("version")
                .bind(props).to("props").fetchAs(Long.class).one().orElse(0L);
        if (written == 0) {
            throw new OptimisticLockingFailureException("user " + account.getUsername()
                    + " was changed or removed by someone else meanwhile");
        }
        return account.withVersion(account.getVersion() + 1);
    }

    private static UserAccount account(GraphRow r) {
        Object created = r.get("createdAt").asObject();
        Instant createdAt = created instanceof ZonedDateTime z ? z.toInstant()
                : created instanceof OffsetDateTime o ? o.toInstant() : null;
        var account = new UserAccount(r.get("username").asString(), r.get("passwordHash").asString(null),
                new LinkedHashSet<>(r.get("roles").asList(v -> v.asString())), r.get("enabled").asBoolean(), createdAt,
                r.get("version").isNull() ? 0L : r.get("version").asLong());
        account.setOrganisation(r.get("organisation").asString(null));
        account.setLanguage(r.get("language").asString(null));
        account.linkIdentity(r.get("oidcIssuer").asString(null), r.get("oidcSubject").asString(null));
        return account;
    }
}
