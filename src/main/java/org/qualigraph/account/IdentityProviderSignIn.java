package org.qualigraph.account;

import java.util.LinkedHashSet;
import org.springframework.core.env.Environment;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Sign-in through a partner's identity provider (OpenID Connect, configured with Spring's standard
 * {@code spring.security.oauth2.client.registration.*}/{@code provider.*} properties): the person is checked by the
 * provider, and Qualigraph answers who they are here, from its own account. The first sign-in creates the account in
 * the organisation that {@code qualigraph.oidc.organisations.<registration id>} names (or, when
 * {@code qualigraph.oidc.organisation-claim} is set and the token carries that claim, in the organisation the claim
 * names), with no role until an administrator grants one; roles always come from the account, never from the provider.
 * The signed-in name is the local username, so authorship, ownership and four eyes work as for local accounts.
 */
@Component
class IdentityProviderSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final AccountService accounts;
    private final Environment environment;
    private final OidcUserService provider = new OidcUserService();

    IdentityProviderSignIn(AccountService accounts, Environment environment) {
        this.accounts = accounts;
        this.environment = environment;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser person = provider.loadUser(request);
        String registration = request.getClientRegistration().getRegistrationId();
        String claim = environment.getProperty("qualigraph.oidc.organisation-claim");
        String organisation = claim == null || claim.isBlank() ? null : person.getClaimAsString(claim);
        if (organisation == null || organisation.isBlank()) {
            organisation = environment.getProperty("qualigraph.oidc.organisations." + registration);
        }
        String preferred = person.getPreferredUsername() != null ? person.getPreferredUsername()
                : person.getEmail() != null ? person.getEmail() : person.getSubject();
        var account = accounts.signInFromIdentityProvider(String.valueOf(person.getIssuer()), person.getSubject(),
                preferred, organisation);
        if (!account.enabled()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                    "the account " + account.username() + " is disabled", null));
        }
        var authorities = new LinkedHashSet<GrantedAuthority>();
        account.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        return new LocalUser(authorities, person, account.username());
    }

    /** The provider's person under the local username: {@link #getName} is what the application records. */
    static final class LocalUser extends DefaultOidcUser {

        private final String username;

        LocalUser(java.util.Collection<? extends GrantedAuthority> authorities, OidcUser person, String username) {
            super(authorities, person.getIdToken(), person.getUserInfo());
            this.username = username;
        }

        @Override
        public String getName() {
            return username;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LocalUser user && user.username.equals(username) && super.equals(other);
        }

        @Override
        public int hashCode() {
            return username.hashCode();
        }
    }
}
