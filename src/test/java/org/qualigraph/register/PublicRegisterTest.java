package org.qualigraph.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.commons.csv.CSVFormat;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qualigraph.base.BadInputException;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationStatus;
import org.qualigraph.exchange.elm.ElmValidation;
import org.qualigraph.quality.ReviewWorkflowService;
import org.qualigraph.quality.TransitionRequest;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.OfficialShapes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public register over HTTP, anonymous, with qualifications taken through the review workflow to PUBLISHED: each
 * format at the identifier validates against the official schemas, the QDR dataset and the catalogue against theirs,
 * caching works, SPARQL is read-only and bounded, and nothing that is not published or archived can be reached.
 */
class PublicRegisterTest extends IntegrationTest {

    static final String SKILL = "http://data.europa.eu/esco/skill/198b614d-a9af-46f5-b3fd-2672b401dd8e";

    @Autowired
    MockMvc mvc;
    @Autowired
    QualificationService qualifications;
    @Autowired
    ReviewWorkflowService workflow;
    @Autowired
    ElmValidation validation;
    @Autowired
    RegisterService register;
    @Autowired
    RegisterProperties properties;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void freshRegister() {
        register.refresh();
    }

    private String publish(QualificationDocument doc) {
        return publish(doc, "reviewer");
    }

    /** Approved and published by {@code approver}, who is on the approval record. */
    private String publish(QualificationDocument doc, String approver) {
        String id = inStatus(doc, QualificationStatus.APPROVED, approver);
        workflow.transition(id, new TransitionRequest("PUBLISHED", null, null), approver, Set.of("REVIEWER"));
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.PUBLISHED);
        return id;
    }

    private String inStatus(QualificationDocument doc, QualificationStatus status) {
        return inStatus(doc, status, "reviewer");
    }

    /** Created by the designer and moved through the workflow by the roles that may, up to {@code status}. */
    private String inStatus(QualificationDocument doc, QualificationStatus status, String approver) {
        String id = qualifications.create(doc, "designer").id();
        if (status == QualificationStatus.DRAFT) {
            return id;
        }
        workflow.transition(id, new TransitionRequest("IN_REVIEW", "ready", null), "designer", Set.of("DESIGNER"));
        if (status == QualificationStatus.APPROVED) {
            workflow.transition(id, new TransitionRequest("APPROVED", "fine", new TransitionRequest.ApprovalInput(
                    "Programme board", LocalDate.now(), "approved")), approver, Set.of("REVIEWER"));
        }
        assertThat(qualifications.get(id).status()).isEqualTo(status);
        return id;
    }

    private static QualificationDocument withSkill(QualificationDocument doc) {
        var unit = doc.units().get(0);
        var outcomes = new ArrayList<OutcomeDocument>();
        for (OutcomeDocument o : unit.outcomes()) {
            outcomes.add(new OutcomeDocument(o.id(), o.code(), o.dimension(), o.statement(), o.eqfLevel(),
                    o.dimension() == org.qualigraph.curriculum.Dimension.SKILLS ? List.of(SKILL) : o.skills(), o.keyCompetences()));
        }
        return doc.withUnits(List.of(unit.withOutcomes(outcomes)));
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void aPublishedQualificationAnswersPeopleAndMachinesAtItsIdentifier() throws Exception {
        var doc = withSkill(Documents.minimal("Battery cell technician"));
        doc = doc.withTitle(Map.of("en", "Battery cell technician", "de", "Batteriezellentechniker"));
        String id = publish(doc);
        String identifier = "http://localhost/id/qualification/" + id;

        var html = call(get("/id/qualification/" + id).accept(MediaType.TEXT_HTML));
        assertThat(html.getStatus()).isEqualTo(200);
        assertThat(html.getContentType()).startsWith("text/html");
        String page = html.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<html lang=\"en\"", "Battery cell technician", "Unit 1 of Battery cell technician",
                identifier, "U1.K1").doesNotContain("reviewer", "Programme board", "designer", "<script");
        assertThat(html.getHeader(HttpHeaders.VARY)).contains("Accept");
        assertThat(html.getHeader(HttpHeaders.ETAG)).startsWith("\"");
        assertThat(html.getHeader(HttpHeaders.LAST_MODIFIED)).isNotBlank();
        assertThat(html.getHeader(HttpHeaders.CACHE_CONTROL)).contains("max-age");
        assertThat(html.getHeader(HttpHeaders.CONTENT_LOCATION)).isEqualTo(identifier + "?format=html&lang=en");

        var german = call(get("/id/qualification/" + id).accept(MediaType.TEXT_HTML).header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE,de;q=0.9,en;q=0.5"));
        assertThat(german.getContentAsString(StandardCharsets.UTF_8)).contains("<html lang=\"de\"", "Batteriezellentechniker", "Eckdaten");

        var turtle = call(get("/id/qualification/" + id).accept("text/turtle"));
        assertThat(turtle.getContentType()).startsWith("text/turtle");
        assertThat(turtle.getContentAsString(StandardCharsets.UTF_8)).contains("<" + identifier + ">", identifier + "#unit-U1");
        assertThat(validation.validateRdf(turtle.getContentAsByteArray(), Lang.TURTLE)).as("both LOQ SHACL files").isEmpty();

        var jsonLd = call(get("/id/qualification/" + id).accept("application/ld+json"));
        assertThat(jsonLd.getContentType()).startsWith("application/ld+json");
        assertThat(validation.validateRdf(jsonLd.getContentAsByteArray(), Lang.JSONLD)).isEmpty();

        var xml = call(get("/id/qualification/" + id).accept(MediaType.APPLICATION_XML));
        assertThat(xml.getContentType()).startsWith("application/xml");
        assertThat(xml.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"" + identifier + "\"");
        assertThat(validation.validateXml(xml.getContentAsByteArray(), Map.of())).as("loq.xsd").isEmpty();

        var pdf = call(get("/id/qualification/" + id).accept("application/pdf"));
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(new String(pdf.getContentAsByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        assertThat(call(get("/id/qualification/" + id).param("format", "ttl")).getContentAsString())
                .isEqualTo(turtle.getContentAsString());
        assertThat(call(get("/id/qualification/" + id).accept("image/png")).getStatus()).isEqualTo(406);

        String etag = turtle.getHeader(HttpHeaders.ETAG);
        var again = call(get("/id/qualification/" + id).accept("text/turtle").header(HttpHeaders.IF_NONE_MATCH, etag));
        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getContentAsByteArray()).isEmpty();
        assertThat(again.getHeader(HttpHeaders.ETAG)).isEqualTo(etag);

        var caseJson = json.readTree(mvc.perform(get("/api/qualifications/" + id + "/export/case-json")
                .header(HttpHeaders.AUTHORIZATION, org.qualigraph.support.TestUsers.basic("designer"))).andReturn()
                .getResponse().getContentAsString());
        assertThat(caseJson.at("/CFDocument/uri").asText()).as("the CASE export names the identifier too").isEqualTo(identifier);
    }

    /**
     * The PDF anyone can download has the curriculum but neither annex: no quality findings, no approval record, so no
     * approver's username, approving body, stakeholder or evidence. The signed-in export keeps both annexes.
     */
    @Test
    void thePublicPdfLeavesOutTheAnnexesAndTheApprover() throws Exception {
        String approver = "okafor.approver";
        String id = publish(Documents.minimal("Battery cell technician"), approver);
        var answer = call(get("/id/qualification/" + id).accept("application/pdf"));
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getContentType()).startsWith("application/pdf");
        String published = pdfText(answer.getContentAsByteArray());
        assertThat(published).contains("Battery cell technician", "Unit 1 of Battery cell technician", "U1.K1")
                .doesNotContain(approver, "Programme board", "Annex A: Quality report", "Annex B: Approval record",
                        "Approved by", "designer");
        assertThat(pdfText(call(get("/id/qualification/" + id).param("format", "pdf").param("lang", "de")).getContentAsByteArray()))
                .as("in another language too").contains("Battery cell technician").doesNotContain(approver, "Programme board");

        byte[] signedIn = call(get("/api/qualifications/" + id + "/export/pdf")
                .header(HttpHeaders.AUTHORIZATION, org.qualigraph.support.TestUsers.basic("designer"))).getContentAsByteArray();
        assertThat(pdfText(signedIn)).as("the signed-in export is the full document")
                .contains("Battery cell technician", "Annex B: Approval record", approver, "Programme board");
    }

    private static String pdfText(byte[] pdf) throws java.io.IOException {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace('\u00a0', ' ').replaceAll("\\s+", " ");
        }
    }

    @Test
    void anArchivedQualificationStaysResolvableAndSaysSo() throws Exception {
        String id = publish(Documents.minimal("Heat pump installer"));
        qualifications.changeStatus(id, QualificationStatus.ARCHIVED, "reviewer");
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.ARCHIVED);
        register.refresh();

        var html = call(get("/id/qualification/" + id).accept(MediaType.TEXT_HTML));
        assertThat(html.getStatus()).isEqualTo(200);
        assertThat(html.getContentAsString(StandardCharsets.UTF_8)).contains("This qualification is archived");
        assertThat(call(get("/id/qualification/" + id).accept("text/turtle")).getStatus()).isEqualTo(200);
        assertThat(call(get("/register/loq.xml")).getContentAsString()).as("no longer in the QDR dataset").doesNotContain(id);
    }

    /** Every public route with the ids of a draft, one in review, one approved but not published: 404, no hint. */
    @Test
    void nothingUnpublishedIsReachable() throws Exception {
        String published = publish(Documents.minimal("Published one"));
        Map<String, String> hidden = Map.of(
                inStatus(Documents.minimal("Secret draft"), QualificationStatus.DRAFT), "Secret draft",
                inStatus(Documents.minimal("Secret review"), QualificationStatus.IN_REVIEW), "Secret review",
                inStatus(Documents.minimal("Secret approved"), QualificationStatus.APPROVED), "Secret approved");
        String unknown = call(get("/id/qualification/00000000-0000-0000-0000-000000000000")).getContentAsString()
                .replace("00000000-0000-0000-0000-000000000000", "ID");
        for (var e : hidden.entrySet()) {
            String id = e.getKey();
            for (String accept : List.of("text/html", "text/turtle", "application/ld+json", "application/xml", "application/pdf", "*/*")) {
                var answer = call(get("/id/qualification/" + id).accept(accept));
                assertThat(answer.getStatus()).as(e.getValue() + " as " + accept).isEqualTo(404);
                assertThat(answer.getContentAsString().replace(id, "ID")).as("the same answer as an unknown id").isEqualTo(unknown);
            }
            for (String format : List.of("html", "ttl", "jsonld", "xml", "pdf")) {
                assertThat(call(get("/id/qualification/" + id).param("format", format)).getStatus()).isEqualTo(404);
            }
            assertThat(call(get("/id/qualification/" + id).header(HttpHeaders.IF_NONE_MATCH, "*")).getStatus()).isEqualTo(404);
        }
        var everything = new StringBuilder();
        everything.append(call(get("/register/loq.xml")).getContentAsString(StandardCharsets.UTF_8));
        everything.append(call(get("/register/skills.csv")).getContentAsString(StandardCharsets.UTF_8));
        for (String format : List.of("ttl", "jsonld", "html")) {
            everything.append(call(get("/catalog").param("format", format)).getContentAsString(StandardCharsets.UTF_8));
        }
        everything.append(call(get("/sparql").param("query", "SELECT ?s ?p ?o WHERE { ?s ?p ?o }").param("format", "csv"))
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(everything.toString()).contains(published, "Published one");
        for (var e : hidden.entrySet()) {
            assertThat(everything.toString()).doesNotContain(e.getKey()).doesNotContain(e.getValue());
        }
    }

    @Test
    void theQdrDatasetHoldsEveryPublishedQualificationValidAndCacheable() throws Exception {
        String first = publish(Documents.minimal("Cell technician"));
        String second = publish(Documents.minimal("Module assembler"));
        var answer = call(get("/register/loq.xml"));
        assertThat(answer.getStatus()).isEqualTo(200);
        String xml = answer.getContentAsString(StandardCharsets.UTF_8);
        assertThat(xml).contains("http://localhost/id/qualification/" + first, "http://localhost/id/qualification/" + second);
        assertThat(validation.validateXml(answer.getContentAsByteArray(), Map.of()))
                .as("valid against loq.xsd, the shared awarding body written once").isEmpty();
        String etag = answer.getHeader(HttpHeaders.ETAG);
        assertThat(answer.getHeader(HttpHeaders.LAST_MODIFIED)).isNotBlank();
        assertThat(call(get("/register/loq.xml").header(HttpHeaders.IF_NONE_MATCH, etag)).getStatus()).isEqualTo(304);
        assertThat(call(get("/register/loq.xml")).getContentAsString()).as("served from the snapshot: same bytes").isEqualTo(xml);

        String third = publish(Documents.minimal("Recycling specialist"));
        var changed = call(get("/register/loq.xml").header(HttpHeaders.IF_NONE_MATCH, etag));
        assertThat(changed.getStatus()).as("a publication is seen at once").isEqualTo(200);
        assertThat(changed.getContentAsString()).contains(third);
    }

    @Test
    void theCatalogueConformsToDcatAp() throws Exception {
        String id = publish(withSkill(Documents.minimal("Cell technician")));
        var turtle = call(get("/catalog").accept("text/turtle"));
        assertThat(turtle.getStatus()).isEqualTo(200);
        String text = turtle.getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).contains("http://localhost/id/qualification/" + id + "#dataset", "dcat:Dataset",
                "http://creativecommons.org/licenses/by/4.0/", "/register/loq.xml", "/register/skills.csv");
        var jsonLd = call(get("/catalog").accept("application/ld+json"));
        assertThat(jsonLd.getContentType()).startsWith("application/ld+json");
        var html = call(get("/catalog").accept("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"));
        assertThat(html.getContentType()).startsWith("text/html");
        assertThat(html.getContentAsString(StandardCharsets.UTF_8)).contains("Cell technician");

        OfficialShapes.assertConformsToDcatAp(turtle.getContentAsByteArray(), Lang.TURTLE);
        OfficialShapes.assertConformsToDcatAp(jsonLd.getContentAsByteArray(), Lang.JSONLD);
    }

    @Test
    void theSkillsTableListsEachPublishedQualificationAndSkill() throws Exception {
        String id = publish(withSkill(Documents.minimal("Cell technician")));
        inStatus(withSkill(Documents.minimal("Unpublished")), QualificationStatus.DRAFT);
        var answer = call(get("/register/skills.csv"));
        assertThat(answer.getContentType()).startsWith("text/csv");
        var rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new java.io.StringReader(answer.getContentAsString(StandardCharsets.UTF_8))).getRecords();
        assertThat(rows.get(0).getParser().getHeaderNames()).containsExactlyElementsOf(SkillsTable.HEADER);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("qualification")).isEqualTo("http://localhost/id/qualification/" + id);
        assertThat(rows.get(0).get("qualificationTitle")).isEqualTo("Cell technician");
        assertThat(rows.get(0).get("eqfLevel")).isEqualTo("4");
        assertThat(rows.get(0).get("skill")).isEqualTo(SKILL);
    }

    @Test
    void sparqlAnswersQueriesInJsonAndCsvAndRefusesUpdates() throws Exception {
        String id = publish(withSkill(Documents.minimal("Cell technician")));
        String select = SparqlService.PREFIXES + "SELECT ?q ?title WHERE { ?q a elm:Qualification ; "
                + "elm:isPartialQualification false ; dct:title ?title }";
        var jsonAnswer = call(get("/sparql").param("query", select).accept("application/sparql-results+json"));
        assertThat(jsonAnswer.getStatus()).isEqualTo(200);
        assertThat(jsonAnswer.getContentType()).startsWith("application/sparql-results+json");
        JsonNode bindings = json.readTree(jsonAnswer.getContentAsString()).at("/results/bindings");
        assertThat(bindings).hasSize(1);
        assertThat(bindings.get(0).at("/q/value").asText()).isEqualTo("http://localhost/id/qualification/" + id);

        var csv = call(post("/sparql").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("query", select).accept("text/csv"));
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getContentAsString()).startsWith("q,title").contains("Cell technician");
        var body = call(post("/sparql").contentType("application/sparql-query").content(select).param("format", "csv"));
        assertThat(body.getContentAsString()).contains("Cell technician");

        for (var example : SparqlExamples.EXAMPLES) {
            assertThat(call(get("/sparql").param("query", example.query())).getStatus()).as(example.title()).isEqualTo(200);
        }
        assertThat(json.readTree(call(get("/sparql").param("query", SparqlExamples.EXAMPLES.get(0).query()))
                .getContentAsString()).at("/results/bindings")).as("the skill example finds the qualification").hasSize(1);

        var insert = call(post("/sparql").contentType("application/sparql-query")
                .content("INSERT DATA { <urn:a> <urn:b> <urn:c> }"));
        assertThat(insert.getStatus()).isEqualTo(400);
        assertThat(insert.getContentAsString()).contains("read-only");
        assertThat(call(get("/sparql").param("query", "ASK { <urn:a> <urn:b> <urn:c> }")).getContentAsString())
                .contains("false");
        assertThat(call(put("/sparql").content("x")).getStatus()).as("read-only: other methods").isEqualTo(405);
        assertThat(call(post("/catalog")).getStatus()).isEqualTo(405);
    }

    /** A runaway query is stopped at the time limit while other requests keep being served. */
    @Test
    void aRunawayQueryIsStoppedWhileOthersAreServed() throws Exception {
        publish(withSkill(Documents.minimal("Cell technician")));
        publish(Documents.minimal("Module assembler"));
        String runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }";
        long limit = properties.sparqlTimeout().toMillis();
        long started = System.nanoTime();
        var running = CompletableFuture.supplyAsync(() -> {
            try {
                return call(get("/sparql").param("query", runaway));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        long before = System.nanoTime();
        var other = call(get("/register/loq.xml"));
        long otherMillis = (System.nanoTime() - before) / 1_000_000;
        assertThat(other.getStatus()).isEqualTo(200);
        assertThat(running).as("the runaway query is still running while the dataset was served in " + otherMillis + " ms")
                .isNotDone();
        var stopped = running.get();
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(stopped.getStatus()).isEqualTo(503);
        assertThat(stopped.getContentAsString()).contains("time limit");
        assertThat(millis).as("stopped near its limit of " + limit + " ms").isLessThan(limit + 3_000);

        assertThatThrownBy(() -> register(5).query("SELECT * WHERE { ?s ?p ?o }", SparqlService.Format.JSON))
                .isInstanceOf(BadInputException.class).hasMessageContaining("more than 5 results");
        assertThat(new String(register(5).query("SELECT * WHERE { ?s ?p ?o } LIMIT 5", SparqlService.Format.CSV).bytes(),
                StandardCharsets.UTF_8).lines()).hasSize(6);
        assertThatThrownBy(() -> register(5).query(runaway, SparqlService.Format.JSON, 200))
                .isInstanceOf(ResponseStatusException.class).hasMessageContaining("time limit");
    }

    private SparqlService register(int maxResults) {
        return new SparqlService(register, new RegisterProperties(properties.publisher(), properties.licence(),
                properties.requestsPerMinute(), properties.sparqlTimeout(), maxResults, 2, properties.recheck()));
    }

    @Test
    void aClientAskingTooOftenGets429AndOthersDoNot() throws Exception {
        int allowed = properties.requestsPerMinute();
        int last = 0;
        for (int i = 0; i <= allowed; i++) {
            last = call(get("/register/skills.csv").with(r -> {
                r.setRemoteAddr("10.9.8.7");
                return r;
            })).getStatus();
            if (last == 429) {
                break;
            }
        }
        var refused = call(get("/catalog").with(r -> {
            r.setRemoteAddr("10.9.8.7");
            return r;
        }));
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).matches("\\d+");
        assertThat(refused.getContentAsString()).contains("try again in");
        assertThat(call(get("/register/skills.csv").with(r -> {
            r.setRemoteAddr("10.9.8.6");
            return r;
        })).getStatus()).as("another address").isEqualTo(200);
    }
}
