package org.qualigraph.exchange.elm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.SharedData;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The export endpoints of the Europass formats and {@code POST /api/imports/loq-xml}, against the real database. */
class ElmExchangeApiTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    QualificationService qualifications;
    @Autowired
    ElmValidation validation;

    private QualificationDocument storedDemo() {
        return qualifications.create(Documents.demo(json), "designer");
    }

    @Test
    void exportsTheThreeEuropassFormatsWithTypeAndFileName() throws Exception {
        SharedData.requireElm();
        var doc = storedDemo();
        byte[] xml = mvc.perform(get("/api/qualifications/{id}/export/loq-xml", doc.id())
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("reviewer")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"battery-cell-production-technician-r1-draft.xml\""))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(validation.validateXml(xml, Map.of())).isEmpty();
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("urn:uuid:" + doc.id());

        byte[] ttl = mvc.perform(get("/api/qualifications/{id}/export/elm-turtle", doc.id())
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/turtle"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, org.hamcrest.Matchers.endsWith(".ttl\"")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(validation.validateRdf(ttl, Lang.TURTLE)).isEmpty();

        byte[] jsonld = mvc.perform(get("/api/qualifications/{id}/export/elm-jsonld", doc.id())
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/ld+json"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, org.hamcrest.Matchers.endsWith(".jsonld\"")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(validation.validateRdf(jsonld, Lang.JSONLD)).isEmpty();
    }

    @Test
    void unknownFormatOrQualificationIs404AndAnonymousIs401() throws Exception {
        var doc = qualifications.create(Documents.minimal("Small"), "designer");
        mvc.perform(get("/api/qualifications/{id}/export/loq-json", doc.id())
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("loq-xml")));
        mvc.perform(get("/api/qualifications/{id}/export/loq-xml", "00000000-0000-0000-0000-000000000000")
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/qualifications/{id}/export/elm-turtle", doc.id())).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/imports/loq-xml").contentType(MediaType.APPLICATION_XML).content("<Courses/>"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/imports/loq-xml").contentType(MediaType.APPLICATION_XML).content("<Courses/>")
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("reviewer")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theOfficialSampleImports() throws Exception {
        byte[] sample = Files.readAllBytes(SharedData.requireElm().resolve("loq/loq.xml"));
        String body = mvc.perform(post("/api/imports/loq-xml").contentType(MediaType.APPLICATION_XML).content(sample)
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        JsonNode created = json.readTree(body).get("created");
        assertThat(created).isNotEmpty();
        var first = qualifications.get(created.get(0).asText());
        assertThat(first.title()).containsEntry("en", "r6Z7KzQdvNjTBUzF1z").containsEntry("nl", "zUL49ME");
        assertThat(first.eqfLevel()).isEqualTo(2);
        assertThat(first.iscedF()).contains("1022", "0810");
        assertThat(first.units()).isNotEmpty();
        assertThat(first.units().stream().mapToInt(u -> u.outcomes().size()).sum()).isEqualTo(2);
        assertThat(qualifications.countAll()).isEqualTo(created.size());
    }

    @Test
    void xxeEntityExpansionMalformedAndForeignFilesAreRejectedAndChangeNothing() throws Exception {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Courses [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <Courses xmlns="http://data.europa.eu/snb/model/ap/loq-constraints/"><learningAchievementSpecificationReferences>
                <qualification id="http://q"><title language="en">&xxe;</title></qualification>
                </learningAchievementSpecificationReferences></Courses>""";
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <Courses xmlns="http://data.europa.eu/snb/model/ap/loq-constraints/">&lol3;</Courses>""";
        for (String attack : new String[] {xxe, laughs}) {
            post400(attack, "DTD");
        }
        post400("<Courses xmlns=\"http://data.europa.eu/snb/model/ap/loq-constraints/\">\n<learning>\n</Courses>", "line 3");
        post400("<html><body/></html>", "not a Europass LOQ file");
        assertThat(qualifications.countAll()).isZero();
    }

    private void post400(String body, String expected) throws Exception {
        mvc.perform(post("/api/imports/loq-xml").contentType(MediaType.APPLICATION_XML).content(body)
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString(expected)));
    }

    @Test
    void exportImportExportKeepsTheContent() throws Exception {
        SharedData.requireElm();
        var doc = storedDemo();
        byte[] first = mvc.perform(get("/api/qualifications/{id}/export/loq-xml", doc.id())
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer"))).andReturn().getResponse().getContentAsByteArray();
        String body = mvc.perform(post("/api/imports/loq-xml").contentType(MediaType.APPLICATION_XML).content(first)
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String importedId = json.readTree(body).get("created").get(0).asText();
        var imported = qualifications.get(importedId);
        assertThat(imported.title()).isEqualTo(doc.title());
        assertThat(imported.description()).isEqualTo(doc.description());
        assertThat(imported.nqfLevels()).isEqualTo(doc.nqfLevels());
        assertThat(imported.units()).hasSameSizeAs(doc.units());
        assertThat(imported.units().get(0).outcomes()).extracting(o -> o.code() + o.dimension() + o.statement() + o.skills())
                .containsExactlyElementsOf(doc.units().get(0).outcomes().stream()
                        .map(o -> o.code() + o.dimension() + o.statement() + o.skills()).toList());
        byte[] second = mvc.perform(get("/api/qualifications/{id}/export/loq-xml", importedId)
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer"))).andReturn().getResponse().getContentAsByteArray();
        assertThat(normalise(second)).isEqualTo(normalise(first));
    }

    /** Identifiers differ between the two qualifications; everything else must be equal. */
    static String normalise(byte[] xml) {
        Matcher m = Pattern.compile("urn:uuid:[0-9a-f-]{36}").matcher(new String(xml, StandardCharsets.UTF_8));
        var ids = new LinkedHashMap<String, String>();
        var out = new StringBuilder();
        while (m.find()) {
            String id = ids.computeIfAbsent(m.group(), k -> "id-" + ids.size());
            m.appendReplacement(out, id);
        }
        m.appendTail(out);
        return out.toString();
    }
}
