package org.qualigraph.exchange.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.shared.Registration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.EditorContext;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationEditorExtension;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.exchange.Exporter;
import org.qualigraph.support.Documents;
import org.qualigraph.support.TestUsers;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The editor's Export tab, mounted on its own with a real qualification (the editor view lives in another module). */
class ExportTabViewTest extends ViewTest {

    @Autowired
    List<QualificationEditorExtension> extensions;
    @Autowired
    List<Exporter> exporters;
    @Autowired
    QualificationService qualifications;
    @Autowired
    org.qualigraph.exchange.CsvImportService csvImport;

    @Test
    void listsEveryExporterWithADownloadAndGeneratesPdfInTheBackground() throws Exception {
        login(TestUsers.DESIGNER, "DESIGNER");
        var stored = qualifications.create(Documents.minimal("Export me"), TestUsers.DESIGNER);
        var panel = mount(stored.id());

        for (Exporter exporter : exporters) {
            if (ExportPanel.LARGE_FORMATS.contains(exporter.format())) {
                _get(Button.class, spec -> spec.withId("generate-" + exporter.format()));
            } else {
                var link = _get(Anchor.class, spec -> spec.withId("download-" + exporter.format()));
                assertThat(link.getHref()).isNotBlank();
            }
        }
        assertThat(panel.formatIds()).hasSize(exporters.size());
        assertThat(_get(Div.class, spec -> spec.withId("export-guide")).getElement().getTextRecursively())
                .as("which file goes where").contains("Europass QDR", "/register/loq.xml", "National coordinators");
        for (String europass : ExportPanel.EUROPASS_FORMATS) {
            assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("not-checked-" + europass))
                    .getText()).isEqualTo("not checked");
        }
        assertThat(_find(Anchor.class, spec -> spec.withId("export-public-identifier"))).as("a draft has no identifier")
                .isEmpty();

        _click(_get(Button.class, spec -> spec.withId("generate-pdf")));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (_find(Anchor.class, spec -> spec.withId("download-pdf")).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            MockVaadin.clientRoundtrip();
        }
        assertThat(_get(Anchor.class, spec -> spec.withId("download-pdf")).getText()).contains("export-me-r1-draft.pdf");
    }

    /** The qualification's own languages and every interface language, by their own names; the user's language first. */
    @Test
    void theDocumentLanguageIsChosenByNameAmongContentAndInterfaceLanguages() {
        login(TestUsers.DESIGNER, "DESIGNER");
        var stored = qualifications.create(Documents.minimal("Sprachen").withTitle(java.util.Map.of("en", "Languages",
                "sv", "Språk")), TestUsers.DESIGNER);
        UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("pl"));
        var tab = extensions.stream().filter(e -> e.id().equals("export")).findFirst().orElseThrow();
        assertThat(tab.label()).isEqualTo("Eksport");
        UI.getCurrent().add(tab.create(new Context(stored.id())));
        @SuppressWarnings("unchecked")
        var language = (com.vaadin.flow.component.combobox.ComboBox<String>) _get(com.vaadin.flow.component.combobox.ComboBox.class,
                spec -> spec.withId("export-language"));
        var items = com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(language);
        assertThat(items).contains("en", "sv", "de", "fr", "pl", "it", "es").doesNotHaveDuplicates();
        assertThat(items.stream().map(language.getItemLabelGenerator()::apply).toList())
                .contains("English", "Svenska", "Deutsch", "Français", "Polski", "Italiano", "Español");
        assertThat(language.getValue()).isEqualTo("pl");
    }

    @Test
    void csvUploadShowsAPreviewAndAppliesIt() {
        login(TestUsers.DESIGNER, "DESIGNER");
        var stored = qualifications.create(Documents.minimal("Spreadsheet"), TestUsers.DESIGNER);
        mount(stored.id());
        String csv = "unit_code,unit_title,outcome_code,dimension,statement\n"
                + "U1,Unit 1 of Spreadsheet,U1.K1,KNOWLEDGE,Explain the principles of process step 1.1 in cell production\n"
                + "U2,A new unit,U2.K1,KNOWLEDGE,Describe the new topic in detail\n";
        UploadKt._upload(_get(Upload.class), "units.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String preview = _get(Div.class, spec -> spec.withId("csv-preview")).getElement().getTextRecursively();
        assertThat(preview).contains("1 unit added: U2", "U1/U1.S2", "U1/U1.R3");

        _click(_get(Button.class, spec -> spec.withId("csv-apply")));
        var after = qualifications.get(stored.id());
        assertThat(after.units()).extracting(u -> u.code()).containsExactly("U1", "U2");
        assertThat(after.units().get(0).outcomes()).hasSize(1);
    }

    @Test
    void csvErrorsNameTheLine() {
        login(TestUsers.DESIGNER, "DESIGNER");
        var stored = qualifications.create(Documents.minimal("Broken"), TestUsers.DESIGNER);
        mount(stored.id());
        String csv = "unit_code,outcome_code,dimension,statement\nU1,U1.K1,KNOWING,Explain\n";
        UploadKt._upload(_get(Upload.class), "units.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(_get(Div.class, spec -> spec.withId("csv-errors")).getElement().getTextRecursively())
                .contains("line 2, column dimension");
        assertThat(_find(Button.class, spec -> spec.withId("csv-apply"))).isEmpty();
        assertThat(qualifications.get(stored.id()).version()).isZero();
    }

    @Test
    void csvCellProblemsAreInTheUsersLanguageAndNameLineAndColumn() throws Exception {
        login(TestUsers.DESIGNER, "DESIGNER");
        var stored = qualifications.create(Documents.minimal("Broken"), TestUsers.DESIGNER);
        String csv = "unit_code,unit_eqf,outcome_code,dimension,statement\n"
                + "U1,9,U1.K1,KNOWING,Explain\n"
                + "U1,,U1.K1,K,Explain again\n";

        UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        mountIn(stored.id());
        UploadKt._upload(_get(Upload.class), "units.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        var german = _find(_get(Div.class, spec -> spec.withId("csv-errors")), com.vaadin.flow.component.html.ListItem.class)
                .stream().map(li -> li.getElement().getTextRecursively()).toList();
        assertThat(german).contains(
                "Zeile 2, Spalte unit_eqf: muss zwischen 1 und 8 liegen, gefunden: „9“",
                "Zeile 2, Spalte dimension: erwartet wird KNOWLEDGE, SKILLS oder RESPONSIBILITY_AUTONOMY, gefunden: „KNOWING“",
                "Zeile 3, Spalte outcome_code: das Lernergebnis „U1.K1“ der Einheit „U1“ steht schon in Zeile 2");
        for (String line : german) {
            assertThat(org.qualigraph.base.GermanInterfaceViewTest.isGerman(line, "unit_eqf", "dimension", "outcome_code",
                    "KNOWLEDGE", "SKILLS", "RESPONSIBILITY_AUTONOMY", "KNOWING", "U1.K1", "U1")).as(line).isTrue();
        }

        UI.getCurrent().removeAll();
        UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("pl"));
        mountIn(stored.id());
        UploadKt._upload(_get(Upload.class), "units.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(_get(Div.class, spec -> spec.withId("csv-errors")).getElement().getTextRecursively())
                .contains("wiersz 3, kolumna outcome_code: efekt uczenia się „U1.K1” jednostki „U1” jest już w wierszu 2")
                .doesNotContain("line", "column", "expected", "already");
        assertThat(qualifications.get(stored.id()).version()).isZero();
    }

    @Test
    void anUnreadableUploadAndARefusedExportAreInTheUsersLanguage() throws Exception {
        login(TestUsers.DESIGNER, "DESIGNER");
        var stored = qualifications.create(Documents.minimal("Broken"), TestUsers.DESIGNER);
        UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        mountIn(stored.id());
        var panel = _get(ExportPanel.class);

        panel.readUpload("units.csv", () -> {
            throw new java.io.IOException("Stream closed");
        });
        String unreadable = _find(_get(Div.class, spec -> spec.withId("csv-errors")), com.vaadin.flow.component.html.ListItem.class)
                .get(0).getElement().getTextRecursively();
        assertThat(unreadable).contains("Die hochgeladene Datei „units.csv“ konnte nicht gelesen werden; es hat sich nichts geändert.")
                .doesNotContain("Stream closed", "could not");
        assertThat(org.qualigraph.base.GermanInterfaceViewTest.isGerman(unreadable, "units.csv")).as(unreadable).isTrue();

        // an export refused by a service (here a stale copy) names the qualification in words; the API keeps its English
        qualifications.update(stored.id(), stored, TestUsers.DESIGNER);
        var stale = org.assertj.core.api.Assertions.catchThrowableOfType(org.qualigraph.base.ConflictException.class,
                () -> qualifications.update(stored.id(), stored, TestUsers.DESIGNER));
        assertThat(stale.getMessage()).isEqualTo("Qualification " + stored.id()
                + " was changed by someone else (version 1, yours 0); reload it and apply your change again");
        String refused = panel.explain(new java.util.concurrent.CompletionException(stale));
        assertThat(refused).isEqualTo("Der Export ist fehlgeschlagen: Die Qualifikation „Broken“ wurde von jemand anderem "
                + "geändert (Version 1, Ihre 0): Laden Sie sie neu und nehmen Sie Ihre Änderung erneut vor");
        assertThat(org.qualigraph.base.GermanInterfaceViewTest.isGerman(refused, "Broken")).as(refused).isTrue();
    }

    @Test
    void theApiKeepsTheEnglishOfACellProblem() {
        var problem = org.assertj.core.api.Assertions.catchThrowableOfType(org.qualigraph.base.BadInputException.class,
                () -> csvImport.preview(qualifications.create(Documents.minimal("Broken"), TestUsers.DESIGNER).id(),
                        "unit_code,outcome_code,dimension,statement\nU1,U1.K1,KNOWING,Explain\n")).problems().get(0);
        assertThat(problem.field()).isEqualTo("line 2, column dimension");
        assertThat(problem.message()).isEqualTo("expected KNOWLEDGE, SKILLS or RESPONSIBILITY_AUTONOMY, got \"KNOWING\"");
        assertThat(problem.inWords(java.util.Locale.forLanguageTag("es")))
                .isEqualTo("línea 2, columna dimension: se esperaba KNOWLEDGE, SKILLS o RESPONSIBILITY_AUTONOMY, se encontró: «KNOWING»");
    }

    /** The tab alone, in the UI's current language (its label is the language's own). */
    private void mountIn(String id) {
        var tab = extensions.stream().filter(e -> e.id().equals("export")).findFirst().orElseThrow();
        UI.getCurrent().add(tab.create(new Context(id)));
    }

    private ExportPanel mount(String id) {
        var tab = extensions.stream().filter(e -> e.id().equals("export")).findFirst().orElseThrow();
        assertThat(tab.order()).isEqualTo(70);
        assertThat(tab.label()).isEqualTo("Export");
        var panel = (ExportPanel) tab.create(new Context(id));
        UI.getCurrent().add(panel);
        return panel;
    }

    private final class Context implements EditorContext {
        private final String id;

        Context(String id) {
            this.id = id;
        }

        @Override
        public String qualificationId() {
            return id;
        }

        @Override
        public QualificationDocument currentDocument() {
            return qualifications.get(id);
        }

        @Override
        public boolean editable() {
            return true;
        }

        @Override
        public void showUnit(String unitCode) {
        }

        @Override
        public void showOutcome(String outcomeCode) {
        }

        @Override
        public Registration addChangeListener(Consumer<QualificationDocument> listener) {
            return () -> { };
        }

        @Override
        public void reload() {
        }
    }
}
