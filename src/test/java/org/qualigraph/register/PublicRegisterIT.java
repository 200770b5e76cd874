package org.qualigraph.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualigraph.support.OfficialShapes;
import org.qualigraph.support.PackagedApp;

/**
 * The public register of the packaged jar, from outside and without signing in, the way Europass QDR, a data portal
 * or a visitor reach it: the demo core profile is taken through review to PUBLISHED over the REST API by a designer
 * and a reviewer (four eyes), and its identifier then answers a browser and machines in every format, each valid
 * against the official standards in ../shared; the demo's national variant, still a draft, is nowhere to be found.
 */
class PublicRegisterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMO = "Battery cell production technician";
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
            + "image/webp,*/*;q=0.8";
    private static final String APPROVING_BODY = "Alliance quality board";
    private static final String DESIGNER = "dana.designer";
    private static final String REVIEWER = "rui.reviewer";

    private static PackagedApp app;
    private static String published;
    private static String draft;
    private static String identifier;

    @BeforeAll
    static void publishTheDemo(@TempDir Path data) throws IOException {
        // the sentence-vector job would only compete for the cores while the SPARQL time limit is measured
        app = PackagedApp.start(data.resolve("db"), "--qualigraph.embeddings.automatic=false");
        app.createUser(DESIGNER, "dana-password-1", "DESIGNER");
        app.createUser(REVIEWER, "rui-password-1", "REVIEWER");
        for (JsonNode row : JSON.readTree(app.api("GET", "/api/qualifications", null).body())) {
            String title = row.path("title").path("en").asText();
            if (title.equals(DEMO)) {
                published = row.path("id").asText();
            } else if (title.startsWith(DEMO)) {
                draft = row.path("id").asText();
            }
        }
        assertThat(published).as("the demo core profile").isNotNull();
        assertThat(draft).as("the demo's national variant").isNotNull();

        app.publishThroughReview(published, DESIGNER, "dana-password-1", REVIEWER, "rui-password-1", APPROVING_BODY);
        assertThat(JSON.readTree(app.api("GET", "/api/qualifications/" + published, null).body()).path("status").asText())
                .isEqualTo("PUBLISHED");
        assertThat(JSON.readTree(app.api("GET", "/api/qualifications/" + draft, null).body()).path("status").asText())
                .isEqualTo("DRAFT");
        // the default public base URI is the server's own address
        identifier = app.baseUrl() + "/id/qualification/" + published;
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static HttpResponse<byte[]> get(String path, String... headers) {
        return app.anonymous("GET", path, null, null, headers);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @Test
    void aBrowserGetsThePublicPageWithoutInternalData() {
        var page = get("/id/qualification/" + published, "Accept", BROWSER_ACCEPT, "Accept-Language", "en-GB,en;q=0.9");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(header(page, "Content-Type")).startsWith("text/html");
        assertThat(header(page, "Vary")).contains("Accept");
        assertThat(header(page, "ETag")).startsWith("\"");
        assertThat(header(page, "Last-Modified")).isNotBlank();
        assertThat(header(page, "Cache-Control")).contains("max-age");
        assertThat(text(page)).contains("<html lang=\"en\"", DEMO, identifier)
                .doesNotContain(APPROVING_BODY, DESIGNER, REVIEWER, "Ready for the quality board", "<script");
    }

    @Test
    void machinesGetTurtleAndJsonLdConformingToBothLoqShapeFiles() {
        Node subject = NodeFactory.createURI(identifier);
        for (var format : List.of(Lang.TURTLE, Lang.JSONLD)) {
            String type = format == Lang.TURTLE ? "text/turtle" : "application/ld+json";
            var answer = get("/id/qualification/" + published, "Accept", type);
            assertThat(answer.statusCode()).as(type).isEqualTo(200);
            assertThat(header(answer, "Content-Type")).startsWith(type);
            var graph = OfficialShapes.assertConformsToLoqShapes(answer.body(), format);
            assertThat(graph.find(subject, Node.ANY, Node.ANY).toList()).as("%s describes the identifier", type).isNotEmpty();
        }
    }

    @Test
    void machinesGetLoqXmlValidAgainstTheXsdAndThePdfHasNoApprovalAnnex() throws IOException {
        var xml = get("/id/qualification/" + published, "Accept", "application/xml");
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(text(xml)).contains("id=\"" + identifier + "\"");
        OfficialShapes.assertValidLoqXml(xml.body());

        var pdf = get("/id/qualification/" + published, "Accept", "application/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var document = Loader.loadPDF(pdf.body())) {
            String content = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(content).contains(DEMO).doesNotContain(APPROVING_BODY, REVIEWER, "Approval record");
        }
    }

    /** Every public route with the draft's id answers 404, and no register-wide file names it. */
    @Test
    void theDraftIsNowhere() {
        for (String accept : List.of(BROWSER_ACCEPT, "text/turtle", "application/ld+json", "application/xml", "application/pdf", "*/*")) {
            assertThat(get("/id/qualification/" + draft, "Accept", accept).statusCode()).as(accept).isEqualTo(404);
        }
        for (String format : List.of("html", "ttl", "jsonld", "xml", "pdf")) {
            assertThat(get("/id/qualification/" + draft + "?format=" + format).statusCode()).as(format).isEqualTo(404);
        }
        var everything = new StringBuilder();
        // every subject and every title of the register's RDF (all its triples could exceed the result limit)
        String subjects = "SELECT DISTINCT ?s WHERE { ?s ?p ?o }";
        String titles = "SELECT DISTINCT ?title WHERE { ?s <http://purl.org/dc/terms/title> ?title }";
        for (String path : List.of("/register/loq.xml", "/register/skills.csv", "/catalog?format=ttl", "/catalog?format=html",
                "/sparql?format=csv&query=" + URLEncoder.encode(subjects, StandardCharsets.UTF_8),
                "/sparql?format=csv&query=" + URLEncoder.encode(titles, StandardCharsets.UTF_8))) {
            var answer = get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            everything.append(text(answer));
        }
        assertThat(everything.toString()).contains(published).doesNotContain(draft, DEMO + " (Poland)");
    }

    @Test
    void theCatalogueConformsToDcatAp() {
        for (var format : List.of(Lang.TURTLE, Lang.JSONLD)) {
            String type = format == Lang.TURTLE ? "text/turtle" : "application/ld+json";
            var catalog = get("/catalog", "Accept", type);
            assertThat(catalog.statusCode()).as(type).isEqualTo(200);
            assertThat(text(catalog)).contains(identifier, "/register/loq.xml");
            OfficialShapes.assertConformsToDcatAp(catalog.body(), format);
        }
    }

    @Test
    void theQdrDatasetIsValidAndAnswers304ToItsOwnETag() {
        var dataset = get("/register/loq.xml");
        assertThat(dataset.statusCode()).isEqualTo(200);
        assertThat(text(dataset)).contains(identifier);
        OfficialShapes.assertValidLoqXml(dataset.body());
        String etag = header(dataset, "ETag");
        assertThat(etag).startsWith("\"");
        assertThat(header(dataset, "Last-Modified")).isNotBlank();
        var again = get("/register/loq.xml", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get("/register/loq.xml", "If-None-Match", "\"another\"").statusCode()).isEqualTo(200);
    }

    @Test
    void sparqlAnswersASelectInJsonAndRefusesAnInsert() throws IOException {
        String select = "PREFIX dct: <http://purl.org/dc/terms/> SELECT ?q ?title WHERE { ?q dct:title ?title "
                + "FILTER(STR(?title) = \"" + DEMO + "\") }";
        var answer = app.anonymous("POST", "/sparql", "application/sparql-query", select,
                "Accept", "application/sparql-results+json");
        assertThat(answer.statusCode()).as(text(answer)).isEqualTo(200);
        assertThat(header(answer, "Content-Type")).startsWith("application/sparql-results+json");
        JsonNode bindings = JSON.readTree(answer.body()).at("/results/bindings");
        assertThat(bindings.findValuesAsText("value")).contains(identifier, DEMO);

        String insert = "INSERT DATA { <urn:x:a> <urn:x:b> \"planted\" }";
        var refused = app.anonymous("POST", "/sparql", "application/sparql-update", insert);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(text(refused)).contains("read-only");
        var asQuery = app.anonymous("POST", "/sparql", "application/sparql-query", insert);
        assertThat(asQuery.statusCode()).as("an update sent as a query").isEqualTo(400);
        var ask = get("/sparql?query=" + URLEncoder.encode("ASK { ?s ?p \"planted\" }", StandardCharsets.UTF_8));
        assertThat(JSON.readTree(ask.body()).path("boolean").asBoolean(true)).as("nothing was inserted").isFalse();
    }

    /** The default limit is 5 s (qualigraph.register.sparql-timeout); the catalogue is served while the query runs. */
    @Test
    void aRunawayQueryIsStoppedWithinItsLimitWhileOthersAreServed() throws Exception {
        String runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }";
        long started = System.nanoTime();
        var running = CompletableFuture.supplyAsync(() -> get("/sparql?query=" + URLEncoder.encode(runaway, StandardCharsets.UTF_8)));
        Thread.sleep(500);
        for (int i = 0; i < 3; i++) {
            long before = System.nanoTime();
            var other = get("/catalog", "Accept", "text/turtle");
            long millis = (System.nanoTime() - before) / 1_000_000;
            assertThat(other.statusCode()).isEqualTo(200);
            assertThat(running).as("the runaway query still runs while /catalog answered in %d ms", millis).isNotDone();
        }
        var stopped = running.get();
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(stopped.statusCode()).as(text(stopped)).isEqualTo(503);
        assertThat(text(stopped)).contains("time limit");
        assertThat(millis).as("stopped near the 5 s limit").isLessThan(5_000 + 3_000);
    }
}
