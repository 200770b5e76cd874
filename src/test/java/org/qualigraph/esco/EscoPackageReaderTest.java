package org.qualigraph.esco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package reader on hand-written fixtures: both layouts, and each kind of bad package with file and line. */
class EscoPackageReaderTest {

    @TempDir
    Path dir;

    private static EscoData read(Path[] zips) {
        return EscoPackageReader.read(List.of(
                new EscoPackageReader.Source("classification", zips[0], zips[0].getFileName().toString()),
                new EscoPackageReader.Source("relations", zips[1], zips[1].getFileName().toString())), d -> { });
    }

    @Test
    void readsTheV11LayoutWithMultiValuedCellsCollectionsAndTransversalGroups() {
        EscoData data = read(new EscoFixtures().writeV11(dir, "esco-v1.1.1"));

        assertThat(data.detectedVersion).isEqualTo("v1.1.1");
        assertThat(data.skills).hasSize(4);
        assertThat(data.skills.get(EscoFixtures.WELD).altLabels()).containsExactly("join metal parts", "fuse metal workpieces");
        assertThat(data.skills.get(EscoFixtures.ARC).description()).isEqualTo("Apply arc welding, e.g. \"stick\" welding.");
        assertThat(data.skills.get(EscoFixtures.METAL).skillType()).isEqualTo("knowledge");
        assertThat(data.skillGroups).hasSize(3);
        assertThat(data.occupations.get(EscoFixtures.WELDER).altLabels()).containsExactly("welding technician", "metal welder");
        assertThat(data.occupations.get(EscoFixtures.WELDER).iscoGroup()).isEqualTo("7212");
        assertThat(data.iscoGroups).hasSize(2);
        assertThat(data.occupationSkills).hasSize(5);
        assertThat(data.occupationSkills.get(2).type()).isEqualTo("optional");
        assertThat(data.skillSkills).hasSize(1);
        assertThat(data.collections.get(EscoFixtures.TEAM)).containsExactly("transversal");
        assertThat(data.collections.get(EscoFixtures.WELD)).containsExactly("green");
        assertThat(data.transversalGroups.get(EscoFixtures.TEAM)).containsExactly("T4");
        assertThat(data.transversalGroups).doesNotContainKey(EscoFixtures.WELD);
        // hierarchy: 4 rows of broaderRelationsSkillPillar plus 1 parent link from skillsHierarchy
        assertThat(data.skillBroader).hasSize(5);
        assertThat(data.occupationBroader).hasSize(3);
    }

    @Test
    void readsTheV12LayoutWithEverySuffixedFileInTheLanguagePackage() {
        EscoData data = read(new EscoFixtures().writeV12(dir, "esco-v1.2.0"));

        assertThat(data.detectedVersion).isEqualTo("v1.2.0");
        assertThat(data.skills).hasSize(4);
        assertThat(data.occupationSkills).hasSize(5);
        assertThat(data.transversalGroups.get(EscoFixtures.TEAM)).containsExactly("T4");
    }

    @Test
    void readsColumnsByNameWhateverTheirOrder() {
        var fixtures = new EscoFixtures();
        fixtures.files.put("occupationSkillRelations", """
                skillUri,occupationUri,skillType,relationType
                %s,%s,skill/competence,essential
                """.formatted(EscoFixtures.WELD, EscoFixtures.WELDER));
        EscoData data = read(fixtures.writeV11(dir, "x"));

        assertThat(data.occupationSkills).singleElement().satisfies(link -> {
            assertThat(link.from()).isEqualTo(EscoFixtures.WELDER);
            assertThat(link.to()).isEqualTo(EscoFixtures.WELD);
            assertThat(link.type()).isEqualTo("essential");
        });
        assertThat(data.detectedVersion).isNull();
    }

    @Test
    void aMissingFileIsNamed() {
        var fixtures = new EscoFixtures();
        fixtures.files.remove("skillSkillRelations");
        Path[] zips = fixtures.writeV11(dir, "esco-v1.1.1");

        assertThatThrownBy(() -> read(zips)).isInstanceOf(EscoPackageException.class)
                .hasMessageContaining("missing file(s) skillSkillRelations_en.csv")
                .hasMessageContaining("esco-v1.1.1-relations-csv.zip");
    }

    @Test
    void aWrongHeaderNamesFileLineAndColumn() {
        var fixtures = new EscoFixtures();
        fixtures.files.put("occupations", fixtures.files.get("occupations").replaceFirst("preferredLabel", "prefLabel"));

        assertThatThrownBy(() -> read(fixtures.writeV11(dir, "x"))).isInstanceOf(EscoPackageException.class)
                .hasMessageStartingWith("occupations_en.csv line 1: missing column(s) preferredLabel");
    }

    @Test
    void aFileThatIsNotAZipIsNamed() throws IOException {
        Path[] zips = new EscoFixtures().writeV11(dir, "x");
        Files.writeString(zips[1], "conceptType,conceptUri\nthis is a CSV, not a zip\n");

        assertThatThrownBy(() -> read(zips)).isInstanceOf(EscoPackageException.class)
                .hasMessage("relations package (x-relations-csv.zip): not a zip file");
    }

    @Test
    void aTruncatedZipNamesTheFileAndLineWhereItEnds() throws IOException {
        Path[] zips = new EscoFixtures().withManySkills(3000).writeV11(dir, "x");
        byte[] bytes = Files.readAllBytes(zips[0]);
        Files.write(zips[0], java.util.Arrays.copyOf(bytes, bytes.length / 3));

        assertThatThrownBy(() -> read(zips)).isInstanceOf(EscoPackageException.class)
                .hasMessageMatching("skills_en\\.csv line \\d+ \\(classification package \\(x-classification-en-csv\\.zip\\)\\): "
                        + "the zip file is truncated or damaged.*");
    }

    @Test
    void aRowThatDoesNotParseNamesFileAndLine() {
        var fixtures = new EscoFixtures();
        // line 4 of the file: a quoted cell followed by garbage before the delimiter
        fixtures.files.put("occupationSkillRelations", """
                occupationUri,relationType,skillType,skillUri
                %1$s,essential,skill/competence,%2$s
                %1$s,optional,knowledge,%3$s
                %1$s,"essential"x,skill/competence,%2$s
                """.formatted(EscoFixtures.WELDER, EscoFixtures.WELD, EscoFixtures.METAL));

        assertThatThrownBy(() -> read(fixtures.writeV11(dir, "x"))).isInstanceOf(EscoPackageException.class)
                .hasMessageStartingWith("occupationSkillRelations.csv line 4: the row does not parse");
    }

    @Test
    void aValueOutsideEscoEnumerationsNamesFileLineAndColumn() {
        var fixtures = new EscoFixtures();
        fixtures.files.put("skills", fixtures.files.get("skills").replace("knowledge,cross-sector,metals", "knowhow,cross-sector,metals"));

        // header on line 1; the first three records span lines 2-4, 5-6 and 7-8 (newlines inside quoted cells)
        assertThatThrownBy(() -> read(fixtures.writeV11(dir, "x"))).isInstanceOf(EscoPackageException.class)
                .hasMessageMatching("skills_en\\.csv line 9: skillType \"knowhow\" is not one of .*");
    }

    @Test
    void aRowWithMoreCellsThanTheHeaderIsRejected() {
        var fixtures = new EscoFixtures();
        fixtures.files.put("skillSkillRelations", fixtures.files.get("skillSkillRelations") + "a,b,c,d,e,f\n");

        assertThatThrownBy(() -> read(fixtures.writeV11(dir, "x"))).isInstanceOf(EscoPackageException.class)
                .hasMessage("skillSkillRelations.csv line 3: expected at most 5 fields, found 6");
    }

    @Test
    void anEmptyUriIsRejectedWithItsLine() {
        var fixtures = new EscoFixtures();
        fixtures.files.put("broaderRelationsOccPillar", fixtures.files.get("broaderRelationsOccPillar") + "Occupation,,ISCOGroup,x\n");

        assertThatThrownBy(() -> read(fixtures.writeV11(dir, "x"))).isInstanceOf(EscoPackageException.class)
                .hasMessage("broaderRelationsOccPillar.csv line 5: conceptUri is empty");
    }
}
