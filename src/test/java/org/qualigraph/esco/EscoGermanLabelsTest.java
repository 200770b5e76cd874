package org.qualigraph.esco;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.EscoTestData;
import org.qualigraph.support.SharedData;
import org.qualigraph.support.TestUsers;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * ESCO in German, with the real German v1.2.0 files of {@code ../shared/data/esco/v1.2.0-de-partial}: a package laid
 * out like the official one is assembled in a temporary folder (a skills file from the skill collections, as the
 * folder's README says), imported over the API on top of the English v1.1.1 release, and then found, shown and exported
 * in German.
 */
class EscoGermanLabelsTest extends ViewTest {

    private static final String[] SKILL_COLUMNS = {"conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel",
            "altLabels", "description"};

    @Autowired
    EscoService esco;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Driver driver;
    @Autowired
    QualificationService qualifications;

    @TempDir
    Path dir;

    /** URI → German preferred label of the green collection's skills, in file order. */
    private final Map<String, String> greenSkills = new LinkedHashMap<>();
    private final Set<String> packageSkills = new HashSet<>();
    private final Set<String> packageOccupations = new HashSet<>();

    @BeforeEach
    void englishRelease() {
        EscoTestData.ensureLoaded(esco);
    }

    @AfterEach
    void forgetGerman() {
        try (var session = driver.session()) {
            session.run("""
                    MATCH (n) WHERE (n:EscoSkill OR n:EscoOccupation) AND n.label_de IS NOT NULL
                    REMOVE n.label_de, n.altLabels_de, n.searchText_de, n.description_de
                    """).consume();
            session.run("MATCH (l:EscoLanguage) DETACH DELETE l").consume();
        }
    }

    @Test
    void aGermanPackageAddsGermanLabelsThatAreSearchedShownAndExported() throws Exception {
        Path zip = assembleGermanPackage();

        // imported over the API: a classification package alone, in German
        String body = mvc.perform(multipart("/api/imports/esco").file(new MockMultipartFile("classification",
                                zip.getFileName().toString(), "application/zip", Files.readAllBytes(zip)))
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin")))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        JsonNode job = awaitJob(json.readTree(body).get("job").asText());
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("DONE");
        JsonNode counts = job.get("counts");
        assertThat(counts.get("language").asText()).isEqualTo("de");

        // what the loaded v1.1.1 release lacks of the v1.2.0 package is counted, not written
        Set<String> known = knownUris();
        long unknownSkills = packageSkills.stream().filter(uri -> !known.contains(uri)).count();
        long unknownOccupations = packageOccupations.stream().filter(uri -> !known.contains(uri)).count();
        assertThat(counts.get("unknownSkills").asLong()).isEqualTo(unknownSkills);
        assertThat(counts.get("unknownOccupations").asLong()).isEqualTo(unknownOccupations);
        assertThat(counts.get("unknownConcepts").asLong()).isEqualTo(unknownSkills + unknownOccupations);
        assertThat(counts.get("occupations").asLong()).isEqualTo(packageOccupations.size() - unknownOccupations).isGreaterThan(2_500);
        assertThat(counts.get("skills").asLong() + counts.get("skillGroups").asLong())
                .isEqualTo(packageSkills.size() - unknownSkills).isGreaterThan(2_000);
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (n:EscoOccupation) WHERE n.label_de IS NOT NULL RETURN count(n) AS c")
                    .single().get("c").asLong()).isEqualTo(packageOccupations.size() - unknownOccupations);
        }

        // the status reports per language
        mvc.perform(get("/api/esco/status").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.languages.en.occupations").isNumber())
                .andExpect(jsonPath("$.languages.de.occupations").value((int) (packageOccupations.size() - unknownOccupations)))
                .andExpect(jsonPath("$.languages.de.unknownConcepts").value((int) (unknownSkills + unknownOccupations)));

        // searched with the German analyzer and answered in German
        String occupations = mvc.perform(get("/api/esco/occupations").param("q", "Elektroniker").param("lang", "de")
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode hits = json.readTree(occupations);
        assertThat(hits.size()).isPositive();
        assertThat(hits.get(0).get("label").asText()).contains("Elektroniker");
        // the same search in English finds nothing named so
        String english = mvc.perform(get("/api/esco/occupations").param("q", "Elektroniker")
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).doesNotContain("Elektroniker");

        var green = firstKnownGreenSkill(known);
        String germanLabel = green.getValue();
        String skills = mvc.perform(get("/api/esco/skills").param("q", germanLabel).param("lang", "de")
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(skills).findValuesAsText("uri")).contains(green.getKey());
        mvc.perform(get("/api/esco/skills").param("q", "Schweißen").param("lang", "xx")
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].field").value("lang"));

        // a green skill on an outcome: its chip reads German for a German user, English for an English one
        var minimal = Documents.minimal("Grüne Kompetenzen");
        var unit = minimal.units().get(0);
        var outcomes = new ArrayList<>(unit.outcomes());
        OutcomeDocument skillsOutcome = outcomes.stream().filter(o -> o.dimension() == org.qualigraph.curriculum.Dimension.SKILLS)
                .findFirst().orElseThrow();
        outcomes.set(outcomes.indexOf(skillsOutcome), new OutcomeDocument(skillsOutcome.id(), skillsOutcome.code(),
                skillsOutcome.dimension(), skillsOutcome.statement(), skillsOutcome.eqfLevel(), List.of(green.getKey()),
                skillsOutcome.keyCompetences()));
        var stored = qualifications.create(minimal.withUnits(List.of(unit.withOutcomes(outcomes))), "designer");
        String englishLabel = esco.skills(List.of(green.getKey())).get(green.getKey()).label();
        assertThat(englishLabel).isNotEqualTo(germanLabel);

        login("designer", "DESIGNER");
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().navigate("qualifications/" + stored.id());
        _get(TabSheet.class, spec -> spec.withId("editor-tabs")).setSelectedIndex(1);
        assertThat(_find(Span.class, spec -> spec.withClasses("skill-chip"))).extracting(Span::getText)
                .anySatisfy(text -> assertThat(text).contains(germanLabel))
                // ESCO's type and reuse-level codes (English in every package) in German words
                .anySatisfy(text -> assertThat(text).containsAnyOf("Fertigkeit/Kompetenz", "Wissen"))
                .noneSatisfy(text -> assertThat(text).containsAnyOf("skill/competence", "· knowledge", "sector-specific",
                        "cross-sector", "occupation-specific"));

        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("qualifications/" + stored.id());
        _get(TabSheet.class, spec -> spec.withId("editor-tabs")).setSelectedIndex(1);
        assertThat(_find(Span.class, spec -> spec.withClasses("skill-chip"))).extracting(Span::getText)
                .anySatisfy(text -> assertThat(text).contains(englishLabel))
                .noneSatisfy(text -> assertThat(text).contains(germanLabel));

        // and in the German PDF (the English one keeps the English label)
        assertThat(pdfText(stored.id(), "de")).contains(flat(germanLabel));
        assertThat(pdfText(stored.id(), "en")).contains(flat(englishLabel)).doesNotContain(flat(germanLabel));
    }

    @Test
    void aLanguagePackageNeedsALoadedReleaseAndALanguageEscoKnows() throws Exception {
        Path zip = assembleGermanPackage();
        // a package in a language without a search index here is refused at once, naming the part
        Path swedish = dir.resolve("esco-v1.2.0-classification-sv-csv.zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(swedish))) {
            out.putNextEntry(new ZipEntry("occupations_sv.csv"));
            out.write("conceptUri,preferredLabel,altLabels,description\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        mvc.perform(multipart("/api/imports/esco").file(new MockMultipartFile("classification", swedish.getFileName().toString(),
                                "application/zip", Files.readAllBytes(swedish)))
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].field").value("classification"));
        // only administrators import
        mvc.perform(multipart("/api/imports/esco").file(new MockMultipartFile("classification", zip.getFileName().toString(),
                                "application/zip", Files.readAllBytes(zip)))
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isForbidden());
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (n:EscoOccupation) WHERE n.label_de IS NOT NULL RETURN count(n) AS c")
                    .single().get("c").asLong()).isZero();
        }
    }

    /** The German package as the official layout has it: skills_de.csv assembled from the collections, the rest as is. */
    private Path assembleGermanPackage() throws IOException {
        Path source = SharedData.sharedDir().resolve("data/esco/v1.2.0-de-partial");
        Assumptions.assumeTrue(Files.isRegularFile(source.resolve("occupations_de.csv")),
                "Skipped: the German ESCO files are not at " + source + " (they come with ../shared, not with the project)");
        var skillRows = new LinkedHashMap<String, List<String>>();
        for (String collection : List.of("greenSkillsCollection_de.csv", "digitalSkillsCollection_de.csv",
                "languageSkillsCollection_de.csv", "transversalSkillsCollection_de.csv", "researchSkillsCollection_de.csv",
                "digCompSkillsCollection_de.csv")) {
            for (CSVRecord r : records(source.resolve(collection))) {
                String uri = r.get("conceptUri");
                if (!uri.contains("/esco/skill/") || skillRows.containsKey(uri)) {
                    continue;
                }
                // collections separate alternative labels with " | ", the skills file with newlines
                String alt = String.join("\n", List.of(r.get("altLabels").split("\\s+\\|\\s+")));
                skillRows.put(uri, List.of(r.get("conceptType"), uri, r.get("skillType"), r.get("reuseLevel"),
                        r.get("preferredLabel"), alt, r.get("description")));
                if (collection.startsWith("green")) {
                    greenSkills.put(uri, r.get("preferredLabel"));
                }
            }
        }
        packageSkills.addAll(skillRows.keySet());
        for (CSVRecord r : records(source.resolve("skillGroups_de.csv"))) {
            packageSkills.add(r.get("conceptUri"));
        }
        for (CSVRecord r : records(source.resolve("occupations_de.csv"))) {
            packageOccupations.add(r.get("conceptUri"));
        }
        var skillsCsv = new StringWriter();
        try (var printer = new CSVPrinter(skillsCsv, CSVFormat.RFC4180.builder().setHeader(SKILL_COLUMNS).get())) {
            for (var row : skillRows.values()) {
                printer.printRecord(row);
            }
        }
        Path zip = dir.resolve("ESCO dataset - v1.2.0 - classification - de - csv.zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("skills_de.csv"));
            out.write(skillsCsv.toString().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            for (String file : List.of("occupations_de.csv", "skillGroups_de.csv", "ISCOGroups_de.csv",
                    "greenSkillsCollection_de.csv")) {
                out.putNextEntry(new ZipEntry(file));
                out.write(Files.readAllBytes(source.resolve(file)));
                out.closeEntry();
            }
        }
        return zip;
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }

    private Set<String> knownUris() {
        try (var session = driver.session()) {
            return new HashSet<>(session.run("""
                    MATCH (n) WHERE (n:EscoSkill OR n:EscoOccupation) AND n.escoVersion IS NOT NULL
                      AND coalesce(n.obsolete, false) = false
                    RETURN n.uri AS uri
                    """).list(r -> r.get("uri").asString()));
        }
    }

    private Map.Entry<String, String> firstKnownGreenSkill(Set<String> known) {
        return greenSkills.entrySet().stream().filter(e -> known.contains(e.getKey())).findFirst().orElseThrow();
    }

    private String pdfText(String id, String lang) throws Exception {
        byte[] pdf = mvc.perform(get("/api/qualifications/{id}/export/pdf", id).param("lang", lang)
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("designer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var loaded = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return flat(new org.apache.pdfbox.text.PDFTextStripper().getText(loaded));
        }
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private JsonNode awaitJob(String job) throws Exception {
        for (int i = 0; i < 1200; i++) {
            String body = mvc.perform(get("/api/jobs/" + job).header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            JsonNode node = json.readTree(body);
            if (!"RUNNING".equals(node.get("state").asText())) {
                return node;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + job + " did not finish within 120 s");
    }
}
