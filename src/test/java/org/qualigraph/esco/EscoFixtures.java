package org.qualigraph.esco;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small hand-written packages in the official ESCO CSV format (headers exactly as in v1.1.1/v1.2.0, multi-valued
 * cells encoded as ESCO does), written as zip files in either layout.
 */
public final class EscoFixtures {

    static final String SKILL = "http://data.europa.eu/esco/skill/";
    static final String OCC = "http://data.europa.eu/esco/occupation/";
    static final String ISCO = "http://data.europa.eu/esco/isco/";
    static final String WELD = SKILL + "weld-0001";
    static final String ARC = SKILL + "arc-weld-0002";
    static final String TEAM = SKILL + "teamwork-0003";
    static final String METAL = SKILL + "metals-0004";
    static final String GROUP_T = SKILL + "group-t";
    static final String GROUP_T4 = SKILL + "group-t4";
    static final String GROUP_S = SKILL + "group-s";
    static final String WELDER = OCC + "welder-1";
    static final String FITTER = OCC + "fitter-2";

    /** The files of the classification package without the language suffix, in the order they go into the zip. */
    public final Map<String, String> files = new LinkedHashMap<>();

    public EscoFixtures() {
        files.put("skills", """
                conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description
                KnowledgeSkillCompetence,%1$s,skill/competence,sector-specific,weld metal parts,"join metal parts
                fuse metal workpieces",,released,2016-12-20T17:43:43Z,,,"http://data.europa.eu/esco/concept-scheme/skills,
                http://data.europa.eu/esco/concept-scheme/member-skills",Join metal parts by melting them.
                KnowledgeSkillCompetence,%2$s,skill/competence,occupation-specific,use arc welding techniques,"shielded metal arc welding
                MMA welding",,released,2016-12-20T17:43:43Z,,,http://data.europa.eu/esco/concept-scheme/skills,"Apply arc welding, e.g. ""stick"" welding."
                KnowledgeSkillCompetence,%3$s,skill/competence,transversal,work in teams,"teamwork
                cooperate with colleagues",,released,2016-12-20T17:43:43Z,,,http://data.europa.eu/esco/concept-scheme/skills,Work with others.
                KnowledgeSkillCompetence,%4$s,knowledge,cross-sector,metals,,,released,2016-12-20T17:43:43Z,,,http://data.europa.eu/esco/concept-scheme/skills,Properties of metals.
                """.formatted(WELD, ARC, TEAM, METAL));
        files.put("skillGroups", """
                conceptType,conceptUri,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,inScheme,description,code
                SkillGroup,%1$s,transversal skills and competences,,,released,,,"http://data.europa.eu/esco/concept-scheme/skills
                http://data.europa.eu/esco/concept-scheme/skills-hierarchy",Transversal.,T
                SkillGroup,%2$s,social and communication skills and competences,,,released,,,http://data.europa.eu/esco/concept-scheme/skills,Social.,T4
                SkillGroup,%3$s,skills,,,released,,,http://data.europa.eu/esco/concept-scheme/skills,Skills.,S
                """.formatted(GROUP_T, GROUP_T4, GROUP_S));
        files.put("occupations", """
                conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code
                Occupation,%1$s,7212,welder,"welding technician
                metal welder",,released,2016-07-05T13:58:41Z,http://data.europa.eu/esco/regulated-professions/unregulated,,,"http://data.europa.eu/esco/concept-scheme/occupations,
                http://data.europa.eu/esco/concept-scheme/member-occupations",Welders join metal.,7212.1
                Occupation,%2$s,7212,pipe fitter,pipefitter,,released,2016-07-05T13:58:41Z,,,,http://data.europa.eu/esco/concept-scheme/occupations,Fits pipes.,7212.2
                """.formatted(WELDER, FITTER));
        files.put("ISCOGroups", """
                conceptType,conceptUri,code,preferredLabel,status,altLabels,inScheme,description
                ISCOGroup,%1$sC7,7,Craft and related trades workers,released,,http://data.europa.eu/esco/concept-scheme/isco,Crafts.
                ISCOGroup,%1$sC7212,7212,Welders and flamecutters,released,,http://data.europa.eu/esco/concept-scheme/isco,Welders.
                """.formatted(ISCO));
        files.put("skillsHierarchy", """
                Level 0 URI,Level 0 preferred term,Level 1 URI,Level 1 preferred term,Level 2 URI,Level 2 preferred term,Level 3 URI,Level 3 preferred term,Description,Scope note,Level 0 code,Level 1 code,Level 2 code,Level 3 code
                %1$s,transversal skills and competences,,,,,,,,,T
                %1$s,transversal skills and competences,%2$s,social and communication skills and competences,,,,,Social.,,T,T4
                %3$s,skills,,,,,,,,,S
                """.formatted(GROUP_T, GROUP_T4, GROUP_S));
        collection("transversalSkillsCollection", true, TEAM + ",skill/competence,transversal,work in teams,released,teamwork | cooperate with colleagues,Work with others.," + GROUP_T4 + ",social");
        collection("languageSkillsCollection", true, null);
        collection("digitalSkillsCollection", false, null);
        collection("greenSkillsCollection", false, WELD + ",weld metal parts,released,skill/competence,sector-specific,join metal parts | fuse metal workpieces,Join.," + GROUP_S + " | " + GROUP_T + ",skills | transversal");
        collection("digCompSkillsCollection", false, null);
        collection("researchSkillsCollection", false, null);
        files.put("researchOccupationsCollection", "conceptType,conceptUri,preferredLabel,status,altLabels,description,broaderConceptUri,broaderConceptPT\n");
        files.put("conceptSchemes", "conceptType,conceptSchemeUri,preferredLabel,title,status,description,hasTopConcept\n");
        files.put("occupationSkillRelations", """
                occupationUri,relationType,skillType,skillUri
                %1$s,essential,skill/competence,%3$s
                %1$s,essential,skill/competence,%4$s
                %1$s,optional,knowledge,%5$s
                %2$s,essential,skill/competence,%3$s
                %2$s,optional,skill/competence,%6$s
                """.formatted(WELDER, FITTER, WELD, ARC, METAL, TEAM));
        files.put("skillSkillRelations", """
                originalSkillUri,originalSkillType,relationType,relatedSkillType,relatedSkillUri
                %1$s,skill/competence,essential,knowledge,%2$s
                """.formatted(WELD, METAL));
        files.put("broaderRelationsSkillPillar", """
                conceptType,conceptUri,broaderType,broaderUri
                SkillGroup,%1$s,SkillGroup,%2$s
                KnowledgeSkillCompetence,%3$s,SkillGroup,%1$s
                KnowledgeSkillCompetence,%4$s,KnowledgeSkillCompetence,%5$s
                KnowledgeSkillCompetence,%5$s,SkillGroup,%6$s
                """.formatted(GROUP_T4, GROUP_T, TEAM, ARC, WELD, GROUP_S));
        files.put("broaderRelationsOccPillar", """
                conceptType,conceptUri,broaderType,broaderUri
                ISCOGroup,%1$sC7212,ISCOGroup,%1$sC7
                Occupation,%2$s,ISCOGroup,%1$sC7212
                Occupation,%3$s,Occupation,%2$s
                """.formatted(ISCO, WELDER, FITTER));
    }

    private void collection(String name, boolean transversalOrder, String row) {
        String header = transversalOrder
                ? "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,status,altLabels,description,broaderConceptUri,broaderConceptPT\n"
                : "conceptType,conceptUri,preferredLabel,status,skillType,reuseLevel,altLabels,description,broaderConceptUri,broaderConceptPT\n";
        files.put(name, header + (row == null ? "" : "KnowledgeSkillCompetence," + row + "\n"));
    }

    static final java.util.Set<String> RELATION_FILES = java.util.Set.of("occupationSkillRelations", "skillSkillRelations",
            "broaderRelationsSkillPillar", "broaderRelationsOccPillar");

    /** Adds {@code extra} generated skills (unique URIs, poorly compressible) so that a zip is large enough to cut. */
    EscoFixtures withManySkills(int extra) {
        var skills = new StringBuilder(files.get("skills"));
        for (int i = 0; i < extra; i++) {
            String id = UUID.randomUUID().toString();
            skills.append("KnowledgeSkillCompetence,").append(SKILL).append(id).append(",knowledge,cross-sector,generated skill ")
                    .append(id).append(",,,released,,,,http://data.europa.eu/esco/concept-scheme/skills,Generated ")
                    .append(UUID.randomUUID()).append('\n');
        }
        files.put("skills", skills.toString());
        return this;
    }

    /** The v1.1.x layout: classification files with _en, the four relation files without suffix in their own zip. */
    public Path[] writeV11(Path dir, String prefix) {
        Map<String, String> classification = new LinkedHashMap<>();
        Map<String, String> relations = new LinkedHashMap<>();
        files.forEach((name, content) -> {
            if (RELATION_FILES.contains(name)) {
                relations.put(name + ".csv", content);
            } else {
                classification.put(name + "_en.csv", content);
            }
        });
        return new Path[] {zip(dir.resolve(prefix + "-classification-en-csv.zip"), classification),
                zip(dir.resolve(prefix + "-relations-csv.zip"), relations)};
    }

    /** The v1.2.x layout: every file with _en in the language zip, in a folder; the relations zip repeats the relations. */
    public Path[] writeV12(Path dir, String prefix) {
        Map<String, String> all = new LinkedHashMap<>();
        Map<String, String> relations = new LinkedHashMap<>();
        files.forEach((name, content) -> {
            all.put("ESCO dataset - " + prefix + "/" + name + "_en.csv", content);
            if (RELATION_FILES.contains(name)) {
                relations.put(name + "_en.csv", content);
            }
        });
        return new Path[] {zip(dir.resolve(prefix + "-classification-en-csv.zip"), all),
                zip(dir.resolve(prefix + "-relations-csv.zip"), relations)};
    }

    static Path zip(Path file, Map<String, String> entries) {
        try (OutputStream out = Files.newOutputStream(file); var zip = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
