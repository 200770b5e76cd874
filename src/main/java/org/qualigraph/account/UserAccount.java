package org.qualigraph.account;

import java.time.Instant;
import java.util.Set;

/** A user of Qualigraph; the password is only ever stored as a bcrypt hash. */
class UserAccount {

    private final String username;
    private String passwordHash;
    private Set<String> roles;
    private boolean enabled;
    private Instant createdAt;
    /** The partner organisation the user works for; null for users of no partner (e.g. the bootstrap admin). */
    private String organisation;
    /** For an account made by signing in through an identity provider: the provider's issuer and the user's subject. */
    private String oidcIssuer;
    private String oidcSubject;
    /** The interface language the user picked last (a language tag such as "pl"); null until they pick one. */
    private String language;
    private Long version;

    UserAccount(String username, String passwordHash, Set<String> roles, boolean enabled, Instant createdAt, Long version) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = roles;
        this.enabled = enabled;
        this.createdAt = createdAt;
        this.version = version;
    }

    Long getVersion() {
        return version;
    }

    /** The same account at another version, as {@link UserStore#save} returns it. */
    UserAccount withVersion(Long newVersion) {
        var copy = new UserAccount(username, passwordHash, roles, enabled, createdAt, newVersion);
        copy.organisation = organisation;
        copy.oidcIssuer = oidcIssuer;
        copy.oidcSubject = oidcSubject;
        copy.language = language;
        return copy;
    }

    String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    Set<String> getRoles() {
        return roles == null ? Set.of() : roles;
    }

    void setRoles(Set<String> roles) {
        this.roles = roles;
    }

    boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    String getLanguage() {
        return language;
    }

    void setLanguage(String language) {
        this.language = language;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getOrganisation() {
        return organisation;
    }

    void setOrganisation(String organisation) {
        this.organisation = organisation;
    }

    String getOidcIssuer() {
        return oidcIssuer;
    }

    String getOidcSubject() {
        return oidcSubject;
    }

    void linkIdentity(String issuer, String subject) {
        this.oidcIssuer = issuer;
        this.oidcSubject = subject;
    }
}
