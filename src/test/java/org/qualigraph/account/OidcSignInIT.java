package org.qualigraph.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualigraph.QualigraphApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * OpenID Connect sign-in end to end: a real OIDC server (mock-oauth2-server, its own HTTP server on a random port)
 * and the application on a random port, driven through the authorization-code flow by a cookie-keeping HTTP client
 * that follows redirects like a browser. Nothing of Spring is mocked: discovery, the redirect with state and nonce,
 * the code exchange, the ID token's signature check and the session are the real ones.
 */
class OidcSignInIT {

    private static final String ADMIN_PASSWORD = "oidc-test-admin-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    static MockOAuth2Server identityProvider;
    static ConfigurableApplicationContext app;
    static String base;

    @BeforeAll
    static void start() {
        identityProvider = new MockOAuth2Server();
        identityProvider.start();
        String issuer = identityProvider.issuerUrl("partner-a").toString();
        app = new SpringApplicationBuilder(QualigraphApplication.class).run("--server.port=0",
                "--qualigraph.data-dir=" + dataDir, "--qualigraph.demo=false", "--QUALIGRAPH_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                "--vaadin.productionMode=false",
                "--spring.security.oauth2.client.registration.partner-a.client-id=qualigraph",
                "--spring.security.oauth2.client.registration.partner-a.client-secret=qualigraph-secret",
                "--spring.security.oauth2.client.registration.partner-a.client-name=Hochschule Alpha",
                "--spring.security.oauth2.client.registration.partner-a.scope=openid,profile",
                "--spring.security.oauth2.client.provider.partner-a.issuer-uri=" + issuer,
                "--qualigraph.oidc.organisations.partner-a=Hochschule Alpha");
        base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (identityProvider != null) {
            identityProvider.shutdown();
        }
    }

    @Test
    void aFirstSignInCreatesAnAccountOfTheProvidersOrganisationWithNoRoleAndLocalAccountsKeepWorking() throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.ALWAYS)
                .connectTimeout(Duration.ofSeconds(10)).build();

        // the person signs in at the provider, which issues their identity (non-interactive: no form to fill)
        identityProvider.enqueueCallback(new DefaultOAuth2TokenCallback("partner-a", "subject-alice-42", "JWT",
                List.of("qualigraph"), Map.of("preferred_username", "alice.alpha", "name", "Alice Alpha"), 3600));
        var signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/authorization/partner-a")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.uri().toString()).as("the flow ends on the application, signed in, not on its login page")
                .startsWith(base).doesNotContain("/login").doesNotContain("error");

        JsonNode alice = user("alice.alpha");
        assertThat(alice).as("the account made on the first sign-in").isNotNull();
        assertThat(alice.get("organisation").asText()).isEqualTo("Hochschule Alpha");
        assertThat(alice.get("roles")).isEmpty();
        assertThat(alice.get("enabled").asBoolean()).isTrue();

        // a second sign-in of the same person finds the same account, also after an administrator granted a role
        var grant = HttpRequest.newBuilder(URI.create(base + "/api/admin/users/alice.alpha")).header("Authorization", admin())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"roles\":[\"DESIGNER\"]}"))
                .build();
        assertThat(HttpClient.newHttpClient().send(grant, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        var again = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.ALWAYS).build();
        identityProvider.enqueueCallback(new DefaultOAuth2TokenCallback("partner-a", "subject-alice-42", "JWT",
                List.of("qualigraph"), Map.of("preferred_username", "alice.alpha"), 3600));
        assertThat(again.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/authorization/partner-a")).build(),
                HttpResponse.BodyHandlers.ofString()).uri().toString()).doesNotContain("/login");
        var users = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/admin/users"))
                .header("Authorization", admin()).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(users.findValuesAsText("username").stream().filter(n -> n.startsWith("alice")).toList())
                .containsExactly("alice.alpha");
        assertThat(user("alice.alpha").get("roles").get(0).asText()).isEqualTo("DESIGNER");

        // a person whose preferred name is that of a local account does not become it
        identityProvider.enqueueCallback(new DefaultOAuth2TokenCallback("partner-a", "subject-mallory", "JWT",
                List.of("qualigraph"), Map.of("preferred_username", "admin"), 3600));
        var mallory = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.ALWAYS).build();
        mallory.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/authorization/partner-a")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(user("admin-2")).isNotNull();
        assertThat(user("admin-2").get("roles")).isEmpty();

        // local accounts keep working
        var local = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/qualifications"))
                .header("Authorization", admin()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(local.statusCode()).isEqualTo(200);
    }

    private static JsonNode user(String username) throws Exception {
        var users = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/admin/users"))
                .header("Authorization", admin()).build(), HttpResponse.BodyHandlers.ofString()).body());
        for (JsonNode user : users) {
            if (user.get("username").asText().equals(username)) {
                return user;
            }
        }
        return null;
    }

    private static String admin() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
