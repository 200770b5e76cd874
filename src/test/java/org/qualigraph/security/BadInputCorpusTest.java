package org.qualigraph.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.qualigraph.account.AccountService;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.esco.EscoFixtures;
import org.qualigraph.esco.EscoService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.EscoTestData;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The bad-input corpus: every write endpoint and every upload of the API (the POST/PUT/DELETE rows of
 * {@link AccessMatrixTest#EXPECTED}, checked against the live mappings) is fed malformed JSON, wrong types, unknown
 * enum values and fields, out-of-range values, deep nesting, invalid UTF-8, oversized bodies, the wrong content type,
 * unknown ids, hostile XML and zip files. Each attack must be answered with the expected 4xx and the contract's JSON
 * error (no stack trace, no Java class names), must leave the graph exactly as it was (a fingerprint of every node and
 * relationship outside the ESCO reference data, plus counts of those), and the application must stay healthy.
 * Markup in every text field must be stored verbatim and come out escaped (HTML) or as literal text (PDF, DOCX);
 * Cypher- and Lucene-looking search strings must never be a 500 nor delete anything; formula cells must leave the CSV
 * export neutralised.
 */
class BadInputCorpusTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.qualigraph.exchange.elm.ElmSchemaLibrary elmSchemas;


    private static final int DEEP = 10_000;
    private static final int OVER_LIMIT = 16 * 1024 * 1024 + 1024;
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "<img src=x onerror=alert(2)>";
    private static final String BREAK_OUT = "\"><b>bold</b>";
    private static final List<String> HOSTILE_SEARCHES = List.of("' OR 1=1 //", "}) MATCH (n) DETACH DELETE n //",
            "\") MATCH (n) DETACH DELETE n //", "title:x AND", "*", "~", "?", "\"unbalanced", "(unbalanced", "[a TO",
            "{x", "\\", "x~0.5^3", "AND OR NOT", "/regex/", "-", "&&", "||", "!", "\u0000", "'; CALL db.labels() //",
            "a".repeat(199));

    /** The kinds every endpoint that takes a JSON object body must refuse. */
    static final Set<String> JSON_KINDS = Set.of("malformed: truncated", "malformed: trailing garbage",
            "malformed: not JSON", "wrong type: array instead of object", "wrong type: string instead of object",
            "unknown field", "deep nesting: 10000 arrays", "deep nesting: 10000 objects", "invalid UTF-8",
            "oversized body", "wrong content type");

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    QualificationService qualifications;
    @Autowired
    AccountService accounts;
    @Autowired
    EscoService esco;
    @Autowired
    Driver driver;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @TempDir
    Path dir;

    private boolean importedEscoFixtures;
    /** An occupation the profile check accepts: imported and current, not a placeholder a save left behind. */
    private static final String LOADED_OCCUPATION = """
            MATCH (o:EscoOccupation) WHERE o.escoVersion IS NOT NULL AND coalesce(o.obsolete, false) = false
            RETURN o.uri ORDER BY o.uri LIMIT 1""";

    /** One hostile request: which endpoint ("METHOD pattern") it attacks, and what the answer must be. */
    record Attack(String endpoint, String kind, String user, Call call, int status, String mentions) {
    }

    @FunctionalInterface
    interface Call {
        MockHttpServletRequestBuilder build() throws Exception;
    }

    /** Ids the attacks aim at: a stored qualification with a comment, a profile and a user. */
    record Targets(String qualification, String storedJson, String comment, String profile, String profileJson,
                   String occupation, String user) {
    }

    @AfterEach
    void cleanUp() {
        if (importedEscoFixtures) {
            EscoTestData.clear(driver);
        }
        for (String user : List.of("corpus-user", "corpus-new")) {
            if (accounts.exists(user)) {
                accounts.delete(user);
            }
        }
    }

    @Test
    void theCorpusCoversEveryWriteEndpointAndUpload() {
        Targets dummy = new Targets("q", "{}", "c", "p", "{}", "o", "u");
        var corpus = corpus(dummy);
        Map<String, Set<String>> kinds = corpus.stream().collect(Collectors.groupingBy(Attack::endpoint, TreeMap::new,
                Collectors.mapping(Attack::kind, Collectors.toCollection(TreeSet::new))));
        Set<String> writes = liveWriteEndpoints();
        assertThat(writes).as("the access matrix lists the same write endpoints as the application")
                .isEqualTo(AccessMatrixTest.expectedEndpoints().stream().filter(BadInputCorpusTest::isWrite)
                        .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(kinds.keySet()).as("every write endpoint and upload has bad-input cases").containsAll(writes);
        for (String endpoint : JSON_BODY_ENDPOINTS) {
            assertThat(kinds.get(endpoint)).as(endpoint + " gets every kind of bad JSON").containsAll(JSON_KINDS);
        }
        assertThat(JSON_BODY_ENDPOINTS).as("endpoints reading a JSON body are all in the corpus").isSubsetOf(writes);
    }

    /** Endpoints whose body is a JSON object: each gets the whole {@link #JSON_KINDS} list. */
    static final List<String> JSON_BODY_ENDPOINTS = List.of("POST /api/qualifications", "PUT /api/qualifications/{id}",
            "POST /api/qualifications/{id}/derive", "POST /api/admin/users", "PUT /api/admin/users/{username}",
            "POST /api/admin/workspace", "POST /api/qualifications/{id}/transitions",
            "PUT /api/qualifications/{id}/governance", "POST /api/qualifications/{id}/comments",
            "POST /api/qualifications/{id}/comments/{commentId}/replies",
            "POST /api/qualifications/{id}/comments/{commentId}/resolve", "POST /api/profiles", "PUT /api/profiles/{id}",
            "POST /api/esco/skill-suggestions", "POST /api/organisations/rename",
            "POST /api/qualifications/{id}/core-changes/adopt", "POST /api/qualifications/{id}/core-changes/dismiss");

    @TestFactory
    Stream<DynamicTest> everyAttackIsAClear4xxAndChangesNothing() throws Exception {
        Targets targets = targets();
        String escoBefore = EscoTestData.snapshot(driver, true);
        var tests = new ArrayList<DynamicTest>();
        for (Attack attack : corpus(targets)) {
            tests.add(dynamicTest(attack.endpoint() + " × " + attack.kind(), () -> check(attack)));
        }
        var schemasBefore = elmSchemas.activeDir();
        tests.add(dynamicTest("Europass schemas untouched by every attack", () ->
                assertThat(elmSchemas.activeDir()).isEqualTo(schemasBefore)));
        tests.add(dynamicTest("ESCO reference data untouched by every attack", () ->
                assertThat(EscoTestData.snapshot(driver, true)).isEqualTo(escoBefore)));
        tests.add(dynamicTest("the application stays healthy and a normal round trip works", () -> healthy(targets)));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> hostileSearchStringsAreNever500AndDeleteNothing() throws Exception {
        Targets targets = targets();
        var searches = new LinkedHashMap<String, String>();
        searches.put("GET /api/qualifications?title=", "/api/qualifications");
        searches.put("GET /api/esco/skills?q=", "/api/esco/skills");
        searches.put("GET /api/esco/occupations?q=", "/api/esco/occupations");
        searches.put("GET /api/esco/occupations?lang=", "/api/esco/occupations");
        searches.put("GET /api/qualifications/{id}/export/html?lang=", "/api/qualifications/" + targets.qualification() + "/export/html");
        searches.put("GET /api/qualifications/{id}/coverage?occupation=", "/api/qualifications/" + targets.qualification() + "/coverage");
        searches.put("GET /api/qualifications/{id}/diff?against=", "/api/qualifications/" + targets.qualification() + "/diff");
        // an ordinary value first: each endpoint exists and answers it (a removed endpoint would answer 404 to all)
        var ordinary = Map.of("GET /api/qualifications?title=", "solar", "GET /api/esco/skills?q=", "solar",
                "GET /api/esco/occupations?q=", "installer", "GET /api/qualifications/{id}/coverage?occupation=", targets.occupation(),
                "GET /api/qualifications/{id}/diff?against=", targets.qualification());
        // only the two that name a stored thing may answer 404 (no such occupation, no such qualification)
        var mayBeMissing = Set.of("GET /api/qualifications/{id}/coverage?occupation=", "GET /api/qualifications/{id}/diff?against=");
        var tests = new ArrayList<DynamicTest>();
        for (var search : searches.entrySet()) {
            String parameter = search.getKey().substring(search.getKey().indexOf('?') + 1, search.getKey().length() - 1);
            tests.add(dynamicTest(search.getKey() + " an ordinary value", () -> {
                MockHttpServletResponse response = mvc.perform(get(search.getValue()).param(parameter, ordinary.get(search.getKey()))
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER))).andReturn().getResponse();
                assertThat(response.getStatus()).as(search.getKey() + ": " + response.getContentAsString()).isEqualTo(200);
            }));
            var allowed = mayBeMissing.contains(search.getKey()) ? List.of(200, 400, 404) : List.of(200, 400);
            for (String text : HOSTILE_SEARCHES) {
                tests.add(dynamicTest(search.getKey() + text, () -> {
                    String before = fingerprint();
                    MockHttpServletResponse response = mvc.perform(get(search.getValue()).param(parameter, text)
                            .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER))).andReturn().getResponse();
                    assertThat(response.getStatus()).as(search.getKey() + text).isIn(allowed);
                    if (response.getStatus() != 200) {
                        assertErrorBody(response, search.getValue());
                    }
                    assertThat(fingerprint()).isEqualTo(before);
                }));
            }
        }
        tests.add(dynamicTest("the qualification is still there", () ->
                assertThat(qualifications.get(targets.qualification()).id()).isEqualTo(targets.qualification())));
        return tests.stream();
    }

    @Test
    void markupInEveryTextFieldIsStoredVerbatimAndExportedAsText() throws Exception {
        ObjectNode doc = (ObjectNode) json.valueToTree(Documents.minimal("x"));
        doc.putObject("title").put("en", "title " + SCRIPT).put("de", "titel " + BREAK_OUT);
        doc.putObject("description").put("en", "description " + IMG);
        doc.putObject("entryRequirements").put("en", "entry " + BREAK_OUT);
        ((ObjectNode) doc.withArray("awardingBodies").get(0)).put("name", "body " + SCRIPT);
        ObjectNode unit = (ObjectNode) doc.withArray("units").get(0);
        unit.putObject("title").put("en", "unit " + IMG);
        for (JsonNode outcome : unit.withArray("outcomes")) {
            ((ObjectNode) outcome).putObject("statement").put("en", "outcome " + outcome.get("code").asText() + " " + SCRIPT + IMG);
        }
        ((ObjectNode) unit.withArray("workBasedLearning").get(0)).putObject("description").put("en", "placement " + BREAK_OUT);
        MockHttpServletResponse created = mvc.perform(as(TestUsers.DESIGNER, request(HttpMethod.POST, "/api/qualifications"))
                .contentType(MediaType.APPLICATION_JSON).content(doc.toString())).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        String id = json.readTree(created.getContentAsString()).get("id").asText();
        var stored = qualifications.get(id);
        assertThat(stored.title()).containsEntry("en", "title " + SCRIPT).containsEntry("de", "titel " + BREAK_OUT);
        assertThat(stored.units().get(0).outcomes().get(0).statement().get("en")).endsWith(SCRIPT + IMG);

        List<String> texts = List.of("title " + SCRIPT, "description " + IMG, "entry " + BREAK_OUT, "body " + SCRIPT,
                "unit " + IMG, "outcome U1.K1 " + SCRIPT + IMG, "placement " + BREAK_OUT);
        String html = new String(export(id, "html"), StandardCharsets.UTF_8).replace("&quot;", "\"").replace("&#34;", "\"");
        assertThat(html).doesNotContain(SCRIPT).doesNotContain(IMG).doesNotContain("<b>bold</b>").doesNotContain("onerror=alert(2)>");
        for (String text : texts) {
            assertThat(html).as("escaped in HTML: " + text).contains(escapeHtml(text));
        }
        String pdf;
        try (var loaded = Loader.loadPDF(export(id, "pdf"))) {
            pdf = new PDFTextStripper().getText(loaded).replaceAll("\\s+", " ");
        }
        String docx;
        try (var loaded = new XWPFDocument(new ByteArrayInputStream(export(id, "docx")));
             var extractor = new XWPFWordExtractor(loaded)) {
            docx = extractor.getText().replaceAll("\\s+", " ");
        }
        for (String text : texts) {
            assertThat(pdf).as("literal in PDF: " + text).contains(text);
            assertThat(docx).as("literal in DOCX: " + text).contains(text);
        }
    }

    @Test
    void formulaCellsAreNeutralisedInTheCsvExportAndRoundTrip() throws Exception {
        var formulas = List.of("=cmd|' /C calc'!A0", "+SUM(1+1)", "-2+3", "@SUM(A1)");
        ObjectNode doc = (ObjectNode) json.valueToTree(Documents.minimal("Formulas"));
        ObjectNode unit = (ObjectNode) doc.withArray("units").get(0);
        unit.putObject("title").put("en", formulas.get(0));
        for (int i = 0; i < unit.withArray("outcomes").size(); i++) {
            ((ObjectNode) unit.withArray("outcomes").get(i)).putObject("statement").put("en", formulas.get(i + 1));
        }
        var created = mvc.perform(as(TestUsers.DESIGNER, request(HttpMethod.POST, "/api/qualifications"))
                .contentType(MediaType.APPLICATION_JSON).content(doc.toString())).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        JsonNode stored = json.readTree(created.getContentAsString());
        String id = stored.get("id").asText();
        String csv = new String(export(id, "csv"), StandardCharsets.UTF_8);
        var cells = new ArrayList<String>();
        for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv))) {
            record.forEach(cells::add);
        }
        assertThat(cells).noneMatch(cell -> cell.matches("(?s)^[=+\\-@\\t\\r].*"));
        for (String formula : formulas) {
            assertThat(cells).as("neutralised " + formula).contains("'" + formula);
        }
        var reimported = mvc.perform(as(TestUsers.DESIGNER, request(HttpMethod.POST, "/api/qualifications/" + id + "/import/csv"))
                .param("version", stored.get("version").asText()).contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
        assertThat(reimported.getStatus()).as(reimported.getContentAsString()).isEqualTo(200);
        var after = qualifications.get(id).units().get(0);
        assertThat(after.title().get("en")).isEqualTo(formulas.get(0));
        assertThat(after.outcomes().stream().map(o -> o.statement().get("en")).toList()).containsExactlyElementsOf(formulas.subList(1, 4));
    }

    @Test
    void theJsonParserRefusesNestingDeeperThanItsLimit() {
        JsonFactory factory = json.getFactory();
        assertThat(factory.streamReadConstraints().getMaxNestingDepth()).isLessThanOrEqualTo(1000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> json.readTree(deepArrays(DEEP)))
                .isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void noViewBuildsHtmlFromText() throws IOException {
        var offenders = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (String risky : List.of("new Html(", "setInnerHtml", "\"innerHTML\"", "\"outerHTML\"", "insertAdjacentHTML")) {
                    if (source.contains(risky)) {
                        offenders.add(file + ": " + risky);
                    }
                }
            }
        }
        assertThat(offenders).as("Vaadin components built from HTML strings (user text must go through setText)").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------- the corpus

    private List<Attack> corpus(Targets t) {
        var attacks = new ArrayList<Attack>();
        String q = "/api/qualifications/" + t.qualification();
        String comments = q + "/comments/" + t.comment();
        String newUser = "{\"username\":\"corpus-new\",\"password\":\"long-enough-1\",\"roles\":[\"DESIGNER\"]}";

        jsonKinds(attacks, "POST /api/qualifications", HttpMethod.POST, "/api/qualifications", TestUsers.DESIGNER,
                t.storedJson().replaceFirst("\"id\":\"[^\"]*\"", "\"id\":null"));
        jsonKinds(attacks, "PUT /api/qualifications/{id}", HttpMethod.PUT, q, TestUsers.DESIGNER, t.storedJson());
        jsonKinds(attacks, "POST /api/qualifications/{id}/derive", HttpMethod.POST, q + "/derive", TestUsers.DESIGNER,
                "{\"title\":{\"en\":\"Variant\"}}");
        jsonKinds(attacks, "POST /api/admin/users", HttpMethod.POST, "/api/admin/users", "admin", newUser);
        jsonKinds(attacks, "POST /api/organisations/rename", HttpMethod.POST, "/api/organisations/rename", "admin",
                "{\"name\":\"Test Chamber\",\"country\":\"DE\",\"newName\":\"Renamed Chamber\"}");
        attacks.add(new Attack("POST /api/organisations/rename", "missing new name", "admin",
                () -> jsonRequest(HttpMethod.POST, "/api/organisations/rename", "{\"name\":\"Test Chamber\",\"country\":\"DE\"}"),
                400, "newName"));
        attacks.add(new Attack("POST /api/organisations/rename", "country not a code", "admin",
                () -> jsonRequest(HttpMethod.POST, "/api/organisations/rename",
                        "{\"name\":\"Test Chamber\",\"country\":\"Germany\",\"newName\":\"X\"}"), 400, "country"));
        attacks.add(new Attack("POST /api/organisations/rename", "new name of 501 characters", "admin",
                () -> jsonRequest(HttpMethod.POST, "/api/organisations/rename",
                        "{\"name\":\"Test Chamber\",\"country\":\"DE\",\"newName\":\"" + "x".repeat(501) + "\"}"), 400, "newName"));
        attacks.add(new Attack("POST /api/organisations/rename", "unknown organisation", "admin",
                () -> jsonRequest(HttpMethod.POST, "/api/organisations/rename",
                        "{\"name\":\"No such chamber\",\"country\":\"DE\",\"newName\":\"X\"}"), 404, null));
        attacks.add(new Attack("POST /sparql", "not SPARQL", TestUsers.DESIGNER,
                () -> form("/sparql", "query", "SELEKT * WHERE { ?s ?p ?o }"), 400, "query"));
        attacks.add(new Attack("POST /sparql", "an INSERT in the query", TestUsers.DESIGNER,
                () -> request(HttpMethod.POST, "/sparql").contentType("application/sparql-query")
                        .content("INSERT DATA { <urn:x> <urn:y> <urn:z> }".getBytes(StandardCharsets.UTF_8)), 400, "read-only"));
        attacks.add(new Attack("POST /sparql", "an update form", TestUsers.DESIGNER,
                () -> form("/sparql", "update", "DELETE WHERE { ?s ?p ?o }"), 400, "read-only"));
        attacks.add(new Attack("POST /sparql", "a SPARQL update body", TestUsers.DESIGNER,
                () -> request(HttpMethod.POST, "/sparql").contentType("application/sparql-update")
                        .content("CLEAR ALL".getBytes(StandardCharsets.UTF_8)), 400, "read-only"));
        attacks.add(new Attack("POST /sparql", "a federated SERVICE call", TestUsers.DESIGNER,
                () -> form("/sparql", "query", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"),
                400, "SERVICE"));
        attacks.add(new Attack("POST /sparql", "no query", TestUsers.DESIGNER,
                () -> form("/sparql", "format", "json"), 400, "query"));
        attacks.add(new Attack("POST /sparql", "a JSON body", TestUsers.DESIGNER,
                () -> jsonRequest(HttpMethod.POST, "/sparql", "{\"query\":\"SELECT * WHERE {?s ?p ?o}\"}"), 400, "query"));
        attacks.add(new Attack("POST /sparql", "a query of 20001 characters", TestUsers.DESIGNER,
                () -> form("/sparql", "query", "SELECT * WHERE { ?s ?p ?o } #" + "x".repeat(20_000)), 400, "query"));
        jsonKinds(attacks, "PUT /api/admin/users/{username}", HttpMethod.PUT, "/api/admin/users/" + t.user(), "admin",
                "{\"roles\":[\"REVIEWER\"],\"enabled\":true,\"password\":\"another-long-1\"}");
        jsonKinds(attacks, "POST /api/admin/workspace", HttpMethod.POST, "/api/admin/workspace", "admin",
                "{\"format\":\"qualigraph-workspace\",\"formatVersion\":1,\"nodes\":[],\"relationships\":[]}");
        jsonKinds(attacks, "POST /api/qualifications/{id}/transitions", HttpMethod.POST, q + "/transitions",
                TestUsers.DESIGNER, "{\"to\":\"IN_REVIEW\",\"comment\":\"please review\"}");
        jsonKinds(attacks, "PUT /api/qualifications/{id}/governance", HttpMethod.PUT, q + "/governance", TestUsers.DESIGNER,
                "{\"stakeholders\":[{\"name\":\"Ana\",\"organisation\":\"Chamber\",\"kind\":\"EMPLOYER\"}],\"evidence\":[],"
                        + "\"nextReviewDate\":\"2027-01-01\",\"indicators\":[],\"actions\":[]}");
        jsonKinds(attacks, "POST /api/qualifications/{id}/comments", HttpMethod.POST, q + "/comments", TestUsers.REVIEWER,
                "{\"text\":\"please check\",\"unit\":\"U1\"}");
        jsonKinds(attacks, "POST /api/qualifications/{id}/comments/{commentId}/replies", HttpMethod.POST,
                comments + "/replies", TestUsers.DESIGNER, "{\"text\":\"done\"}");
        // the comment is the reviewer's: only its author or a reviewer may resolve it
        jsonKinds(attacks, "POST /api/qualifications/{id}/comments/{commentId}/resolve", HttpMethod.POST,
                comments + "/resolve", TestUsers.REVIEWER, "{\"resolved\":true}");
        jsonKinds(attacks, "POST /api/profiles", HttpMethod.POST, "/api/profiles", TestUsers.DESIGNER,
                t.profileJson().replaceFirst("\"id\":\"[^\"]*\"", "\"id\":null").replace("\"version\":0", "\"version\":null"));
        jsonKinds(attacks, "PUT /api/profiles/{id}", HttpMethod.PUT, "/api/profiles/" + t.profile(), TestUsers.DESIGNER,
                t.profileJson());
        jsonKinds(attacks, "POST /api/esco/skill-suggestions", HttpMethod.POST, "/api/esco/skill-suggestions",
                TestUsers.REVIEWER, "{\"text\":\"weld steel pipes\",\"limit\":5}");
        var suggestionValues = new String[][] {
                {"{\"text\":\"\"}", "text"}, {"{\"text\":\"weld\",\"limit\":0}", "limit"},
                {"{\"text\":\"weld\",\"limit\":51}", "limit"}, {"{\"text\":\"weld\",\"limit\":\"ten\"}", "limit"},
                {"{\"text\":[\"weld\"]}", "text"}, {"{\"text\":\"" + "w".repeat(2001) + "\"}", "text"},
        };
        for (String[] v : suggestionValues) {
            attacks.add(new Attack("POST /api/esco/skill-suggestions", "bad value " + abbreviate(v[0]), TestUsers.REVIEWER,
                    () -> jsonRequest(HttpMethod.POST, "/api/esco/skill-suggestions", v[0]), 400, v[1]));
        }

        // wrong values inside otherwise well-formed documents: each names its field
        var document = new String[][] {
                {"/eqfLevel", "0", "eqfLevel"}, {"/eqfLevel", "9", "eqfLevel"}, {"/eqfLevel", "-4", "eqfLevel"},
                {"/eqfLevel", "4.5", "eqfLevel"}, {"/eqfLevel", "\"four\"", "eqfLevel"}, {"/eqfLevel", "99999999999", "eqfLevel"},
                {"/credits", "-10", "credits"}, {"/credits", "\"lots\"", "credits"}, {"/credits", "1e400", "credits"},
                {"/type", "\"PHD\"", "type"}, {"/type", "7", "type"}, {"/status", "\"SECRET\"", "status"},
                {"/creditSystem", "\"CATS\"", "creditSystem"}, {"/ecosystem", "\"MOON\"", "ecosystem"},
                {"/title", "\"a string, not a map\"", "title"}, {"/title", "{\"en\":7}", "title"},
                {"/title", "{\"en\":\"" + "x".repeat(10_001) + "\"}", "title"},
                {"/title", "{\"en\":\"" + "y".repeat(3_000_000) + "\"}", "title"},
                {"/nqfLevels/0/country", "\"Germany\"", "nqfLevels[0].country"},
                {"/awardingBodies/0/kind", "\"GUILD\"", "awardingBodies[0].kind"},
                {"/units", "{}", "units"}, {"/units/0/eqfLevel", "12", "units[0].eqfLevel"},
                {"/units/0/credits", "-1", "units[0].credits"}, {"/units/0/hours", "-250", "units[0].hours"},
                {"/units/0/mandatory", "\"yes\"", "units[0].mandatory"},
                {"/units/0/deliveryModes/0", "\"TELEPATHY\"", "units[0].deliveryModes[0]"},
                {"/units/0/outcomes/0/dimension", "\"WISDOM\"", "units[0].outcomes[0].dimension"},
                {"/units/0/outcomes/0/eqfLevel", "0", "units[0].outcomes[0].eqfLevel"},
                {"/units/0/outcomes/0/keyCompetences", "[\"TELEKINESIS\"]", "units[0].outcomes[0].keyCompetences[0]"},
                {"/units/0/workBasedLearning/0/setting", "\"MARS\"", "units[0].workBasedLearning[0].setting"},
                {"/units/0/workBasedLearning/0/hours", "-1", "units[0].workBasedLearning[0].hours"},
                {"/units/0/assessments/0/method", "\"ORACLE\"", "units[0].assessments[0].method"},
                {"/units/0/assessments/0/weight", "101", "units[0].assessments[0].weight"},
                {"/units/0/assessments/0/outcomes/0", "\"U9.K9\"", "units[0].assessments[0].outcomes[0]"},
                {"/units/0/code", "\"" + "C".repeat(65) + "\"", "units[0].code"},
                {"/collaborators", "[\"nobody-here\"]", "collaborators[0]"},
        };
        for (String[] c : document) {
            attacks.add(new Attack("PUT /api/qualifications/{id}", "bad value " + c[0] + " = " + abbreviate(c[1]),
                    TestUsers.DESIGNER, () -> jsonRequest(HttpMethod.PUT, q, patched(t.storedJson(), c[0], c[1])), 400, c[2]));
            attacks.add(new Attack("POST /api/qualifications", "bad value " + c[0] + " = " + abbreviate(c[1]),
                    TestUsers.DESIGNER, () -> jsonRequest(HttpMethod.POST, "/api/qualifications",
                    patched(t.storedJson(), c[0], c[1]).replaceFirst("\"id\":\"[^\"]*\"", "\"id\":null")), 400, c[2]));
        }
        attacks.add(new Attack("PUT /api/qualifications/{id}", "stale version", TestUsers.DESIGNER,
                () -> jsonRequest(HttpMethod.PUT, q, patched(t.storedJson(), "/version", "-1")), 409, null));
        attacks.add(new Attack("PUT /api/qualifications/{id}", "id differs from the path", TestUsers.DESIGNER,
                () -> jsonRequest(HttpMethod.PUT, q, patched(t.storedJson(), "/id", "\"another\"")), 400, "id"));
        attacks.add(new Attack("PUT /api/qualifications/{id}", "unknown id", TestUsers.DESIGNER,
                () -> jsonRequest(HttpMethod.PUT, "/api/qualifications/no-such-id",
                        patched(t.storedJson(), "/id", "null")), 404, null));
        attacks.add(new Attack("PUT /api/qualifications/{id}", "empty body", TestUsers.DESIGNER,
                () -> jsonRequest(HttpMethod.PUT, q, ""), 400, null));
        attacks.add(new Attack("POST /api/qualifications", "empty body", TestUsers.DESIGNER,
                () -> jsonRequest(HttpMethod.POST, "/api/qualifications", ""), 400, null));
        attacks.add(new Attack("POST /api/qualifications", "null body", TestUsers.DESIGNER,
                () -> jsonRequest(HttpMethod.POST, "/api/qualifications", "null"), 400, null));
        attacks.add(new Attack("DELETE /api/qualifications/{id}", "unknown id", TestUsers.DESIGNER,
                () -> request(HttpMethod.DELETE, "/api/qualifications/no-such-id"), 404, null));
        attacks.add(new Attack("DELETE /api/qualifications/{id}", "Cypher-looking id", TestUsers.DESIGNER,
                () -> request(HttpMethod.DELETE, "/api/qualifications/{id}", "x' OR 1=1 MATCH (n) DETACH DELETE n"), 404, null));
        attacks.add(new Attack("DELETE /api/qualifications/{id}", "id with an encoded slash (firewall)", TestUsers.DESIGNER,
                () -> request(HttpMethod.DELETE, "/api/qualifications/{id}", "x' OR 1=1 MATCH (n) DETACH DELETE n //"), 400, "refused"));
        attacks.add(new Attack("POST /api/qualifications/{id}/derive", "unknown id", TestUsers.DESIGNER,
                () -> jsonRequest(HttpMethod.POST, "/api/qualifications/no-such-id/derive", "{}"), 404, null));
        attacks.add(new Attack("POST /api/qualifications/{id}/derive", "title of the wrong type", TestUsers.DESIGNER,
                () -> jsonRequest(HttpMethod.POST, q + "/derive", "{\"title\":[\"x\"]}"), 400, "title"));
        attacks.add(new Attack("POST /api/qualifications/{id}/duplicate", "unknown id", TestUsers.DESIGNER,
                () -> request(HttpMethod.POST, "/api/qualifications/no-such-id/duplicate"), 404, null));
        attacks.add(new Attack("POST /api/qualifications/{id}/duplicate", "path traversal id", TestUsers.DESIGNER,
                () -> request(HttpMethod.POST, "/api/qualifications/{id}/duplicate", "../../etc"), 400, "refused"));

        // users
        var users = new String[][] {
                {"{\"username\":\"../etc\",\"password\":\"long-enough-1\",\"roles\":[\"DESIGNER\"]}", "username"},
                {"{\"username\":\"<script>\",\"password\":\"long-enough-1\",\"roles\":[\"DESIGNER\"]}", "username"},
                {"{\"username\":\"" + "u".repeat(65) + "\",\"password\":\"long-enough-1\",\"roles\":[\"DESIGNER\"]}", "username"},
                {"{\"username\":\"corpus-new\",\"password\":\"short\",\"roles\":[\"DESIGNER\"]}", "password"},
                {"{\"username\":\"corpus-new\",\"password\":\"" + "p".repeat(201) + "\",\"roles\":[\"DESIGNER\"]}", "password"},
                {"{\"username\":\"corpus-new\",\"password\":\"long-enough-1\",\"roles\":[\"GOD\"]}", "roles"},
                {"{\"username\":\"corpus-new\",\"password\":\"long-enough-1\",\"roles\":[]}", "roles"},
                {"{\"username\":\"corpus-new\",\"password\":\"long-enough-1\",\"roles\":\"ADMIN\"}", "roles"},
                {"{\"username\":\"corpus-new\",\"password\":12345678,\"roles\":[\"DESIGNER\"]}", "password"},
                {"{\"username\":\"corpus-new\",\"password\":\"long-enough-1\"}", "roles"},
                {"{}", "username"},
        };
        for (String[] u : users) {
            attacks.add(new Attack("POST /api/admin/users", "bad user " + abbreviate(u[0]), "admin",
                    () -> jsonRequest(HttpMethod.POST, "/api/admin/users", u[0]), 400, u[1]));
        }
        attacks.add(new Attack("POST /api/admin/users", "existing username", "admin",
                () -> jsonRequest(HttpMethod.POST, "/api/admin/users", newUser.replace("corpus-new", t.user())), 409, null));
        attacks.add(new Attack("PUT /api/admin/users/{username}", "unknown role", "admin",
                () -> jsonRequest(HttpMethod.PUT, "/api/admin/users/" + t.user(), "{\"roles\":[\"ROOT\"]}"), 400, "roles"));
        attacks.add(new Attack("PUT /api/admin/users/{username}", "too short password", "admin",
                () -> jsonRequest(HttpMethod.PUT, "/api/admin/users/" + t.user(), "{\"roles\":[\"DESIGNER\"],\"password\":\"1234567\"}"), 400, "password"));
        attacks.add(new Attack("PUT /api/admin/users/{username}", "missing roles", "admin",
                () -> jsonRequest(HttpMethod.PUT, "/api/admin/users/" + t.user(), "{\"enabled\":false}"), 400, "roles"));
        attacks.add(new Attack("PUT /api/admin/users/{username}", "enabled not a boolean", "admin",
                () -> jsonRequest(HttpMethod.PUT, "/api/admin/users/" + t.user(), "{\"roles\":[\"DESIGNER\"],\"enabled\":\"nope\"}"), 400, "enabled"));
        attacks.add(new Attack("PUT /api/admin/users/{username}", "unknown user", "admin",
                () -> jsonRequest(HttpMethod.PUT, "/api/admin/users/nobody-here", "{\"roles\":[\"DESIGNER\"]}"), 404, null));
        attacks.add(new Attack("PUT /api/admin/users/{username}", "last admin loses ADMIN", "admin",
                () -> jsonRequest(HttpMethod.PUT, "/api/admin/users/admin", "{\"roles\":[\"DESIGNER\"]}"), 409, null));
        attacks.add(new Attack("POST /api/admin/users/{username}/unlock", "unknown user", "admin",
                () -> request(HttpMethod.POST, "/api/admin/users/nobody-here/unlock"), 404, null));
        attacks.add(new Attack("POST /api/admin/users/{username}/unlock", "Cypher-looking username", "admin",
                () -> request(HttpMethod.POST, "/api/admin/users/{u}/unlock", "x' OR 1=1 DETACH DELETE n"), 404, null));
        attacks.add(new Attack("POST /api/admin/users", "organisation of 201 characters", "admin",
                () -> jsonRequest(HttpMethod.POST, "/api/admin/users", "{\"username\":\"corpus-org\",\"password\":"
                        + "\"long-enough-1\",\"roles\":[\"DESIGNER\"],\"organisation\":\"" + "o".repeat(201) + "\"}"),
                400, "organisation"));
        attacks.add(new Attack("DELETE /api/admin/users/{username}", "unknown user", "admin",
                () -> request(HttpMethod.DELETE, "/api/admin/users/nobody-here"), 404, null));
        attacks.add(new Attack("DELETE /api/admin/users/{username}", "Cypher-looking username", "admin",
                () -> request(HttpMethod.DELETE, "/api/admin/users/{u}", "x' OR 1=1 DETACH DELETE n"), 404, null));
        attacks.add(new Attack("DELETE /api/admin/users/{username}", "the last admin", "admin",
                () -> request(HttpMethod.DELETE, "/api/admin/users/admin"), 409, null));

        // workspace restore
        var workspaces = new String[][] {
                {"{\"format\":\"something else\",\"formatVersion\":1}", "format"},
                {"{\"format\":\"qualigraph-workspace\",\"formatVersion\":99}", "format"},
                {"{\"format\":\"qualigraph-workspace\",\"formatVersion\":1,\"nodes\":[{\"ref\":\"a\",\"labels\":[\"User\"],\"properties\":{}}]}", null},
                {"{\"format\":\"qualigraph-workspace\",\"formatVersion\":1,\"nodes\":\"many\"}", null},
                {"{\"format\":\"qualigraph-workspace\",\"formatVersion\":1,\"nodes\":[{\"ref\":\"a\",\"labels\":[\"Spaceship\"],\"properties\":{}}]}", "nodes[0].labels"},
                {"{\"format\":\"qualigraph-workspace\",\"formatVersion\":1,\"nodes\":[{\"ref\":\"a\",\"labels\":[\"Unit\"],\"properties\":{\"id\":\"u\",\"at\":{\"$type\":\"datetime\",\"value\":\"yesterday\"}}}]}", "nodes[0].properties.at"},
                {"{\"format\":\"qualigraph-workspace\",\"formatVersion\":1,\n\"nodes\":[{\"ref\":\"a\",]}", "line 2"},
                {"[]", null},
        };
        for (String[] w : workspaces) {
            attacks.add(new Attack("POST /api/admin/workspace", "bad workspace " + abbreviate(w[0]), "admin",
                    () -> jsonRequest(HttpMethod.POST, "/api/admin/workspace", w[0]), 400, w[1]));
        }
        attacks.add(new Attack("POST /api/admin/workspace", "empty body", "admin",
                () -> jsonRequest(HttpMethod.POST, "/api/admin/workspace", ""), 400, null));
        attacks.add(new Attack("POST /api/admin/workspace", "a valid file into a workspace that has qualifications", "admin",
                () -> jsonRequest(HttpMethod.POST, "/api/admin/workspace",
                        "{\"format\":\"qualigraph-workspace\",\"formatVersion\":1,\"nodes\":[],\"relationships\":[]}"), 409, null));

        // workflow, governance, comments
        attacks.add(new Attack("POST /api/qualifications/{id}/transitions", "unknown status", TestUsers.DESIGNER,
                () -> jsonRequest(HttpMethod.POST, q + "/transitions", "{\"to\":\"NIRVANA\"}"), 400, "to"));
        attacks.add(new Attack("POST /api/qualifications/{id}/transitions", "missing status", TestUsers.DESIGNER,
                () -> jsonRequest(HttpMethod.POST, q + "/transitions", "{\"comment\":\"x\"}"), 400, "to"));
        attacks.add(new Attack("POST /api/qualifications/{id}/transitions", "approval date not a date", "admin",
                () -> jsonRequest(HttpMethod.POST, q + "/transitions", "{\"to\":\"APPROVED\",\"approval\":{\"date\":\"yesterday\"}}"), 400, "approval.date"));
        attacks.add(new Attack("POST /api/qualifications/{id}/transitions", "forbidden step", TestUsers.DESIGNER,
                () -> jsonRequest(HttpMethod.POST, q + "/transitions", "{\"to\":\"PUBLISHED\"}"), 409, null));
        attacks.add(new Attack("POST /api/qualifications/{id}/transitions", "unknown id", TestUsers.DESIGNER,
                () -> jsonRequest(HttpMethod.POST, "/api/qualifications/no-such-id/transitions", "{\"to\":\"IN_REVIEW\"}"), 404, null));
        attacks.add(new Attack("POST /api/qualifications/{id}/revisions", "revision of a draft", TestUsers.DESIGNER,
                () -> request(HttpMethod.POST, q + "/revisions"), 409, null));
        attacks.add(new Attack("POST /api/qualifications/{id}/revisions", "unknown id", TestUsers.DESIGNER,
                () -> request(HttpMethod.POST, "/api/qualifications/no-such-id/revisions"), 404, null));
        var governance = new String[][] {
                {"{\"stakeholders\":[{\"name\":\"Ana\",\"kind\":\"ALIEN\"}]}", "stakeholders[0].kind"},
                {"{\"evidence\":[{\"phase\":\"DREAMING\",\"text\":\"x\"}]}", "evidence[0].phase"},
                {"{\"nextReviewDate\":\"next year\"}", "nextReviewDate"},
                {"{\"indicators\":[{\"indicator\":99,\"value\":\"1\",\"referencePeriod\":\"2025\"}]}", "indicators[0]"},
                {"{\"indicators\":[{\"indicator\":\"three\"}]}", "indicators[0].indicator"},
                {"{\"stakeholders\":{}}", "stakeholders"},
        };
        for (String[] g : governance) {
            attacks.add(new Attack("PUT /api/qualifications/{id}/governance", "bad governance " + abbreviate(g[0]),
                    TestUsers.DESIGNER, () -> jsonRequest(HttpMethod.PUT, q + "/governance", g[0]), 400, g[1]));
        }
        attacks.add(new Attack("PUT /api/qualifications/{id}/governance", "unknown id", TestUsers.DESIGNER,
                () -> jsonRequest(HttpMethod.PUT, "/api/qualifications/no-such-id/governance", "{}"), 404, null));
        var badComments = new String[][] {
                {"{\"text\":\"\"}", "text"}, {"{\"text\":null}", "text"}, {"{\"text\":[\"x\"]}", "text"},
                {"{\"text\":\"" + "z".repeat(20_001) + "\"}", "text"},
                {"{\"text\":\"x\",\"unit\":\"U99\"}", "unit"}, {"{\"text\":\"x\",\"outcome\":\"U1.Z9\"}", "outcome"},
                {"{\"text\":\"x\",\"unit\":\"U1\",\"outcome\":\"U1.K1\"}", "outcome"},
        };
        for (String[] c : badComments) {
            attacks.add(new Attack("POST /api/qualifications/{id}/comments", "bad comment " + abbreviate(c[0]),
                    TestUsers.REVIEWER, () -> jsonRequest(HttpMethod.POST, q + "/comments", c[0]), 400, c[1]));
        }
        attacks.add(new Attack("POST /api/qualifications/{id}/comments", "unknown id", TestUsers.REVIEWER,
                () -> jsonRequest(HttpMethod.POST, "/api/qualifications/no-such-id/comments", "{\"text\":\"x\"}"), 404, null));
        attacks.add(new Attack("POST /api/qualifications/{id}/comments/{commentId}/replies", "empty text", TestUsers.DESIGNER,
                () -> jsonRequest(HttpMethod.POST, comments + "/replies", "{\"text\":\" \"}"), 400, "text"));
        attacks.add(new Attack("POST /api/qualifications/{id}/comments/{commentId}/replies", "unknown comment", TestUsers.DESIGNER,
                () -> jsonRequest(HttpMethod.POST, q + "/comments/no-such-comment/replies", "{\"text\":\"x\"}"), 404, null));
        attacks.add(new Attack("POST /api/qualifications/{id}/comments/{commentId}/resolve", "resolved not a boolean",
                TestUsers.DESIGNER, () -> jsonRequest(HttpMethod.POST, comments + "/resolve", "{\"resolved\":\"maybe\"}"), 400, "resolved"));
        attacks.add(new Attack("POST /api/qualifications/{id}/comments/{commentId}/resolve", "unknown comment",
                TestUsers.DESIGNER, () -> jsonRequest(HttpMethod.POST, q + "/comments/no-such-comment/resolve", "{}"), 404, null));
        attacks.add(new Attack("POST /api/qualifications/{id}/comments/{commentId}/reopen", "unknown comment",
                TestUsers.DESIGNER, () -> request(HttpMethod.POST, q + "/comments/no-such-comment/reopen"), 404, null));
        attacks.add(new Attack("POST /api/qualifications/{id}/comments/{commentId}/reopen", "comment of another qualification",
                TestUsers.DESIGNER, () -> request(HttpMethod.POST, "/api/qualifications/no-such-id/comments/" + t.comment() + "/reopen"), 404, null));

        // occupational profiles
        var profiles = new String[][] {
                {"/name", "\"\"", "name"}, {"/name", "\"" + "n".repeat(201) + "\"", "name"}, {"/name", "[1]", "name"},
                {"/basedOn", "[]", "basedOn"}, {"/basedOn/0", "\"http://example.org/not-esco\"", "basedOn[0]"},
                {"/basedOn/0", "\"' OR 1=1 //\"", "basedOn[0]"},
                {"/addedSkills", "[{\"uri\":\"http://example.org/x\",\"type\":\"mandatory\"}]", "addedSkills[0]"},
                {"/localSkills", "[{\"label\":\"\",\"type\":\"essential\"}]", "localSkills[0].label"},
                {"/localSkills", "[{\"label\":\"ok\",\"type\":\"sometimes\"}]", "localSkills[0].type"},
                {"/version", "\"one\"", "version"},
        };
        for (String[] p : profiles) {
            attacks.add(new Attack("PUT /api/profiles/{id}", "bad value " + p[0] + " = " + abbreviate(p[1]), TestUsers.DESIGNER,
                    () -> jsonRequest(HttpMethod.PUT, "/api/profiles/" + t.profile(), patched(t.profileJson(), p[0], p[1])), 400, p[2]));
            attacks.add(new Attack("POST /api/profiles", "bad value " + p[0] + " = " + abbreviate(p[1]), TestUsers.DESIGNER,
                    () -> jsonRequest(HttpMethod.POST, "/api/profiles", patched(t.profileJson(), p[0], p[1])
                            .replaceFirst("\"id\":\"[^\"]*\"", "\"id\":null")), 400, p[2]));
        }
        attacks.add(new Attack("PUT /api/profiles/{id}", "stale version", TestUsers.DESIGNER,
                () -> jsonRequest(HttpMethod.PUT, "/api/profiles/" + t.profile(), patched(t.profileJson(), "/version", "-1")), 409, null));
        attacks.add(new Attack("PUT /api/profiles/{id}", "unknown id", TestUsers.DESIGNER,
                () -> jsonRequest(HttpMethod.PUT, "/api/profiles/no-such-id", patched(t.profileJson(), "/id", "null")), 404, null));
        attacks.add(new Attack("DELETE /api/profiles/{id}", "unknown id", TestUsers.DESIGNER,
                () -> request(HttpMethod.DELETE, "/api/profiles/no-such-id"), 404, null));

        // CSV import and preview
        for (String path : List.of("/import/csv", "/import/csv/preview")) {
            String endpoint = "POST /api/qualifications/{id}" + path;
            attacks.add(new Attack(endpoint, "empty CSV", TestUsers.DESIGNER, () -> csv(q + path, new byte[0]), 400, "line 1"));
            attacks.add(new Attack(endpoint, "invalid UTF-8", TestUsers.DESIGNER,
                    () -> csv(q + path, bytes("unit,code\nU1,", new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}, "\n")), 400, "UTF-8"));
            attacks.add(new Attack(endpoint, "not CSV (binary)", TestUsers.DESIGNER,
                    () -> csv(q + path, new byte[] {0, 1, 2, 3, 'P', 'K', 3, 4}), 400, null));
            attacks.add(new Attack(endpoint, "unknown columns", TestUsers.DESIGNER,
                    () -> csv(q + path, "colour,size\nred,XL\n".getBytes(StandardCharsets.UTF_8)), 400, "line 1"));
            attacks.add(new Attack(endpoint, "unbalanced quote", TestUsers.DESIGNER,
                    () -> csv(q + path, "\"unit code,\"title\nU1,\"x\n".getBytes(StandardCharsets.UTF_8)), 400, null));
            attacks.add(new Attack(endpoint, "oversized body", TestUsers.DESIGNER,
                    () -> csv(q + path, new byte[OVER_LIMIT]), 413, null));
            attacks.add(new Attack(endpoint, "wrong content type", TestUsers.DESIGNER,
                    () -> request(HttpMethod.POST, q + path).contentType(MediaType.APPLICATION_JSON).content("{}"), 415, null));
            attacks.add(new Attack(endpoint, "unknown id", TestUsers.DESIGNER,
                    () -> csv("/api/qualifications/no-such-id" + path, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)), 404, null));
        }

        // LOQ XML import
        String loq = "http://data.europa.eu/snb/model/ap/loq-constraints/";
        var xml = new LinkedHashMap<String, String>();
        xml.put("XXE external entity", "<?xml version=\"1.0\"?>\n<!DOCTYPE Courses [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<Courses xmlns=\"" + loq + "\"><learningAchievementSpecificationReferences><qualification id=\"http://q\">"
                + "<title language=\"en\">&xxe;</title></qualification></learningAchievementSpecificationReferences></Courses>");
        xml.put("XXE parameter entity", "<?xml version=\"1.0\"?>\n<!DOCTYPE Courses [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/x.dtd\"> %p;]>\n"
                + "<Courses xmlns=\"" + loq + "\"/>");
        xml.put("billion laughs", "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>\n"
                + "<Courses xmlns=\"" + loq + "\">&lol4;</Courses>");
        xml.put("truncated XML", "<Courses xmlns=\"" + loq + "\">\n<learningAchievementSpecificationReferences>\n<qualif");
        xml.put("not XML", "this is not XML at all");
        xml.put("foreign XML", "<html><body/></html>");
        xml.put("empty body", "");
        for (var x : xml.entrySet()) {
            attacks.add(new Attack("POST /api/imports/loq-xml", x.getKey(), TestUsers.DESIGNER,
                    () -> request(HttpMethod.POST, "/api/imports/loq-xml").contentType(MediaType.APPLICATION_XML)
                            .content(x.getValue().getBytes(StandardCharsets.UTF_8)), 400, null));
        }
        attacks.add(new Attack("POST /api/imports/loq-xml", "invalid UTF-8", TestUsers.DESIGNER,
                () -> request(HttpMethod.POST, "/api/imports/loq-xml").contentType(MediaType.APPLICATION_XML)
                        .content(bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Courses xmlns=\"" + loq + "\">",
                                new byte[] {(byte) 0xC3, 0x28, (byte) 0xFE}, "</Courses>")), 400, null));
        attacks.add(new Attack("POST /api/imports/loq-xml", "deep nesting", TestUsers.DESIGNER,
                () -> request(HttpMethod.POST, "/api/imports/loq-xml").contentType(MediaType.APPLICATION_XML)
                        .content("<Courses xmlns=\"" + loq + "\">" + "<a>".repeat(DEEP) + "</a>".repeat(DEEP) + "</Courses>"), 400, null));
        attacks.add(new Attack("POST /api/imports/loq-xml", "oversized body", TestUsers.DESIGNER,
                () -> request(HttpMethod.POST, "/api/imports/loq-xml").contentType(MediaType.APPLICATION_XML)
                        .content(new byte[OVER_LIMIT]), 413, null));
        attacks.add(new Attack("POST /api/imports/loq-xml", "wrong content type", TestUsers.DESIGNER,
                () -> request(HttpMethod.POST, "/api/imports/loq-xml").contentType(MediaType.APPLICATION_JSON).content("{}"), 415, null));

        // ESCO package upload
        var zips = new LinkedHashMap<String, byte[]>();
        zips.put("not a zip", "no zip at all".getBytes(StandardCharsets.UTF_8));
        zips.put("empty zip", zip(Map.of()));
        zips.put("truncated zip", truncated(zip(Map.of("skills_en.csv", "conceptType,conceptUri\n".repeat(2000)))));
        zips.put("entry named ../", zip(Map.of("../../skills_en.csv", "conceptType,conceptUri\n")));
        zips.put("absolute entry name", zip(Map.of("/etc/skills_en.csv", "conceptType,conceptUri\n")));
        zips.put("huge declared uncompressed size", declaredSize(zip(Map.of("skills_en.csv", "conceptType,conceptUri\n")), 0xFFFF_FFF0L));
        zips.put("bomb ratio", declaredSize(zip(Map.of("skills_en.csv", "conceptType,conceptUri\n")), 900_000_000L));
        for (var z : zips.entrySet()) {
            attacks.add(new Attack("POST /api/imports/esco", z.getKey() + " as classification", "admin",
                    () -> escoUpload(z.getValue(), goodZip()), 400, "classification"));
            attacks.add(new Attack("POST /api/imports/esco", z.getKey() + " as relations", "admin",
                    () -> escoUpload(goodZip(), z.getValue()), 400, "relations"));
        }
        // a classification package alone adds another language's texts: only languages ESCO can be searched in here
        attacks.add(new Attack("POST /api/imports/esco", "classification alone in a language without search", "admin",
                () -> multipart("/api/imports/esco").file(new MockMultipartFile("classification", "esco-classification-sv.zip",
                        "application/zip", zip(Map.of("occupations_sv.csv", "conceptUri,preferredLabel,altLabels,description\n")))),
                400, "classification"));
        attacks.add(new Attack("POST /api/imports/esco", "classification alone with files of two languages", "admin",
                () -> multipart("/api/imports/esco").file(new MockMultipartFile("classification", "esco-classification.zip",
                        "application/zip", zip(Map.of("occupations_de.csv", "conceptUri,preferredLabel,altLabels,description\n",
                                "skills_fr.csv", "conceptUri,preferredLabel,altLabels,description\n")))),
                400, "classification"));
        attacks.add(new Attack("POST /api/imports/esco", "missing parts", "admin",
                () -> multipart("/api/imports/esco"), 400, "classification"));
        attacks.add(new Attack("POST /api/imports/esco", "bad version", "admin",
                () -> escoUpload(goodZip(), goodZip()).param("version", "1.0; DROP"), 400, "version"));
        attacks.add(new Attack("POST /api/imports/esco", "wrong content type", "admin",
                () -> request(HttpMethod.POST, "/api/imports/esco").contentType(MediaType.APPLICATION_JSON).content("{}"), 415, null));

        // Europass schema upload: the same hostile zips, and releases that are zips but not a valid ELM release
        var releases = new LinkedHashMap<String, byte[]>(zips);
        releases.put("zip without loq.xsd", zip(Map.of("readme.txt", "not a release")));
        releases.put("loq.xsd that does not compile", zip(Map.of("loq/loq.xsd", "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element/></xs:schema>",
                "loq/cv/nqf.xsd", "<x/>", "shacl/LOQ-constraints.ttl", "", "shacl/LOQ-constraints-mdr.ttl", "")));
        releases.put("SHACL that does not parse", zip(Map.of("loq/loq.xsd",
                "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element name=\"a\" type=\"xs:string\"/></xs:schema>",
                "loq/cv/nqf.xsd", "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"/>",
                "shacl/LOQ-constraints.ttl", "@prefix sh: <http://www.w3.org/ns/shacl#> . this is not turtle",
                "shacl/LOQ-constraints-mdr.ttl", "")));
        releases.put("schema importing a file outside its folder", zip(Map.of("loq/loq.xsd",
                "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:include schemaLocation=\"../../../../etc/passwd\"/></xs:schema>",
                "loq/cv/nqf.xsd", "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"/>",
                "shacl/LOQ-constraints.ttl", "", "shacl/LOQ-constraints-mdr.ttl", "")));
        for (var r : releases.entrySet()) {
            attacks.add(new Attack("POST /api/imports/elm-schemas", r.getKey(), "admin",
                    () -> multipart("/api/imports/elm-schemas").file(new MockMultipartFile("release", "elm.zip",
                            "application/zip", r.getValue())), 400, "release"));
        }
        attacks.add(new Attack("POST /api/imports/elm-schemas", "missing part", "admin",
                () -> multipart("/api/imports/elm-schemas"), 400, "release"));
        attacks.add(new Attack("POST /api/imports/elm-schemas", "wrong content type", "admin",
                () -> request(HttpMethod.POST, "/api/imports/elm-schemas").contentType(MediaType.APPLICATION_JSON).content("{}"), 415, null));

        // derive: the variant's national data, each bad value named
        attacks.add(new Attack("POST /api/qualifications/{id}/derive", "unknown country", TestUsers.DESIGNER,
                () -> jsonRequest(HttpMethod.POST, q + "/derive", "{\"country\":\"Atlantis\",\"nqfLevel\":\"4\"}"), 400, "country"));
        attacks.add(new Attack("POST /api/qualifications/{id}/derive", "country without level", TestUsers.DESIGNER,
                () -> jsonRequest(HttpMethod.POST, q + "/derive", "{\"country\":\"AT\"}"), 400, "nqfLevel"));
        attacks.add(new Attack("POST /api/qualifications/{id}/derive", "level URI not a URI", TestUsers.DESIGNER,
                () -> jsonRequest(HttpMethod.POST, q + "/derive", "{\"country\":\"AT\",\"nqfLevel\":\"4\",\"nqfLevelUri\":\"javascript:x\"}"), 400, "nqfLevelUri"));

        // core changes of a variant: the units to take or dismiss and the version looked at
        for (String action : List.of("adopt", "dismiss")) {
            String endpoint = "POST /api/qualifications/{id}/core-changes/" + action;
            String path = q + "/core-changes/" + action;
            jsonKinds(attacks, endpoint, HttpMethod.POST, path, TestUsers.DESIGNER, "{\"units\":[\"U1\"],\"version\":0}");
            attacks.add(new Attack(endpoint, "no units", TestUsers.DESIGNER,
                    () -> jsonRequest(HttpMethod.POST, path, "{\"units\":[],\"version\":0}"), 400, "units"));
            attacks.add(new Attack(endpoint, "no version", TestUsers.DESIGNER,
                    () -> jsonRequest(HttpMethod.POST, path, "{\"units\":[\"U1\"]}"), 400, "version"));
            attacks.add(new Attack(endpoint, "unit code of the wrong type", TestUsers.DESIGNER,
                    () -> jsonRequest(HttpMethod.POST, path, "{\"units\":[{\"code\":\"U1\"}],\"version\":0}"), 400, "units"));
            attacks.add(new Attack(endpoint, "version not a number", TestUsers.DESIGNER,
                    () -> jsonRequest(HttpMethod.POST, path, "{\"units\":[\"U1\"],\"version\":\"new\"}"), 400, "version"));
            attacks.add(new Attack(endpoint, "not a variant", TestUsers.DESIGNER,
                    () -> jsonRequest(HttpMethod.POST, path, "{\"units\":[\"U1\"],\"version\":0}"), 409, "not a national variant"));
            attacks.add(new Attack(endpoint, "unknown id", TestUsers.DESIGNER,
                    () -> jsonRequest(HttpMethod.POST, "/api/qualifications/no-such-id/core-changes/" + action,
                            "{\"units\":[\"U1\"],\"version\":0}"), 404, null));
        }
        return attacks;
    }

    /** The generic JSON kinds, derived from a body the endpoint would accept. */
    private void jsonKinds(List<Attack> attacks, String endpoint, HttpMethod method, String path, String user, String valid) {
        attacks.add(new Attack(endpoint, "malformed: truncated", user,
                () -> jsonRequest(method, path, valid.substring(0, valid.length() / 2)), 400, null));
        attacks.add(new Attack(endpoint, "malformed: trailing garbage", user,
                () -> jsonRequest(method, path, valid + " }{ trailing"), 400, null));
        attacks.add(new Attack(endpoint, "malformed: not JSON", user,
                () -> jsonRequest(method, path, "this is not JSON"), 400, null));
        attacks.add(new Attack(endpoint, "wrong type: array instead of object", user,
                () -> jsonRequest(method, path, "[" + valid + "]"), 400, null));
        attacks.add(new Attack(endpoint, "wrong type: string instead of object", user,
                () -> jsonRequest(method, path, "\"text\""), 400, null));
        attacks.add(new Attack(endpoint, "unknown field", user,
                () -> jsonRequest(method, path, "{\"colour\":\"red\"," + valid.substring(1)), 400, "colour"));
        attacks.add(new Attack(endpoint, "deep nesting: 10000 arrays", user,
                () -> jsonRequest(method, path, deepArrays(DEEP)), 400, null));
        attacks.add(new Attack(endpoint, "deep nesting: 10000 objects", user,
                () -> jsonRequest(method, path, "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP)), 400, null));
        attacks.add(new Attack(endpoint, "invalid UTF-8", user, () -> {
            int at = valid.indexOf("\":\"");
            byte[] body = at < 0 ? bytes("{\"", new byte[] {(byte) 0xC3, 0x28}, "\":1}")
                    : bytes(valid.substring(0, at + 3), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}, valid.substring(at + 3));
            return request(method, path).contentType(MediaType.APPLICATION_JSON).content(body);
        }, 400, null));
        attacks.add(new Attack(endpoint, "oversized body", user, () -> {
            byte[] body = new byte[OVER_LIMIT];
            java.util.Arrays.fill(body, (byte) ' ');
            byte[] start = valid.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(start, 0, body, body.length - start.length, start.length);
            return request(method, path).contentType(MediaType.APPLICATION_JSON).content(body);
        }, endpoint.contains("/workspace") ? 409 : 413, null));
        attacks.add(new Attack(endpoint, "wrong content type", user,
                () -> request(method, path).contentType(MediaType.TEXT_PLAIN).content(valid), 415, null));
    }

    // ---------------------------------------------------------------------------------------------- checks

    private void check(Attack attack) throws Exception {
        String before = fingerprint();
        var builder = attack.call().build().header(HttpHeaders.AUTHORIZATION, TestUsers.basic(attack.user()));
        var result = mvc.perform(builder).andReturn();
        MockHttpServletResponse response = result.getResponse();
        String path = result.getRequest().getRequestURI();
        assertThat(response.getStatus()).as(attack.endpoint() + " × " + attack.kind() + ": " + abbreviate(response.getContentAsString()))
                .isEqualTo(attack.status());
        JsonNode body = assertErrorBody(response, path);
        if (attack.mentions() != null) {
            assertThat(body.get("message").asText() + " " + body.path("problems"))
                    .as("the error names " + attack.mentions()).contains(attack.mentions());
        }
        assertThat(fingerprint()).as("nothing changed after " + attack.kind()).isEqualTo(before);
    }

    private JsonNode assertErrorBody(MockHttpServletResponse response, String path) throws Exception {
        String raw = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getContentType()).as(raw).startsWith(MediaType.APPLICATION_JSON_VALUE);
        JsonNode body = json.readTree(raw);
        assertThat(body.get("status").asInt()).isEqualTo(response.getStatus());
        assertThat(body.get("error").asText()).isNotBlank();
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(body.get("path").asText()).isEqualTo(path);
        assertThat(raw).as("no internals in the answer").doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("org.qualigraph").doesNotContain("com.fasterxml").doesNotContain("java.")
                .doesNotContain("org.springframework").doesNotContain("org.neo4j").doesNotContain("root:x:0:0")
                .doesNotContain("lollollol");
        return body;
    }

    private void healthy(Targets t) throws Exception {
        var health = mvc.perform(get("/actuator/health")).andReturn().getResponse();
        assertThat(health.getStatus()).isEqualTo(200);
        assertThat(json.readTree(health.getContentAsString()).get("status").asText()).isEqualTo("UP");
        var read = mvc.perform(as(TestUsers.DESIGNER, get("/api/qualifications/" + t.qualification()))).andReturn().getResponse();
        assertThat(read.getStatus()).isEqualTo(200);
        ObjectNode doc = (ObjectNode) json.readTree(read.getContentAsString());
        assertThat(doc.get("version").asLong()).as("no attack bumped the version").isZero();
        doc.putObject("title").put("en", "Still editable");
        var written = mvc.perform(as(TestUsers.DESIGNER, request(HttpMethod.PUT, "/api/qualifications/" + t.qualification()))
                .contentType(MediaType.APPLICATION_JSON).content(doc.toString())).andReturn().getResponse();
        assertThat(written.getStatus()).as(written.getContentAsString()).isEqualTo(200);
        assertThat(json.readTree(written.getContentAsString()).get("version").asLong()).isEqualTo(1);
        assertThat(accounts.exists(t.user())).isTrue();
        assertThat(accounts.exists("corpus-new")).isFalse();
    }

    /**
     * Every node outside the ESCO reference data with all its properties, every relationship with its type, ends and
     * properties, and the counts per label and type of everything (ESCO included): equal strings mean nothing changed.
     */
    private String fingerprint() {
        var lines = new ArrayList<String>();
        graph.query("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS c ORDER BY label").fetch().all()
                .forEach(r -> lines.add("label " + r.get("label") + "=" + r.get("c")));
        graph.query("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c ORDER BY t").fetch().all()
                .forEach(r -> lines.add("type " + r.get("t") + "=" + r.get("c")));
        var content = new ArrayList<String>();
        graph.query("""
                MATCH (n) WHERE NOT (n:EscoSkill OR n:EscoOccupation OR n:IscoGroup OR n:EscoRelease)
                OPTIONAL MATCH (n)-[r]->(m)
                RETURN labels(n) AS labels, properties(n) AS props, type(r) AS type, properties(r) AS relProps,
                       coalesce(m.id, m.uri, m.username, m.code, elementId(m)) AS target
                """).fetch().all().forEach(r -> content.add(new TreeSet<>((List<?>) r.get("labels")).toString()
                + new TreeMap<>(asStrings(r.get("props"))) + "->" + r.get("type") + new TreeMap<>(asStrings(r.get("relProps")))
                + r.get("target")));
        Collections.sort(content);
        lines.addAll(content);
        return String.join("\n", lines);
    }

    private static Map<String, String> asStrings(Object map) {
        var result = new TreeMap<String, String>();
        if (map instanceof Map<?, ?> m) {
            m.forEach((k, v) -> result.put(String.valueOf(k), v instanceof List<?> l ? l.toString() : String.valueOf(v)));
        }
        return result;
    }

    // ---------------------------------------------------------------------------------------------- fixtures

    private Targets targets() throws Exception {
        // the "last admin" cases need "admin" to be the only administrator; other tests may have left one behind
        // (those tests create theirs again when they need it)
        for (var user : accounts.list()) {
            if (!"admin".equals(user.username()) && user.roles().contains("ADMIN")) {
                accounts.delete(user.username());
            }
        }
        String occupation = graph.query(LOADED_OCCUPATION).fetchAs(String.class).first()
                .orElseGet(() -> {
                    Path[] zips = new EscoFixtures().writeV11(dir, "esco-v1.1.1");
                    esco.importNow(new EscoService.PackageFile(zips[0], zips[0].getFileName().toString()),
                            new EscoService.PackageFile(zips[1], zips[1].getFileName().toString()), "fixture", d -> { });
                    importedEscoFixtures = true;
                    return graph.query(LOADED_OCCUPATION).fetchAs(String.class).first().orElseThrow();
                });
        var created = qualifications.create(Documents.minimal("Corpus target"), TestUsers.DESIGNER);
        String storedJson = json.writeValueAsString(qualifications.get(created.id()));
        String comment = json.readTree(mvc.perform(as(TestUsers.REVIEWER, request(HttpMethod.POST, "/api/qualifications/"
                        + created.id() + "/comments")).contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"first\"}"))
                .andReturn().getResponse().getContentAsString()).get("id").asText();
        var profile = mvc.perform(as(TestUsers.DESIGNER, request(HttpMethod.POST, "/api/profiles"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Corpus profile\",\"description\":\"d\",\"basedOn\":[\""
                        + occupation + "\"],\"localSkills\":[{\"label\":\"local\",\"type\":\"essential\"}]}")).andReturn().getResponse();
        assertThat(profile.getStatus()).as(profile.getContentAsString()).isEqualTo(201);
        JsonNode profileNode = json.readTree(profile.getContentAsString());
        ((ObjectNode) profileNode.get("localSkills").get(0)).remove("nonEsco");
        if (!accounts.exists("corpus-user")) {
            accounts.create("corpus-user", "corpus-password-1", Set.of("DESIGNER"));
        }
        if (accounts.exists("corpus-new")) {
            accounts.delete("corpus-new");
        }
        return new Targets(created.id(), storedJson, comment, profileNode.get("id").asText(), profileNode.toString(),
                occupation, "corpus-user");
    }

    private byte[] export(String id, String format) throws Exception {
        var response = mvc.perform(as(TestUsers.DESIGNER, get("/api/qualifications/" + id + "/export/" + format)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(format).isEqualTo(200);
        return response.getContentAsByteArray();
    }

    private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder builder) {
        return builder.header(HttpHeaders.AUTHORIZATION, TestUsers.basic(user));
    }

    private static MockHttpServletRequestBuilder jsonRequest(HttpMethod method, String path, String body) {
        return request(method, path).contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8));
    }

    private static MockHttpServletRequestBuilder form(String path, String name, String value) {
        return request(HttpMethod.POST, path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content((name + "=" + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    private static MockHttpServletRequestBuilder csv(String path, byte[] body) {
        return request(HttpMethod.POST, path).contentType("text/csv").content(body);
    }

    private MockHttpServletRequestBuilder escoUpload(byte[] classification, byte[] relations) {
        return multipart("/api/imports/esco")
                .file(new MockMultipartFile("classification", "classification.zip", "application/zip", classification))
                .file(new MockMultipartFile("relations", "relations.zip", "application/zip", relations));
    }

    private byte[] goodZip() throws IOException {
        Path[] zips = new EscoFixtures().writeV11(dir, "good-" + System.nanoTime());
        return Files.readAllBytes(zips[0]);
    }

    private String patched(String documentJson, String pointer, String value) throws IOException {
        ObjectNode doc = (ObjectNode) json.readTree(documentJson);
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? doc : doc.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        JsonNode replacement = json.readTree(value);
        if (parent instanceof ObjectNode object) {
            object.set(last, replacement);
        } else {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), replacement);
        }
        return doc.toString();
    }

    private static boolean isWrite(String endpoint) {
        return endpoint.startsWith("POST ") || endpoint.startsWith("PUT ") || endpoint.startsWith("DELETE ");
    }

    private Set<String> liveWriteEndpoints() {
        var result = new TreeSet<String>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/") || pattern.equals("/sparql")) {
                    info.getMethodsCondition().getMethods().forEach(m -> result.add(m.name() + " " + pattern));
                }
            }
        }
        result.removeIf(e -> !isWrite(e));
        return result;
    }

    static String deepArrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] zip(Map<String, String> entries) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] truncated(byte[] zip) {
        return java.util.Arrays.copyOf(zip, zip.length / 2);
    }

    /** Rewrites the uncompressed size the central directory declares for every entry (a zip bomb announces itself so). */
    private static byte[] declaredSize(byte[] zip, long size) {
        byte[] copy = zip.clone();
        for (int i = 0; i + 46 < copy.length; i++) {
            if (copy[i] == 'P' && copy[i + 1] == 'K' && copy[i + 2] == 1 && copy[i + 3] == 2) {
                for (int b = 0; b < 4; b++) {
                    copy[i + 24 + b] = (byte) (size >>> (8 * b));
                }
            }
        }
        return copy;
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
