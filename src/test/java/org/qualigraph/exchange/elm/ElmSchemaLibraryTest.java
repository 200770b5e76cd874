package org.qualigraph.exchange.elm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.QualigraphProperties;
import org.qualigraph.support.SharedData;

/** The official ELM release uploaded as reference data: validated, stored with the data, used without a restart. */
class ElmSchemaLibraryTest {

    @TempDir
    Path temp;

    private ElmSchemaLibrary library(String override) {
        return new ElmSchemaLibrary(new QualigraphProperties(temp.resolve("data"), false, Path.of("graph-seed"),
                new QualigraphProperties.Embedded(0, "256m", "", 10), new QualigraphProperties.Elm(override)));
    }

    @Test
    void aFreshInstallationChecksWithTheSchemasThatComeWithTheApplication() {
        var library = library("");
        var validation = new ElmValidation(library);
        assertThat(validation.status().ready()).as("no upload, no setting").isTrue();
        assertThat(library.usesBundled()).isTrue();
        assertThat(library.installed()).get().satisfies(i -> {
            assertThat(i.fromSetting()).isFalse();
            assertThat(i.source()).startsWith("9d7c5d22002237c3afeb1750b7038e6fe2cdd371");
            assertThat(i.dir()).startsWith(temp.resolve("data").toAbsolutePath());
        });
        var doc = org.qualigraph.support.Documents.minimal("Cell technician");
        var exports = QdrExports.forSchemaDir(library.activeDir().orElseThrow());
        assertThat(validation.validateXml(exports.loqXml(doc, "en"), java.util.Map.of())).isEmpty();
        var model = exports.model(doc, "en");
        assertThat(validation.validateRdf(model, java.util.Map.of())).isEmpty();
        assertThat(validation.validateXml("<Courses xmlns=\"http://data.europa.eu/snb/model/ap/loq-constraints/\"><qualification/></Courses>".getBytes(),
                java.util.Map.of())).as("the bundled XSD really validates").isNotEmpty();
        assertThat(library("").activeDir()).as("copied once, reused").isEqualTo(library.activeDir());
    }

    @Test
    void anUploadedReleaseIsUsedAtOnceAndSurvivesANewLibrary() throws IOException {
        Path elm = SharedData.requireElm();
        var library = library("");
        var validation = new ElmValidation(library);

        var installed = library.install(zip(elm, "", temp.resolve("release.zip")));

        assertThat(installed.fromSetting()).isFalse();
        assertThat(library.usesBundled()).as("an upload replaces the bundled release").isFalse();
        assertThat(installed.source()).isEqualTo(Files.readString(elm.resolve("SOURCE-COMMIT.txt")).lines().findFirst().orElseThrow().strip());
        assertThat(validation.status().ready()).as("no restart needed").isTrue();
        assertThat(library.activeDir()).get().satisfies(dir -> assertThat(dir).startsWith(temp.resolve("data").toAbsolutePath()));
        assertThat(library("").activeDir()).as("kept with the data").isEqualTo(library.activeDir());
    }

    @Test
    void aReleaseInsideOneTopFolderIsAcceptedToo() throws IOException {
        Path elm = SharedData.requireElm();
        var library = library("");
        library.install(zip(elm, "European-Learning-Model-3.1/", temp.resolve("nested.zip")));
        assertThat(new ElmValidation(library).status().ready()).isTrue();
    }

    @Test
    void aBadUploadIsRefusedNamingTheFileAndChangesNothing() throws IOException {
        Path elm = SharedData.requireElm();
        var library = library("");
        library.install(zip(elm, "", temp.resolve("good.zip")));
        var before = library.activeDir();

        Path noShacl = temp.resolve("no-shacl");
        copyTree(elm, noShacl);
        Files.delete(noShacl.resolve("shacl/LOQ-constraints-mdr.ttl"));
        assertThatThrownBy(() -> library.install(zip(noShacl, "", temp.resolve("no-shacl.zip"))))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.problems().get(0).field()).isEqualTo("release");
                    assertThat(e.problems().get(0).message()).contains("shacl/LOQ-constraints-mdr.ttl");
                });

        Path brokenShacl = temp.resolve("broken-shacl");
        copyTree(elm, brokenShacl);
        Files.writeString(brokenShacl.resolve("shacl/LOQ-constraints.ttl"), "@prefix sh: <http://www.w3.org/ns/shacl#> . not turtle");
        assertThatThrownBy(() -> library.install(zip(brokenShacl, "", temp.resolve("broken.zip"))))
                .isInstanceOfSatisfying(BadInputException.class, e ->
                        assertThat(e.problems().get(0).message()).contains("shacl/LOQ-constraints.ttl"));

        Path brokenXsd = temp.resolve("broken-xsd");
        copyTree(elm, brokenXsd);
        Files.writeString(brokenXsd.resolve("loq/loq.xsd"), "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element/></xs:schema>");
        assertThatThrownBy(() -> library.install(zip(brokenXsd, "", temp.resolve("broken-xsd.zip"))))
                .isInstanceOfSatisfying(BadInputException.class, e ->
                        assertThat(e.problems().get(0).message()).contains("loq/loq.xsd does not compile"));

        assertThat(library.activeDir()).isEqualTo(before);
        try (Stream<Path> left = Files.list(temp.resolve("data/elm-schemas"))) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no half-unpacked upload is left behind")
                    .noneMatch(name -> name.startsWith("upload-"));
        }
    }

    @Test
    void aRefusedUploadSaysWhyInTheAdministratorsLanguageAndInEnglishToTheApi() throws IOException {
        Path elm = SharedData.requireElm();
        var library = library("");
        Path noShacl = temp.resolve("no-shacl");
        copyTree(elm, noShacl);
        Files.delete(noShacl.resolve("shacl/LOQ-constraints-mdr.ttl"));
        var lacking = org.assertj.core.api.Assertions.catchThrowableOfType(BadInputException.class,
                () -> library.install(zip(noShacl, "", temp.resolve("no-shacl.zip")))).problems().get(0);
        assertThat(lacking.message()).isEqualTo("the release lacks shacl/LOQ-constraints-mdr.ttl");
        assertThat(lacking.message(java.util.Locale.forLanguageTag("pl"))).isEqualTo("w wydaniu brakuje: shacl/LOQ-constraints-mdr.ttl");
        assertThat(lacking.message(java.util.Locale.GERMAN)).isEqualTo("in der Version fehlt: shacl/LOQ-constraints-mdr.ttl");

        Path notZip = Files.writeString(temp.resolve("release.zip"), "not a zip at all");
        var damaged = org.assertj.core.api.Assertions.catchThrowableOfType(BadInputException.class,
                () -> library.install(notZip)).problems().get(0);
        assertThat(damaged.message()).startsWith("not a zip file, or a truncated or damaged one (");
        assertThat(damaged.message(java.util.Locale.FRENCH)).startsWith("pas un fichier zip, ou un fichier tronqué ou endommagé (");
        assertThat(damaged.message(java.util.Locale.ITALIAN)).startsWith("non è un file zip, oppure è troncato o danneggiato (");

        Path noXsd = temp.resolve("no-xsd");
        Files.createDirectories(noXsd.resolve("shacl"));
        Files.writeString(noXsd.resolve("shacl/LOQ-constraints.ttl"), "");
        var layout = org.assertj.core.api.Assertions.catchThrowableOfType(BadInputException.class,
                () -> library.install(zip(noXsd, "", temp.resolve("no-xsd.zip")))).problems().get(0);
        assertThat(layout.message(java.util.Locale.forLanguageTag("es"))).startsWith("el zip no contiene loq/loq.xsd; debe estar organizado");
    }

    @Test
    void theSettingStillWins() throws IOException {
        Path elm = SharedData.requireElm();
        var library = library(elm.toString());
        assertThat(library.activeDir()).contains(elm.toAbsolutePath().normalize());
        library.install(zip(elm, "", temp.resolve("release.zip")));
        assertThat(library.activeDir()).as("an upload does not replace the configured folder").contains(elm.toAbsolutePath().normalize());
        assertThat(library.installed()).get().satisfies(i -> assertThat(i.fromSetting()).isTrue());
    }

    private static Path zip(Path folder, String prefix, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target); var zip = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(prefix + folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return target;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
