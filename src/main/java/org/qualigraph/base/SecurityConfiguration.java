package org.qualigraph.base;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two doors: {@code /api/**} takes HTTP Basic and answers 401/403 as JSON without sessions; everything else is the
 * Vaadin UI behind a login form (see {@link UiSecurityConfiguration}). Only the health probe and the public register
 * ({@code /id/**}, {@code /catalog}, {@code /register/**}, {@code /sparql}, read-only) are open. Which role may do
 * what is declared next to each endpoint ({@code @PreAuthorize}) and view ({@code @RolesAllowed}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    /**
     * The paths that only administrators may call, refused in the filter chain before the request body is read: user
     * administration, workspace backup and restore, and the uploads of reference data (ESCO packages, ELM schemas).
     */
    static final String[] ADMIN_ONLY_PATHS = {"/api/admin/**", "/api/imports/esco", "/api/imports/elm-schemas"};

    /** bcrypt, with successful checks remembered for five minutes (see {@link VerifiedPasswordCache} for why). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedPasswordCache(new BCryptPasswordEncoder(), Duration.ofMinutes(5), 10_000, Clock.systemUTC());
    }

    /**
     * The public register (published qualifications as linked open data): no sign-in, no session, read-only. Only
     * GET and HEAD pass, and POST for SPARQL queries; any other method is a 405.
     */
    @Bean
    @Order(0)
    SecurityFilterChain publicRegisterSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
        http.securityMatcher("/id/**", "/catalog", "/register/**", "/sparql")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET).permitAll()
                        .requestMatchers(HttpMethod.HEAD).permitAll()
                        .requestMatchers(HttpMethod.POST, "/sparql").permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> write(json, request, response,
                                HttpStatus.METHOD_NOT_ALLOWED, "the public register is read-only: use GET"))
                        .accessDeniedHandler((request, response, e) -> write(json, request, response,
                                HttpStatus.METHOD_NOT_ALLOWED, "the public register is read-only: use GET")))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                // data: images only for the pages' empty icon (no request for a missing /favicon.ico)
                                "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
                                        + "frame-ancestors 'none'; base-uri 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Roles.ADMIN)
                        // checked on path and authentication before any body is read (multipart is parsed only later,
                        // in the dispatcher), so a non-admin cannot even upload a 100 MB package or a 200 MB schema zip
                        .requestMatchers(ADMIN_ONLY_PATHS).hasRole(Roles.ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        write(json, request, response, HttpStatus.UNAUTHORIZED, "authentication required (HTTP Basic)")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) ->
                                write(json, request, response, HttpStatus.UNAUTHORIZED, "authentication required (HTTP Basic)"))
                        .accessDeniedHandler((request, response, e) ->
                                write(json, request, response, HttpStatus.FORBIDDEN, forbiddenMessage(e))))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /**
     * The firewall refuses URLs with encoded slashes, {@code ..} segments and the like before any filter chain runs;
     * API clients get that refusal as the contract's JSON error rather than an empty 400.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        var plain = new HttpStatusRequestRejectedHandler();
        return (request, response, e) -> {
            if (request.getRequestURI() != null && request.getRequestURI().startsWith("/api/") && !response.isCommitted()) {
                write(json, request, response, HttpStatus.BAD_REQUEST, "the request URL was refused: it contains characters "
                        + "or path segments that are not allowed (encoded slashes, '..', ';' and the like)");
            } else {
                plain.handle(request, response, e);
            }
        };
    }

    /**
     * A refusal the application explains (another partner's qualification, a workflow step of another role) keeps its
     * words; Spring's own refusals of a role say so plainly.
     */
    static String forbiddenMessage(Exception e) {
        String message = e.getMessage();
        return (e.getClass() == org.springframework.security.access.AccessDeniedException.class || e instanceof AccessRefusal)
                && message != null
                && !message.isBlank() && !"Access Denied".equals(message) ? message : "your role does not allow this";
    }

    static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                      String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Qualigraph\"");
        }
        json.writeValue(response.getOutputStream(),
                new ApiError(status.value(), status.getReasonPhrase(), message, request.getRequestURI(), List.of()));
    }
}
