package org.qualigraph.esco;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.qualigraph.support.EscoTestData;
import org.qualigraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The full official v1.1.1 import: counts equal what the CSV files hold (counted here, independently of the
 * importer), and a second import of the same release changes nothing.
 */
class EscoFullImportTest extends IntegrationTest {

    @Autowired
    EscoService esco;
    @Autowired
    org.neo4j.driver.Driver driver;

    @Test
    void importsTheFullReleaseWithTheCountsOfTheFilesAndReimportChangesNothing() throws IOException {
        Map<String, Object> first = EscoTestData.ensureLoaded(esco);

        Set<String> skills = column(EscoTestData.classificationZip(), "skills_en.csv", "conceptUri");
        Set<String> occupations = column(EscoTestData.classificationZip(), "occupations_en.csv", "conceptUri");
        long relations = 0;
        Set<String> pairs = new HashSet<>();
        try (var zip = new ZipFile(EscoTestData.relationsZip().toFile());
             var reader = new InputStreamReader(zip.getInputStream(zip.getEntry("occupationSkillRelations.csv")), StandardCharsets.UTF_8);
             var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord r : parser) {
                if (occupations.contains(r.get("occupationUri")) && skills.contains(r.get("skillUri"))
                        && pairs.add(r.get("occupationUri") + " " + r.get("skillUri"))) {
                    relations++;
                }
            }
        }

        assertThat(count("MATCH (n:EscoSkill) WHERE n.escoVersion IS NOT NULL AND NOT n:EscoSkillGroup RETURN count(n)"))
                .isEqualTo(skills.size());
        assertThat(count("MATCH (n:EscoOccupation) WHERE n.escoVersion IS NOT NULL RETURN count(n)")).isEqualTo(occupations.size());
        assertThat(count("MATCH (:EscoOccupation)-[r:REQUIRES_SKILL]->(:EscoSkill) RETURN count(r)")).isEqualTo(relations);
        assertThat(first).containsEntry("skills", skills.size()).containsEntry("occupations", occupations.size());
        var release = esco.release().orElseThrow();
        assertThat(release.version()).isEqualTo("v1.1.1");
        assertThat(release.skills()).isEqualTo(skills.size());
        assertThat(release.occupationSkillRelations()).isEqualTo(relations);

        String before = checksum();
        var second = esco.importNow(new EscoService.PackageFile(EscoTestData.classificationZip(), "esco-v1.1.1-classification-en-csv.zip"),
                new EscoService.PackageFile(EscoTestData.relationsZip(), "esco-v1.1.1-relations-csv.zip"), null, d -> { });
        assertThat(second).containsEntry("version", "v1.1.1").containsEntry("conceptsAdded", 0)
                .containsEntry("conceptsChanged", 0).containsEntry("conceptsRemoved", 0)
                .containsEntry("relationsAdded", 0).containsEntry("relationsRemoved", 0);
        assertThat(checksum()).isEqualTo(before);
    }

    private long count(String cypher) {
        return graph.query(cypher).fetchAs(Long.class).one().orElseThrow();
    }

    private String checksum() {
        return EscoTestData.snapshot(driver, false);
    }

    private static Set<String> column(Path zipFile, String entry, String column) throws IOException {
        Set<String> values = new HashSet<>();
        try (var zip = new ZipFile(zipFile.toFile());
             var reader = new InputStreamReader(zip.getInputStream(zip.getEntry(entry)), StandardCharsets.UTF_8);
             var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord r : parser) {
                values.add(r.get(column));
            }
        }
        return values;
    }
}
