package org.qualigraph.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.swing.text.html.HTML;
import javax.swing.text.html.HTMLEditorKit;
import javax.swing.text.html.parser.ParserDelegator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qualigraph.support.OfficialShapes;
import org.qualigraph.support.PackagedApp;
import org.qualigraph.support.SharedUnitScenarios;

/**
 * What a user runs, tested from outside: the jar that {@code package} built, started with {@code java -jar} in
 * production mode from a folder that is not the repository, with a fresh data directory and the demo on. It must be
 * ready when it says so (the demo listed at the first health UP), every export of the demo must open in a real reader
 * with the right content, and API paths that do not exist must answer the contract's JSON 404.
 */
class PackagedAppIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Writes the test documents as the application's own mapper does (dates as text). */
    private static final ObjectMapper DOCUMENT_JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .findAndAddModules().disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final String DEMO = "Battery cell production technician";

    private static PackagedApp app;
    /** Every health answer seen while starting, up to and including the first UP. */
    private static final List<String> healthTrace = new ArrayList<>();
    /** GET /api/qualifications sent the moment health first said UP. */
    private static HttpResponse<String> listedAtFirstUp;
    private static JsonNode demo;

    @BeforeAll
    static void startTheJar(@TempDir Path data) {
        app = PackagedApp.launch(data.resolve("db"));
        long deadline = System.nanoTime() + PackagedApp.START_TIMEOUT.toNanos();
        while (listedAtFirstUp == null) {
            assertThat(System.nanoTime()).as("health UP within %s; log %s", PackagedApp.START_TIMEOUT, app.log()).isLessThan(deadline);
            assertThat(app.process().isAlive()).as("the application process is running; log %s", app.log()).isTrue();
            var health = app.health();
            if (health != null) {
                healthTrace.add(health.statusCode() + " " + health.body());
                if (health.statusCode() == 200) {
                    listedAtFirstUp = app.api("GET", "/api/qualifications", null);
                }
            }
            sleep(100);
        }
        var list = readJson(listedAtFirstUp.body());
        String id = null;
        for (JsonNode q : list) {
            if (DEMO.equals(q.path("title").path("en").asText(q.path("title").asText()))) {
                id = q.path("id").asText();
            }
        }
        if (id != null) {
            demo = readJson(app.api("GET", "/api/qualifications/" + id, null).body());
        }
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void atTheFirstHealthUpTheDemoIsAlreadyListed() {
        assertThat(listedAtFirstUp.statusCode()).isEqualTo(200);
        assertThat(listedAtFirstUp.body()).contains(DEMO);
        assertThat(readJson(listedAtFirstUp.body())).as("the core profile and its Polish variant").hasSize(2);
        // before UP, the only other answer is 503 OUT_OF_SERVICE (not a 200 that says something else)
        assertThat(healthTrace.get(healthTrace.size() - 1)).startsWith("200").contains("\"UP\"");
        assertThat(healthTrace.subList(0, healthTrace.size() - 1))
                .allSatisfy(answer -> assertThat(answer).startsWith("503").contains("OUT_OF_SERVICE"));
        var readiness = app.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");
    }

    @Test
    void theDemoComesFromTheJarNotFromTheWorkingFolder() {
        assertThat(app.logText()).contains("Loaded 2 demo qualifications from the documents packaged in the application")
                .doesNotContain("Demo curriculum not loaded");
    }

    @Test
    void thePdfHoldsTheTitleAndEveryUnitTitle() throws IOException {
        byte[] pdf = export("pdf", "application/pdf");
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isPositive();
            String text = flat(new PDFTextStripper().getText(document));
            assertThat(text).contains(DEMO);
            unitTitles().forEach(title -> assertThat(text).as("unit title in the PDF").contains(flat(title)));
        }
    }

    @Test
    void theDocxHoldsTheTitleAndEveryUnitTitle() throws IOException {
        byte[] docx = export("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        try (var document = new XWPFDocument(new ByteArrayInputStream(docx)); var extractor = new XWPFWordExtractor(document)) {
            String text = flat(extractor.getText());
            assertThat(text).contains(DEMO);
            unitTitles().forEach(title -> assertThat(text).as("unit title in the DOCX").contains(flat(title)));
        }
    }

    @Test
    void theHtmlParsesAndHoldsTheTitleAndEveryUnitTitle() throws IOException {
        byte[] html = export("html", "text/html");
        var text = new StringBuilder();
        var headings = new ArrayList<String>();
        new ParserDelegator().parse(new InputStreamReader(new ByteArrayInputStream(html), StandardCharsets.UTF_8),
                new HTMLEditorKit.ParserCallback() {
                    @Override
                    public void handleText(char[] data, int pos) {
                        text.append(data).append(' ');
                    }

                    @Override
                    public void handleStartTag(javax.swing.text.html.HTML.Tag tag, javax.swing.text.MutableAttributeSet a, int pos) {
                        if (tag == HTML.Tag.H1 || tag == HTML.Tag.TITLE) {
                            headings.add(tag.toString());
                        }
                    }
                }, true);
        assertThat(headings).isNotEmpty();
        String flat = flat(text.toString());
        assertThat(flat).contains(DEMO);
        unitTitles().forEach(title -> assertThat(flat).as("unit title in the HTML").contains(flat(title)));
    }

    @Test
    void theCsvParsesWithARowPerOutcomeOfEveryUnit() throws IOException {
        String csv = new String(export("csv", "text/csv"), StandardCharsets.UTF_8);
        // a byte-order mark first, so spreadsheet programs read UTF-8; it is not part of the first column's name
        assertThat(csv).startsWith("\uFEFF");
        csv = csv.substring(1);
        List<CSVRecord> rows;
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            assertThat(parser.getHeaderNames()).contains("unit_code", "unit_title");
            rows = parser.getRecords();
        }
        int outcomes = 0;
        for (JsonNode unit : demo.path("units")) {
            outcomes += unit.path("outcomes").size();
            assertThat(rows).as("rows of unit %s", unit.path("code").asText())
                    .anySatisfy(row -> assertThat(row.get("unit_code")).isEqualTo(unit.path("code").asText()));
        }
        assertThat(rows).hasSize(outcomes);
    }

    @Test
    void theCaseJsonParsesWithTheDocumentAndAnItemPerUnit() throws IOException {
        JsonNode cas = JSON.readTree(export("case-json", "application/json"));
        assertThat(cas.path("CFDocument").path("title").asText()).isEqualTo(DEMO);
        List<String> items = new ArrayList<>();
        cas.path("CFItems").forEach(item -> items.add(item.path("fullStatement").asText() + " " + item.path("humanCodingScheme").asText()));
        assertThat(items).hasSizeGreaterThan(demo.path("units").size());
        for (JsonNode unit : demo.path("units")) {
            assertThat(items).as("CFItem of unit %s", unit.path("code").asText())
                    .anySatisfy(item -> assertThat(item).contains(unit.path("title").path("en").asText()));
        }
    }

    @Test
    void theLoqXmlValidatesAgainstTheOfficialXsd() throws Exception {
        byte[] xml = export("loq-xml", "application/xml");
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains(DEMO);
        OfficialShapes.assertValidLoqXml(xml);
    }

    @ParameterizedTest
    @ValueSource(strings = {"elm-turtle", "elm-jsonld"})
    void theElmGraphConformsToBothLoqShapeFiles(String format) {
        byte[] rdf = export(format, format.equals("elm-turtle") ? "text/turtle" : "application/ld+json");
        Graph graph = OfficialShapes.assertConformsToLoqShapes(rdf, format.equals("elm-turtle") ? Lang.TURTLE : Lang.JSONLD);
        assertThat(graph.size()).isGreaterThan(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "PUT", "DELETE", "PATCH"})
    void anUnknownApiPathIsAJson404ForEveryMethod(String method) throws IOException {
        var response = app.api(method, "/api/esco/skill-suggestion", method.equals("GET") || method.equals("DELETE") ? null : "{\"text\":\"weld\"}");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("status").asInt()).isEqualTo(404);
        assertThat(error.path("path").asText()).isEqualTo("/api/esco/skill-suggestion");
        assertThat(error.path("message").asText()).contains("/api/esco/skill-suggestion");
    }

    @Test
    void theSentenceModelRunsFromTheSlimJar() {
        var ids = new ArrayList<String>();
        readJson(listedAtFirstUp.body()).forEach(q -> ids.add(q.path("id").asText()));
        assertThat(ids).as("the demo's core profile and its national variant").hasSize(2);
        // comparing two qualifications encodes every outcome statement: ONNX Runtime and the tokenizer load their
        // linux natives from the jar that slim-natives rewrote
        var comparison = app.api("GET", "/api/qualifications/" + ids.get(0) + "/comparison/" + ids.get(1), null);
        assertThat(comparison.statusCode()).as("comparison answered %s; log %s", comparison.statusCode(), app.log()).isEqualTo(200);
        assertThat(readJson(comparison.body()).path("pairs").size()).as("outcome pairs of a core and its variant").isPositive();
        assertThat(app.logText()).contains("Sentence model all-minilm-l6-v2-q loaded");
    }

    /** Issue 17's four steps over HTTP on the jar, as two partners' designers would send them. */
    @Test
    void aStaleCopyNeverUndoesAPartnersChangeToASharedUnit() throws Exception {
        app.createUser("shared.designer", "shared-designer-1", "DESIGNER");
        SharedUnitScenarios.staleCopiesOfASharedUnit(asUser("shared.designer", "shared-designer-1"), DOCUMENT_JSON,
                "shared.designer");
    }

    /** Derive a variant, change a core unit's title and credits: listed as CHANGED, adopted, the list empty. */
    @Test
    void coreChangesReachAVariantByChoice() throws Exception {
        app.createUser("core.designer", "core-designer-1", "DESIGNER");
        SharedUnitScenarios.coreChangesReachAVariantByChoice(asUser("core.designer", "core-designer-1"), DOCUMENT_JSON);
    }

    /**
     * Issue 18's Done means over HTTP on the jar: another partner's designer gets 403 naming the owner, and 200 once
     * a collaborator; the designer-reviewer who submitted gets 409 (four eyes) while another reviewer approves; the
     * administrator still signs in from another address after 50 wrong passwords for {@code admin}.
     */
    @Test
    void partnersFourEyesAndTheAdministratorAfterFiftyWrongPasswords() throws Exception {
        createMember("alpha.both", "alpha-both-1", "Partner Alpha", "DESIGNER", "REVIEWER");
        createMember("beta.designer", "beta-designer-1", "Partner Beta", "DESIGNER");
        createMember("alpha.reviewer", "alpha-reviewer-1", "Partner Alpha", "REVIEWER");
        var alpha = asUser("alpha.both", "alpha-both-1");
        var beta = asUser("beta.designer", "beta-designer-1");

        // a new qualification of Partner Alpha, made from the demo's content (without its ids: nothing shared)
        var copy = (com.fasterxml.jackson.databind.node.ObjectNode) withoutIds(demo.deepCopy());
        copy.set("title", JSON.createObjectNode().put("en", "Partner Alpha's technician"));
        copy.remove(List.of("status", "ownerOrganisation", "collaborators", "derivedFrom"));
        var created = alpha.send("POST", "/api/qualifications", DOCUMENT_JSON.writeValueAsString(copy), 201);
        String id = created.path("id").asText();
        assertThat(created.path("ownerOrganisation").asText()).isEqualTo("Partner Alpha");

        var retitled = (com.fasterxml.jackson.databind.node.ObjectNode) created.deepCopy();
        retitled.set("title", JSON.createObjectNode().put("en", "Retitled by Beta"));
        var refused = app.api("beta.designer", "beta-designer-1", "PUT", "/api/qualifications/" + id,
                DOCUMENT_JSON.writeValueAsString(retitled));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("Partner Alpha");

        var invited = (com.fasterxml.jackson.databind.node.ObjectNode) created.deepCopy();
        invited.set("collaborators", JSON.createArrayNode().add("beta.designer"));
        var withBeta = alpha.send("PUT", "/api/qualifications/" + id, DOCUMENT_JSON.writeValueAsString(invited), 200);
        retitled.put("version", withBeta.path("version").asLong());
        retitled.set("collaborators", withBeta.path("collaborators"));
        assertThat(beta.send("PUT", "/api/qualifications/" + id, DOCUMENT_JSON.writeValueAsString(retitled), 200)
                .path("title").path("en").asText()).isEqualTo("Retitled by Beta");

        alpha.send("POST", "/api/qualifications/" + id + "/transitions", "{\"to\":\"IN_REVIEW\",\"comment\":\"Ready\"}", 200);
        String approve = "{\"to\":\"APPROVED\",\"comment\":\"Fine\",\"approval\":{\"body\":\"Quality board\",\"date\":\""
                + java.time.LocalDate.now() + "\",\"decision\":\"approved\"}}";
        var ownApproval = app.api("alpha.both", "alpha-both-1", "POST", "/api/qualifications/" + id + "/transitions", approve);
        assertThat(ownApproval.statusCode()).as(ownApproval.body()).isEqualTo(409);
        assertThat(ownApproval.body()).contains("Four eyes");
        asUser("alpha.reviewer", "alpha-reviewer-1").send("POST", "/api/qualifications/" + id + "/transitions", approve, 200);

        // 50 wrong passwords for admin from this address (127.0.0.1) lock admin out here, not from 127.0.0.2
        for (int i = 0; i < 50; i++) {
            assertThat(app.api("admin", "wrong-" + i, "GET", "/api/qualifications", null).statusCode()).isEqualTo(401);
        }
        assertThat(app.api("GET", "/api/qualifications", null).statusCode())
                .as("the right password from the guessing address while it is locked").isEqualTo(401);
        assertThat(statusFrom("127.0.0.2", "admin", PackagedApp.ADMIN_PASSWORD, "GET", "/api/qualifications"))
                .as("admin from another address").isEqualTo(200);
        // the unlock path, from there: the other tests of this class sign in as admin from 127.0.0.1 again
        assertThat(statusFrom("127.0.0.2", "admin", PackagedApp.ADMIN_PASSWORD, "POST", "/api/admin/users/admin/unlock"))
                .isIn(200, 204);
        assertThat(app.api("GET", "/api/qualifications", null).statusCode()).isEqualTo(200);
    }

    private static void createMember(String username, String password, String organisation, String... roles) {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"organisation\":\""
                + organisation + "\",\"roles\":[" + String.join(",", java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"")
                .toList()) + "]}";
        var answer = app.api("POST", "/api/admin/users", body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }

    /** Every "id" and "version" removed, at every depth. */
    private static JsonNode withoutIds(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            object.remove(List.of("id", "version"));
            object.elements().forEachRemaining(PackagedAppIT::withoutIds);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(PackagedAppIT::withoutIds);
        }
        return node;
    }

    /** The status of a GET sent from another loopback address (the JDK's HttpClient cannot choose its own). */
    private static int statusFrom(String sourceAddress, String user, String password, String method, String path)
            throws IOException {
        try (var socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(sourceAddress, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", app.port()), 10_000);
            socket.setSoTimeout(30_000);
            String auth = java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
                    + "\r\nAccept: application/json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static SharedUnitScenarios.Api asUser(String user, String password) {
        return (method, path, body, expected) -> {
            var answer = app.api(user, password, method, path, body);
            assertThat(answer.statusCode()).as("%s %s answered %s", method, path, answer.body()).isEqualTo(expected);
            return readJson(answer.body());
        };
    }

    @Test
    void theJarCarriesNoUsageReportingNoUnusedModulesAndOnlyLinuxNatives() throws IOException {
        List<String> libs = new ArrayList<>();
        try (var jar = new java.util.zip.ZipFile(PackagedApp.jar().toFile())) {
            jar.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.startsWith("BOOT-INF/lib/")).forEach(libs::add);
            assertThat(libs).as("nothing that sends usage data, no Hilla, no Parquet import, no Neo4j HTTP server")
                    .noneMatch(n -> n.contains("neo4j-udc") || n.contains("hilla")
                            || n.contains("hadoop") || n.contains("parquet") || n.contains("jetty") || n.contains("jersey")
                            || n.contains("picocli"));
            assertThat(libs).as("no Bean Validation (nothing validates with it), no Collaboration Engine, no neo4j-admin "
                            + "report helpers").noneMatch(n -> n.contains("hibernate-validator")
                            || n.contains("collaboration-engine") || n.contains("jProcesses") || n.contains("WMI4Java")
                            || n.contains("jPowerShell"));
            var onnx = libs.stream().filter(n -> n.matches("BOOT-INF/lib/onnxruntime-.*\\.jar")).findFirst().orElseThrow();
            var entry = jar.getEntry(onnx);
            assertThat(entry.getMethod()).as("nested jars stay uncompressed for Spring Boot's loader").isEqualTo(java.util.zip.ZipEntry.STORED);
            try (var nested = new java.util.zip.ZipInputStream(jar.getInputStream(entry))) {
                List<String> natives = new ArrayList<>();
                for (var e = nested.getNextEntry(); e != null; e = nested.getNextEntry()) {
                    if (e.getName().startsWith("ai/onnxruntime/native/") && !e.isDirectory()) {
                        natives.add(e.getName());
                    }
                }
                assertThat(natives).contains("ai/onnxruntime/native/linux-x64/libonnxruntime.so",
                                "ai/onnxruntime/native/linux-aarch64/libonnxruntime.so")
                        .noneMatch(n -> n.contains("/win-") || n.contains("/osx-") || n.endsWith(".pdb"));
            }
        }
    }

    @Test
    void aKnownApiPathWithAWrongMethodStaysA405() {
        assertThat(app.api("DELETE", "/api/esco/status", null).statusCode()).isEqualTo(405);
    }

    @Test
    void uiRoutesStillFallThroughToVaadin() {
        var login = app.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<html").doesNotContain("themes//");
    }

    @Test
    void aStopWhileTheDemoLoadsLogsNoError(@TempDir Path data) throws Exception {
        // a demo of many documents, so that its load takes long enough to be caught in the middle
        int seeds = 300;
        Path seedDir = java.nio.file.Files.createDirectories(data.resolve("seed"));
        var documents = new ObjectMapper().findAndRegisterModules();
        for (int i = 0; i < seeds; i++) {
            java.nio.file.Files.writeString(seedDir.resolve(String.format("seed-%03d.json", i)),
                    documents.writeValueAsString(org.qualigraph.support.Documents.generated("Seed " + i, 3, 3)));
        }
        var starting = PackagedApp.launch(data.resolve("db"), "--qualigraph.seed-dir=" + seedDir);
        try {
            long deadline = System.nanoTime() + PackagedApp.START_TIMEOUT.toNanos();
            // stop once the demo is partly stored: the load is under way and not through
            int listed;
            while (true) {
                assertThat(System.nanoTime()).as("the demo load starts within %s; log %s", PackagedApp.START_TIMEOUT, starting.log())
                        .isLessThan(deadline);
                var health = starting.health();
                if (health != null) {
                    assertThat(health.statusCode()).as("health before the demo is loaded").isEqualTo(503);
                    var list = starting.api("GET", "/api/qualifications", null);
                    listed = list.statusCode() == 200 ? JSON.readTree(list.body()).size() : 0;
                    if (listed > 0) {
                        break;
                    }
                }
                sleep(50);
            }
            starting.process().destroy();
            assertThat(listed).as("the demo was partly stored when the stop came").isBetween(1, seeds - 1);
            assertThat(starting.process().waitFor(90, TimeUnit.SECONDS)).as("stopped within 90 s").isTrue();
            String log = starting.logText();
            assertThat(log).as("the load had not completed when it was stopped").doesNotContainPattern("Loaded \\d+ demo qualifications");
            assertThat(log.lines().filter(line -> line.contains(" ERROR ")).toList()).as("ERROR lines of %s", starting.log()).isEmpty();
            assertThat(log).doesNotContain("Demo curriculum could not be loaded");
        } finally {
            starting.kill();
        }
    }

    private static byte[] export(String format, String mediaType) {
        assertThat(demo).as("the demo is stored").isNotNull();
        var response = app.download("/api/qualifications/" + demo.path("id").asText() + "/export/" + format);
        assertThat(response.statusCode()).as("export %s answered %s; log %s", format, response.statusCode(), app.log()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(mediaType));
        return response.body();
    }

    private static List<String> unitTitles() {
        List<String> titles = new ArrayList<>();
        demo.path("units").forEach(unit -> titles.add(unit.path("title").path("en").asText()));
        assertThat(titles).hasSize(9).doesNotContain("");
        return titles;
    }

    private static String flat(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ");
    }

    private static JsonNode readJson(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The login page speaks the browser's language to a plain HTTP client (no browser): the page a Polish browser
     * asks for, with the round trips Vaadin's client would make next (the bootstrap {@code v-r=init}, then the
     * navigation to the route as a UIDL request), holds the Polish login texts, and a German one the German texts.
     * Each language gets its own session (cookies).
     */
    @ParameterizedTest
    @ValueSource(strings = {"pl", "de"})
    void theLoginPageIsInTheLanguageTheBrowserAsksFor(String language) throws Exception {
        String expected = "pl".equals(language) ? "Logowanie" : "Anmelden";
        String other = "pl".equals(language) ? "Anmelden" : "Logowanie";
        String accept = language + ";q=1.0, en;q=0.5";
        var client = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        var page = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.baseUrl() + "/login"))
                .header("Accept-Language", accept).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(page.statusCode()).as("GET /login").isEqualTo(200);
        var init = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.baseUrl()
                        + "/?v-r=init&location=login&query="))
                .header("Accept-Language", accept).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(init.statusCode()).as("GET ?v-r=init: %s", init.body()).isEqualTo(200);
        JsonNode config = JSON.readTree(init.body()).path("appConfig");
        String uiId = config.path("v-uiId").asText("0");
        String securityKey = config.path("uidl").path("Vaadin-Security-Key").asText();
        String navigate = "{\"csrfToken\":\"" + securityKey + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"login\",\"query\":\"\",\"appShellTitle\":\"\","
                + "\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],\"syncId\":0,\"clientId\":0}";
        var view = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.baseUrl()
                        + "/?v-r=uidl&v-uiId=" + uiId))
                .header("Accept-Language", accept).header("Content-Type", "application/json; charset=UTF-8")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(navigate)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(view.statusCode()).as("UIDL navigation: %s", view.body()).isEqualTo(200);
        String text = page.body() + init.body() + view.body();
        assertThat(text).as("login page for Accept-Language: %s", language).contains(expected).doesNotContain(other);
    }
}
