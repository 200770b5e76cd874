package org.qualigraph.esco.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.qualigraph.esco.EscoFixtures;
import org.qualigraph.jobs.JobService;
import org.qualigraph.support.EscoTestData;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The admin's reference-data page: upload two fixture packages, import, watch the progress reach the end. */
class ReferenceDataViewTest extends ViewTest {

    @Autowired
    Driver driver;
    @Autowired
    JobService jobs;

    @TempDir
    Path dir;

    @BeforeEach
    @AfterEach
    void clearEsco() {
        EscoTestData.clear(driver);
    }

    @Test
    void anAdminUploadsBothPackagesImportsAndSeesProgressAndCounts() throws Exception {
        login("admin", "ADMIN");
        UI.getCurrent().navigate(ReferenceDataView.class);
        var view = _get(ReferenceDataView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("esco-release")).getText()).isEqualTo("No ESCO release is loaded yet.");
        assertThat(_get(Button.class, spec -> spec.withId("esco-import")).isEnabled()).isFalse();

        Path[] zips = new EscoFixtures().writeV11(dir, "esco-v1.1.1");
        // the uploads hand their temporary files to the view; the job deletes them afterwards
        Path classification = Files.copy(zips[0], dir.resolve("upload-1.zip"));
        Path relations = Files.copy(zips[1], dir.resolve("upload-2.zip"));
        view.classificationReceived(classification, zips[0].getFileName().toString());
        view.relationsReceived(relations, zips[1].getFileName().toString());
        _get(TextField.class, spec -> spec.withId("esco-version")).setValue("fixture-7");
        _click(_get(Button.class, spec -> spec.withId("esco-import")));

        assertThat(_get(ProgressBar.class, spec -> spec.withId("esco-progress")).isVisible()).isTrue();
        for (int i = 0; i < 600 && !jobs.status(view.job()).orElseThrow().finished(); i++) {
            Thread.sleep(100);
        }
        MockVaadin.clientRoundtrip();

        assertThat(jobs.status(view.job()).orElseThrow().error()).isNull();
        assertThat(_get(ProgressBar.class, spec -> spec.withId("esco-progress")).getValue()).isEqualTo(1.0);
        String result = _get(Div.class, spec -> spec.withId("esco-result")).getElement().getTextRecursively();
        assertThat(result).contains("Skills: 4").contains("Occupations: 2").contains("Occupation–skill relations: 5")
                .doesNotContain("occupationSkillRelations");
        assertThat(_get(Paragraph.class, spec -> spec.withId("esco-release")).getText())
                .startsWith("Loaded ESCO release fixture-7: 4 skills, 2 occupations, 5 occupation-skill relations");
        assertThat(classification).doesNotExist();
        assertThat(relations).doesNotExist();
    }

    @Test
    void aBadPackageShowsTheFileAndLine() throws Exception {
        login("admin", "ADMIN");
        importPackageWithABadReuseLevel();

        assertThat(_get(Div.class, spec -> spec.withId("esco-result")).getElement().getTextRecursively())
                .contains("The import failed and the loaded ESCO data is unchanged: skills_en.csv line 9: reuseLevel \"everywhere\"");
    }

    @Test
    void aPolishOrGermanAdminReadsTheFileAndLineOfABadPackageInTheirLanguage() throws Exception {
        login("admin", "ADMIN");
        UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("pl"));
        var view = importPackageWithABadReuseLevel();

        assertThat(_get(Div.class, spec -> spec.withId("esco-result")).getElement().getTextRecursively())
                .contains("Import nie powiódł się, a wczytane dane ESCO pozostały bez zmian: skills_en.csv, wiersz 9: "
                        + "reuseLevel „everywhere” nie jest żadną z wartości [")
                .doesNotContain(" line ", "is not one of");
        // the job, as the API answers it, keeps its English, and a reader on another instance gets the words too
        var status = jobs.status(view.job()).orElseThrow();
        assertThat(status.error()).startsWith("skills_en.csv line 9: reuseLevel \"everywhere\" is not one of [");
        String german = status.error(java.util.Locale.GERMAN);
        assertThat(german).startsWith("skills_en.csv, Zeile 9: reuseLevel „everywhere“ ist keiner der Werte [");
        assertThat(org.qualigraph.base.GermanInterfaceViewTest.isGerman(german, "skills_en.csv", "reuseLevel", "everywhere",
                "cross-sector", "occupation-specific", "sector-specific", "transversal")).as(german).isTrue();
    }

    @Test
    void aGermanAdminReadsWhyAPackageIsNotAZipFile() throws Exception {
        login("admin", "ADMIN");
        UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        UI.getCurrent().navigate(ReferenceDataView.class);
        var view = _get(ReferenceDataView.class);
        Path notZip = Files.writeString(dir.resolve("skills_de.zip"), "conceptType,conceptUri\nthis is a CSV, not a zip\n");
        view.classificationReceived(notZip, "skills_de.zip");
        _click(_get(Button.class, spec -> spec.withId("esco-import")));
        for (int i = 0; view.job() != null && i < 600 && !jobs.status(view.job()).orElseThrow().finished(); i++) {
            Thread.sleep(100);
        }
        MockVaadin.clientRoundtrip();

        String shown = _get(Div.class, spec -> spec.withId("esco-result")).getElement().getTextRecursively();
        assertThat(shown).contains("(skills_de.zip)").doesNotContain("not a zip", "cannot be read", "package (");
        // the JDK's own detail of the zip file stays as the JDK writes it
        String jdk = "";
        try (var zip = new java.util.zip.ZipFile(notZip.toFile())) {
            jdk = zip.getName();
        } catch (java.io.IOException e) {
            jdk = e.getMessage();
        }
        assertThat(shown).startsWith("das Klassifikationspaket (skills_de.zip): kann nicht gelesen werden: ");
        assertThat(org.qualigraph.base.GermanInterfaceViewTest.isGerman(shown, "skills_de.zip", jdk)).as(shown).isTrue();
    }

    @Test
    void anImportRunningOnAnotherInstanceIsFollowedAndASecondOneIsRefused() throws Exception {
        login("admin", "ADMIN");
        UI.getCurrent().navigate(ReferenceDataView.class);
        var view = _get(ReferenceDataView.class);
        Path[] zips = new EscoFixtures().writeV11(dir, "esco-v1.1.1");
        view.classificationReceived(zips[0], zips[0].getFileName().toString());
        view.relationsReceived(zips[1], zips[1].getFileName().toString());

        var release = new java.util.concurrent.CountDownLatch(1);
        var otherInstance = new JobService(graph, org.qualigraph.jobs.JobSettings.defaults());
        try {
            String running = otherInstance.startExclusive(org.qualigraph.esco.EscoService.IMPORT_JOB_KIND, "ESCO import",
                    context -> {
                        context.progress(0.25);
                        release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                    });
            for (int i = 0; i < 200 && jobs.status(running).orElseThrow().progress() < 0.25; i++) {
                Thread.sleep(100);
            }
            _click(_get(Button.class, spec -> spec.withId("esco-import")));
            assertThat(_get(Div.class, spec -> spec.withId("esco-result")).getElement().getTextRecursively())
                    .contains("Another ESCO import is running (job " + running + ")");
            assertThat(view.job()).isEqualTo(running);
            assertThat(_get(ProgressBar.class, spec -> spec.withId("esco-progress")).getValue()).isEqualTo(0.25);

            UI.getCurrent().navigate("");
            UI.getCurrent().navigate(ReferenceDataView.class);
            var reopened = _get(ReferenceDataView.class);
            assertThat(reopened.job()).as("a page opened later shows the running import too").isEqualTo(running);
            assertThat(_get(Button.class, spec -> spec.withId("esco-import")).isEnabled()).isFalse();

            release.countDown();
            for (int i = 0; i < 200 && !jobs.status(running).orElseThrow().finished(); i++) {
                Thread.sleep(100);
            }
            Thread.sleep(1500); // the page polls the graph for a job of another instance
            MockVaadin.clientRoundtrip();
            assertThat(_get(ProgressBar.class, spec -> spec.withId("esco-progress")).getValue()).isEqualTo(1.0);
        } finally {
            release.countDown();
            otherInstance.destroy();
        }
    }

    /** Opens the page, uploads a package whose skills_en.csv line 9 has an unknown reuse level, imports it and waits. */
    private ReferenceDataView importPackageWithABadReuseLevel() throws Exception {
        UI.getCurrent().navigate(ReferenceDataView.class);
        var view = _get(ReferenceDataView.class);
        var fixtures = new EscoFixtures();
        fixtures.files.put("skills", fixtures.files.get("skills").replace("knowledge,cross-sector,metals", "knowledge,everywhere,metals"));
        Path[] zips = fixtures.writeV11(dir, "x");
        view.classificationReceived(zips[0], zips[0].getFileName().toString());
        view.relationsReceived(zips[1], zips[1].getFileName().toString());
        _click(_get(Button.class, spec -> spec.withId("esco-import")));
        for (int i = 0; i < 600 && !jobs.status(view.job()).orElseThrow().finished(); i++) {
            Thread.sleep(100);
        }
        MockVaadin.clientRoundtrip();
        return view;
    }
}
