package org.qualigraph.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

class AccountSecurityTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;

    @Test
    void adminsCreateUsersWithHashedPasswords() throws Exception {
        mvc.perform(post("/api/admin/users").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"ana\",\"password\":\"correct-horse-1\",\"roles\":[\"DESIGNER\",\"REVIEWER\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value("ana"))
                .andExpect(jsonPath("$.password").doesNotExist());
        String hash = graph.query("MATCH (u:User {username: 'ana'}) RETURN u.passwordHash").fetchAs(String.class).one().orElseThrow();
        assertThat(hash).startsWith("$2a$").doesNotContain("correct-horse-1");
        mvc.perform(get("/api/qualifications").header(HttpHeaders.AUTHORIZATION, basic("ana", "correct-horse-1")))
                .andExpect(status().isOk());
        graph.query("MATCH (u:User {username: 'ana'}) DELETE u").run();
    }

    @Test
    void badUserRequestsNameTheField() throws Exception {
        mvc.perform(post("/api/admin/users").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"bo\",\"password\":\"short\",\"roles\":[\"GOD\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].field").value("password"))
                .andExpect(jsonPath("$.problems[1].field").value("roles"));
        mvc.perform(post("/api/admin/users").header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"eve\",\"password\":\"password-123\",\"roles\":[\"ADMIN\"]}"))
                .andExpect(status().isForbidden());
        assertThat(accounts.exists("eve")).isFalse();
    }

    @Test
    void repeatedFailedLoginsLockTheAccountForAWhile() throws Exception {
        accounts.create("victim", "right-password-1", java.util.Set.of("DESIGNER"));
        try {
            for (int i = 0; i < 5; i++) {
                mvc.perform(get("/api/qualifications").header(HttpHeaders.AUTHORIZATION, basic("victim", "guess-" + i)))
                        .andExpect(status().isUnauthorized());
            }
            mvc.perform(get("/api/qualifications").header(HttpHeaders.AUTHORIZATION, basic("victim", "right-password-1")))
                    .andExpect(status().isUnauthorized());
            mvc.perform(get("/api/qualifications").header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER)))
                    .andExpect(status().isOk());
        } finally {
            accounts.changePassword("victim", "right-password-2");
            mvc.perform(get("/api/qualifications").header(HttpHeaders.AUTHORIZATION, basic("victim", "right-password-2")))
                    .andExpect(status().isOk());
            graph.query("MATCH (u:User {username: 'victim'}) DELETE u").run();
        }
    }

    /**
     * Guessing admin's password from one address locks only that address: the administrator signs in from another,
     * and lifts the lock with the unlock endpoint (which only an administrator may call).
     */
    @Test
    void fiftyWrongPasswordsForAdminFromOneAddressDoNotLockTheAdministratorOut() throws Exception {
        try {
            for (int i = 0; i < 50; i++) {
                mvc.perform(get("/api/qualifications").with(from("203.0.113.66"))
                                .header(HttpHeaders.AUTHORIZATION, basic("admin", "guess-" + i)))
                        .andExpect(status().isUnauthorized());
            }
            mvc.perform(get("/api/qualifications").with(from("203.0.113.66"))
                    .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))).andExpect(status().isUnauthorized());
            mvc.perform(get("/api/qualifications").with(from("198.51.100.20"))
                    .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))).andExpect(status().isOk());
            mvc.perform(post("/api/admin/users/admin/unlock").with(from("198.51.100.20"))
                    .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER))).andExpect(status().isForbidden());
        } finally {
            mvc.perform(post("/api/admin/users/admin/unlock").with(from("198.51.100.20"))
                    .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))).andExpect(status().isNoContent());
        }
        mvc.perform(get("/api/qualifications").with(from("203.0.113.66"))
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin"))).andExpect(status().isOk());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void securityHeadersAreSet() throws Exception {
        mvc.perform(get("/api/qualifications").header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER)))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().exists("Content-Security-Policy"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }
}
