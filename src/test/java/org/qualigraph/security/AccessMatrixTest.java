package org.qualigraph.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every REST endpoint × every role (anonymous, DESIGNER, REVIEWER, ADMIN) against the contract. The expected table
 * below is the documentation of who may do what; an endpoint missing from it fails the test, so a new endpoint
 * cannot ship without a decision. "Allowed" means the answer is neither 401 nor 403 (the request may still be a 400
 * or 404: the placeholders are not real ids); refused means exactly 403, and anonymous means exactly 401.
 */
class AccessMatrixTest extends IntegrationTest {

    private static final Set<String> ANY = Set.of("DESIGNER", "REVIEWER", "ADMIN");
    private static final Set<String> DESIGNER = Set.of("DESIGNER", "ADMIN");
    private static final Set<String> ADMIN = Set.of("ADMIN");
    /** The public register: anyone, signed in or not. */
    private static final Set<String> PUBLIC = Set.of("ANONYMOUS", "DESIGNER", "REVIEWER", "ADMIN");

    /** Who may call each endpoint ("METHOD pattern"). The bootstrap admin also holds DESIGNER and REVIEWER. */
    static final Map<String, Set<String>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("GET /api/qualifications", ANY);
        EXPECTED.put("POST /api/qualifications", DESIGNER);
        EXPECTED.put("GET /api/qualifications/{id}", ANY);
        EXPECTED.put("PUT /api/qualifications/{id}", DESIGNER);
        EXPECTED.put("DELETE /api/qualifications/{id}", DESIGNER);
        EXPECTED.put("POST /api/qualifications/{id}/derive", DESIGNER);
        EXPECTED.put("POST /api/qualifications/{id}/duplicate", DESIGNER);
        EXPECTED.put("GET /api/qualifications/{id}/core-changes", ANY);
        EXPECTED.put("POST /api/qualifications/{id}/core-changes/adopt", DESIGNER);
        EXPECTED.put("POST /api/qualifications/{id}/core-changes/dismiss", DESIGNER);
        EXPECTED.put("GET /api/qualifications/{id}/export/{format}", ANY);
        EXPECTED.put("GET /api/admin/users", ADMIN);
        EXPECTED.put("POST /api/admin/users", ADMIN);
        EXPECTED.put("PUT /api/admin/users/{username}", ADMIN);
        EXPECTED.put("DELETE /api/admin/users/{username}", ADMIN);
        EXPECTED.put("POST /api/admin/users/{username}/unlock", ADMIN);
        EXPECTED.put("GET /api/admin/workspace", ADMIN);
        EXPECTED.put("POST /api/admin/workspace", ADMIN);
        EXPECTED.put("GET /api/qualifications/{id}/quality", ANY);
        EXPECTED.put("GET /api/qualifications/{id}/coverage", ANY);
        EXPECTED.put("GET /api/qualifications/{id}/occupation-matches", ANY);
        EXPECTED.put("GET /api/qualifications/{id}/workflow", ANY);
        EXPECTED.put("GET /api/qualifications/{id}/transitions", ANY);
        EXPECTED.put("POST /api/qualifications/{id}/transitions", ANY);
        EXPECTED.put("GET /api/qualifications/{id}/revisions", ANY);
        EXPECTED.put("POST /api/qualifications/{id}/revisions", DESIGNER);
        EXPECTED.put("GET /api/qualifications/{id}/diff", ANY);
        EXPECTED.put("GET /api/qualifications/{id}/audit", ANY);
        EXPECTED.put("GET /api/qualifications/{id}/governance", ANY);
        EXPECTED.put("PUT /api/qualifications/{id}/governance", ANY);
        EXPECTED.put("GET /api/qualifications/{id}/comments", ANY);
        EXPECTED.put("POST /api/qualifications/{id}/comments", ANY);
        EXPECTED.put("POST /api/qualifications/{id}/comments/{commentId}/replies", ANY);
        EXPECTED.put("POST /api/qualifications/{id}/comments/{commentId}/resolve", ANY);
        EXPECTED.put("POST /api/qualifications/{id}/comments/{commentId}/reopen", ANY);
        EXPECTED.put("POST /api/qualifications/{id}/import/csv", DESIGNER);
        EXPECTED.put("POST /api/qualifications/{id}/import/csv/preview", DESIGNER);
        EXPECTED.put("POST /api/imports/loq-xml", DESIGNER);
        EXPECTED.put("POST /api/imports/esco", ADMIN);
        EXPECTED.put("POST /api/imports/elm-schemas", ADMIN);
        EXPECTED.put("GET /api/elm-schemas", ANY);
        EXPECTED.put("GET /api/esco/skills", ANY);
        EXPECTED.put("GET /api/esco/occupations", ANY);
        EXPECTED.put("GET /api/esco/status", ANY);
        EXPECTED.put("POST /api/esco/skill-suggestions", ANY);
        EXPECTED.put("GET /api/qualifications/{id}/skill-suggestions", ANY);
        EXPECTED.put("GET /api/qualifications/{a}/comparison/{b}", ANY);
        EXPECTED.put("GET /api/qualifications/{a}/comparison/{b}/report", ANY);
        EXPECTED.put("GET /api/jobs/{id}", ANY);
        EXPECTED.put("GET /api/profiles", ANY);
        EXPECTED.put("GET /api/profiles/{id}", ANY);
        EXPECTED.put("POST /api/profiles", DESIGNER);
        EXPECTED.put("PUT /api/profiles/{id}", DESIGNER);
        EXPECTED.put("DELETE /api/profiles/{id}", DESIGNER);
        EXPECTED.put("POST /api/organisations/rename", ADMIN);
        EXPECTED.put("GET /id/qualification/{id}", PUBLIC);
        EXPECTED.put("GET /register/loq.xml", PUBLIC);
        EXPECTED.put("GET /register/skills.csv", PUBLIC);
        EXPECTED.put("GET /catalog", PUBLIC);
        EXPECTED.put("GET /sparql", PUBLIC);
        EXPECTED.put("POST /sparql", PUBLIC);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointIsInTheMatrix() {
        assertThat(endpoints()).isSubsetOf(EXPECTED.keySet());
        assertThat(EXPECTED.keySet()).isSubsetOf(endpoints());
    }

    @Test
    void everyEndpointAnswersEachRoleAsTheMatrixSays() throws Exception {
        var wrong = new ArrayList<String>();
        for (String endpoint : endpoints()) {
            Set<String> allowed = EXPECTED.getOrDefault(endpoint, Set.of());
            int anonymous = call(endpoint, null);
            if (allowed.contains("ANONYMOUS") ? anonymous == 401 || anonymous == 403 : anonymous != 401) {
                wrong.add(endpoint + " anonymous -> " + anonymous);
            }
            for (var user : Map.of("designer", "DESIGNER", "reviewer", "REVIEWER").entrySet()) {
                int status = call(endpoint, user.getKey());
                boolean mayPass = allowed.contains(user.getValue());
                if (mayPass ? status == 401 || status == 403 : status != 403) {
                    wrong.add(endpoint + " as " + user.getValue() + " -> " + status + (mayPass ? " (should pass)" : " (should be 403)"));
                }
            }
            int admin = call(endpoint, "admin");
            if (admin == 401 || admin == 403) {
                wrong.add(endpoint + " as ADMIN -> " + admin);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private int call(String endpoint, String user) throws Exception {
        String[] parts = endpoint.split(" ", 2);
        String path = parts[1].replaceAll("\\{[^}]+}", "zz-not-there");
        // send what the endpoint consumes, so the answer is about access, not about the content type
        MediaType type = mediaTypes.getOrDefault(endpoint, MediaType.APPLICATION_JSON);
        var builder = request(HttpMethod.valueOf(parts[0]), path).contentType(type).content(
                type.includes(MediaType.APPLICATION_JSON) ? "{}" : "x");
        if (user != null) {
            builder.header(HttpHeaders.AUTHORIZATION, TestUsers.basic(user));
        }
        return mvc.perform(builder).andReturn().getResponse().getStatus();
    }

    private final Map<String, MediaType> mediaTypes = new java.util.HashMap<>();

    private Set<String> endpoints() {
        var result = new TreeSet<String>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/") || isPublicRegister(pattern)) {
                    info.getMethodsCondition().getMethods().forEach(m -> {
                        String endpoint = m.name() + " " + pattern;
                        result.add(endpoint);
                        info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
                                .ifPresent(type -> mediaTypes.put(endpoint, type));
                    });
                }
            }
        }
        return result;
    }

    private static boolean isPublicRegister(String pattern) {
        return pattern.startsWith("/id/") || pattern.equals("/catalog") || pattern.startsWith("/register/")
                || pattern.equals("/sparql");
    }

    static List<String> expectedEndpoints() {
        return List.copyOf(EXPECTED.keySet());
    }
}
