package org.qualigraph.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qualigraph.base.neo4j.SchemaMigrations;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.servlet.MockMvc;

/**
 * No password and no Basic credential ever reaches the log: the application log (every logger, security and web at
 * DEBUG) is captured while users log in wrongly and rightly (form and HTTP Basic), an admin creates a user and resets a
 * password, and requests fail; no captured line may hold any password used, the Basic header's base64 value or an
 * "Authorization: Basic" dump. The admin bootstrap prints a generated password exactly once, and never one taken from
 * the environment.
 */
class LogSecretsTest extends IntegrationTest {

    private static final String NEW_PASSWORD = "Known-Secret-Pass-42";
    private static final String RESET_PASSWORD = "Reset-Secret-Pass-43";
    private static final String WRONG_PASSWORD = "Wrong-Guess-Pass-44";
    private static final String LEAKY_PASSWORD = "Leaky-Body-Pass-45";
    private static final String ENV_PASSWORD = "Env-Admin-Secret-46";
    private static final List<String> LOUD = List.of("org.springframework.security", "org.springframework.web",
            "org.qualigraph", "org.apache.catalina", "org.springframework.boot.web");

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    SchemaMigrations migrations;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Map<String, Level> levels = new LinkedHashMap<>();

    @BeforeEach
    void capture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        captured.setContext(context);
        captured.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(captured);
        for (String name : LOUD) {
            Logger logger = context.getLogger(name);
            levels.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
    }

    @AfterEach
    void release() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(captured);
        levels.forEach((name, level) -> context.getLogger(name).setLevel(level));
        captured.stop();
        for (String user : List.of("log-user")) {
            if (accounts.exists(user)) {
                accounts.delete(user);
            }
        }
    }

    @Test
    void noPasswordOrBasicCredentialIsLogged() throws Exception {
        var secrets = new ArrayList<>(List.of(TestUsers.PASSWORD, TestUsers.ADMIN_PASSWORD, NEW_PASSWORD, RESET_PASSWORD,
                WRONG_PASSWORD, LEAKY_PASSWORD));
        var responses = new ArrayList<String>();

        // HTTP Basic: wrong, then right
        String wrongBasic = basic(TestUsers.DESIGNER, WRONG_PASSWORD);
        responses.add(mvc.perform(get("/api/qualifications").header(HttpHeaders.AUTHORIZATION, wrongBasic))
                .andReturn().getResponse().getContentAsString());
        responses.add(mvc.perform(get("/api/qualifications").header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER)))
                .andReturn().getResponse().getContentAsString());
        // the UI login form: wrong, then right
        int wrongForm = mvc.perform(post("/login").with(csrf()).param("username", TestUsers.REVIEWER).param("password", WRONG_PASSWORD))
                .andReturn().getResponse().getStatus();
        var rightForm = mvc.perform(post("/login").with(csrf()).param("username", TestUsers.REVIEWER).param("password", TestUsers.PASSWORD))
                .andReturn().getResponse();
        assertThat(wrongForm).isEqualTo(302);
        assertThat(rightForm.getStatus()).isEqualTo(302);
        assertThat(rightForm.getRedirectedUrl()).doesNotContain("error");

        // an admin creates a user with a known password, the user signs in, the admin resets the password
        var created = mvc.perform(post("/api/admin/users").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"log-user\",\"password\":\"" + NEW_PASSWORD + "\",\"roles\":[\"DESIGNER\"]}")).andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        responses.add(created.getContentAsString());
        assertThat(mvc.perform(get("/api/qualifications").header(HttpHeaders.AUTHORIZATION, basic("log-user", NEW_PASSWORD)))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        var reset = mvc.perform(put("/api/admin/users/log-user").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"roles\":[\"DESIGNER\"],\"password\":\"" + RESET_PASSWORD + "\"}")).andReturn().getResponse();
        assertThat(reset.getStatus()).isEqualTo(200);
        responses.add(reset.getContentAsString());
        assertThat(mvc.perform(get("/api/qualifications").header(HttpHeaders.AUTHORIZATION, basic("log-user", RESET_PASSWORD)))
                .andReturn().getResponse().getStatus()).isEqualTo(200);

        // failed requests that carry passwords: malformed, wrong type, too short, unauthorised, forbidden
        for (String body : List.of("{\"username\":\"log-2\",\"password\":\"" + LEAKY_PASSWORD + "\",\"roles\":[\"DESIGNER\"]",
                "{\"username\":\"log-2\",\"password\":[\"" + LEAKY_PASSWORD + "\"],\"roles\":[\"DESIGNER\"]}",
                "{\"username\":\"log-2\",\"password\":\"" + LEAKY_PASSWORD + "\",\"roles\":[\"GOD\"]}",
                "{\"username\":\"log 2/\",\"password\":\"" + LEAKY_PASSWORD + "\",\"roles\":[\"DESIGNER\"]}")) {
            var failed = mvc.perform(post("/api/admin/users").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
            assertThat(failed.getStatus()).isEqualTo(400);
        }
        responses.add(mvc.perform(put("/api/admin/users/log-user").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"DESIGNER\"],\"password\":\"short\"}"))
                .andReturn().getResponse().getContentAsString());
        responses.add(mvc.perform(post("/api/admin/users").header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"log-3\",\"password\":\"" + LEAKY_PASSWORD + "\",\"roles\":[\"ADMIN\"]}"))
                .andReturn().getResponse().getContentAsString());
        responses.add(mvc.perform(get("/api/qualifications/does-not-exist").header(HttpHeaders.AUTHORIZATION, wrongBasic))
                .andReturn().getResponse().getContentAsString());
        // enough failures to lock the account: the lock is logged, with the user name only
        for (int i = 0; i < 6; i++) {
            mvc.perform(get("/api/qualifications").header(HttpHeaders.AUTHORIZATION, basic("log-user", WRONG_PASSWORD + i)));
            secrets.add(WRONG_PASSWORD + i);
        }

        List<String> lines = lines();
        assertThat(lines).as("the capture works").isNotEmpty()
                .anyMatch(line -> line.contains("log-user"));
        var forbidden = new ArrayList<>(secrets);
        for (String user : List.of(TestUsers.DESIGNER, TestUsers.REVIEWER, "admin", "log-user")) {
            for (String password : secrets) {
                forbidden.add(Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
        }
        Pattern basicHeader = Pattern.compile("(?i)authorization\\W{0,3}basic");
        for (String line : lines) {
            assertThat(basicHeader.matcher(line).find()).as("Basic header in the log: " + line).isFalse();
            for (String secret : forbidden) {
                assertThat(line).as("a secret in the log").doesNotContain(secret);
            }
        }
        for (String response : responses) {
            for (String secret : forbidden) {
                assertThat(response).as("a secret echoed in a response").doesNotContain(secret);
            }
        }
    }

    @Test
    void theBootstrapPrintsAGeneratedPasswordOnceAndNeverTheConfiguredOne() throws Exception {
        try {
            // the admin exists: nothing happens, nothing is logged
            bootstrap(ENV_PASSWORD);
            assertThat(lines()).noneMatch(line -> line.contains("Created user 'admin'"));

            // first start with the password from the environment: it is used, and not printed
            deleteAdmin();
            bootstrap(ENV_PASSWORD);
            assertThat(lines()).anyMatch(line -> line.contains("QUALIGRAPH_ADMIN_PASSWORD"))
                    .noneMatch(line -> line.contains(ENV_PASSWORD));
            assertThat(status("admin", ENV_PASSWORD)).isEqualTo(200);

            // first start without it: a generated password, printed exactly once, which then works
            deleteAdmin();
            captured.list.clear();
            bootstrap(null);
            bootstrap(null);
            bootstrap(ENV_PASSWORD);
            var printed = lines().stream().filter(line -> line.contains("generated password")).toList();
            assertThat(printed).hasSize(1);
            var matcher = Pattern.compile("generated password: (\\S+)").matcher(printed.get(0));
            assertThat(matcher.find()).isTrue();
            String generated = matcher.group(1);
            assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
            assertThat(lines().stream().filter(line -> line.contains(generated))).hasSize(1);
            assertThat(status("admin", generated)).isEqualTo(200);
            assertThat(status("admin", ENV_PASSWORD)).isEqualTo(401);
        } finally {
            if (accounts.exists("admin")) {
                accounts.changePassword("admin", TestUsers.ADMIN_PASSWORD);
            } else {
                accounts.createAdminIfMissing(TestUsers.ADMIN_PASSWORD);
            }
        }
        assertThat(status("admin", TestUsers.ADMIN_PASSWORD)).isEqualTo(200);
    }

    private void bootstrap(String configured) {
        var environment = new MockEnvironment();
        if (configured != null) {
            environment.setProperty("QUALIGRAPH_ADMIN_PASSWORD", configured);
        }
        new AdminBootstrap(accounts, environment, migrations).afterPropertiesSet();
    }

    private void deleteAdmin() {
        graph.query("MATCH (u:User {username: 'admin'}) DETACH DELETE u").run();
    }

    private int status(String user, String password) throws Exception {
        return mvc.perform(get("/api/qualifications").header(HttpHeaders.AUTHORIZATION, basic(user, password)))
                .andReturn().getResponse().getStatus();
    }

    /** Every captured event as the text an appender could write: message, arguments, MDC, exceptions and their stacks. */
    private List<String> lines() {
        var lines = new ArrayList<String>();
        for (ILoggingEvent event : List.copyOf(captured.list)) {
            var text = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage())
                    .append(' ').append(event.getMDCPropertyMap());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            lines.add(text.toString());
        }
        return lines;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
