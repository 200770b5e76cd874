package org.qualigraph.base;

import com.vaadin.flow.spring.security.VaadinWebSecurity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The Vaadin UI behind a login form; Swagger UI and the OpenAPI description need a logged-in user too. When identity
 * providers are configured ({@code spring.security.oauth2.client.registration.*}), the same login page also offers
 * OpenID Connect sign-in through each; the account module's {@code OAuth2UserService} turns the person into a local
 * account.
 */
@Configuration(proxyBeanMethods = false)
class UiSecurityConfiguration extends VaadinWebSecurity {

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> people;

    UiSecurityConfiguration(ObjectProvider<ClientRegistrationRepository> registrations,
                            ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> people) {
        this.registrations = registrations;
        this.people = people;
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/images/**", "/icons/**", "/favicon.ico").permitAll()
                .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").authenticated());
        http.headers(headers -> headers
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        super.configure(http);
        setLoginView(http, LoginView.class);
        if (registrations.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/login").failureUrl("/login?error")
                    .userInfoEndpoint(info -> info.oidcUserService(people.getObject())));
        }
    }
}
