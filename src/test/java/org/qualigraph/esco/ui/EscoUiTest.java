package org.qualigraph.esco.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.qualigraph.esco.GapFixture.occupation;
import static org.qualigraph.esco.GapFixture.skill;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.EditorContext;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationEditorExtension;
import org.qualigraph.esco.EscoBrowser;
import org.qualigraph.esco.GapFixture;
import org.qualigraph.esco.OccupationalProfileService;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Karibu tests of the ESCO coverage tab, the ESCO browser and the profile view on the fixture graph. */
class EscoUiTest extends ViewTest {

    @Autowired
    List<QualificationEditorExtension> extensions;

    @Autowired
    OccupationalProfileService profiles;

    @BeforeEach
    void fixture() {
        GapFixture.load(graph);
    }

    @AfterEach
    void cleanUp() {
        GapFixture.remove(graph);
    }

    /** The editor side of the tab: a working document and its change listeners. */
    static class FakeEditor implements EditorContext {
        QualificationDocument document;
        final List<Consumer<QualificationDocument>> listeners = new ArrayList<>();
        final List<String> shownOutcomes = new ArrayList<>();
        final java.util.Map<String, List<String>> added = new java.util.LinkedHashMap<>();

        FakeEditor(QualificationDocument document) {
            this.document = document;
        }

        @Override
        public String qualificationId() {
            return "unsaved";
        }

        @Override
        public QualificationDocument currentDocument() {
            return document;
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
            shownOutcomes.add(outcomeCode);
        }

        @Override
        public Registration addChangeListener(Consumer<QualificationDocument> listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        @Override
        public void reload() {
        }

        @Override
        public boolean addSkills(java.util.Map<String, List<String>> skillsByOutcome) {
            added.putAll(skillsByOutcome);
            return true;
        }

        void edit(QualificationDocument changed) {
            document = changed;
            List.copyOf(listeners).forEach(l -> l.accept(changed));
        }
    }

    static QualificationDocument targeting(QualificationDocument d, List<String> targets) {
        return new QualificationDocument(d.id(), d.version(), d.title(), d.description(), d.type(), d.eqfLevel(),
                d.nqfLevels(), d.iscedF(), d.ecosystem(), d.creditSystem(), d.credits(), d.entryRequirements(),
                d.awardingBodies(), targets, d.derivedFrom(), d.status(), d.units());
    }

    @Test
    void coverageTabShowsCountsMissingSkillsHeatmapGraphAndMatches() {
        login("reviewer", "REVIEWER");
        var extension = extensions.stream().filter(e -> e.id().equals("esco-coverage")).findFirst().orElseThrow();
        assertThat(extension.order()).isEqualTo(30);
        assertThat(extension.label()).isEqualTo("ESCO coverage");
        var editor = new FakeEditor(targeting(GapFixture.document("Tab"), List.of(occupation("O1"))));
        UI.getCurrent().add(extension.create(editor));

        assertThat(_get(Span.class, s -> s.withId("coverage-essential")).getText()).isEqualTo("Essential skills covered: 2 / 4");
        assertThat(_get(Span.class, s -> s.withId("coverage-optional")).getText()).isEqualTo("Optional skills covered: 1 / 2");
        assertThat(_get(ProgressBar.class, s -> s.withId("coverage-progress")).getValue()).isEqualTo(0.5);
        var missing = _find(Div.class, s -> s.withClasses("missing-skill"));
        assertThat(missing).extracting(d -> d.getElement().getTextRecursively())
                .allMatch(t -> t.startsWith("skill S")).hasSize(2);

        var cells = _find(Div.class, s -> s.withClasses("matrix-cell"));
        assertThat(cells).hasSize(4 * 2); // 4 essential skills x 2 units
        assertThat(cell(cells, skill("S1"), "U1")).isEqualTo("1");
        assertThat(cell(cells, skill("S2"), "U2")).isEqualTo("1");
        assertThat(cell(cells, skill("S3"), "U2")).isEqualTo("0"); // mapping the group G does not cover S3

        String graph = _get(CurriculumGraph.class, s -> s.withId("coverage-graph")).getElements();
        assertThat(graph).contains("\"id\":\"u:U1\"", "\"id\":\"o:U1.K1\"", "essential covered", "essential missing",
                "\"source\":\"s:" + skill("N1") + "\",\"target\":\"s:" + skill("S1") + "\"");

        @SuppressWarnings("unchecked")
        Grid<org.qualigraph.esco.SkillsGap.OccupationMatch> matches = _get(Grid.class, s -> s.withId("coverage-matches"));
        assertThat(GridKt._get(matches, 0).occupation()).isEqualTo(occupation("O1"));

        // the designer maps S3 and S4: the tab follows the working document
        var doc = editor.document;
        editor.edit(doc.withUnits(List.of(GapFixture.withSkills(doc.units().get(0), List.of(skill("N1"), skill("S3")),
                List.of(skill("S4"))), doc.units().get(1))));
        assertThat(_get(Span.class, s -> s.withId("coverage-essential")).getText()).isEqualTo("Essential skills covered: 4 / 4");
        assertThat(_find(Div.class, s -> s.withClasses("missing-skill"))).isEmpty();
    }

    @Test
    void addToOutcomeAddsTheSkillToAnOutcomeOfTheMatchingDimension() {
        login("designer", "DESIGNER");
        var extension = extensions.stream().filter(e -> e.id().equals("esco-coverage")).findFirst().orElseThrow();
        var editor = new FakeEditor(targeting(GapFixture.document("Add"), List.of(occupation("O1"))));
        UI.getCurrent().add(extension.create(editor));

        _click(_find(Button.class, s -> s.withClasses("add-to-outcome")).get(0));
        @SuppressWarnings("unchecked")
        var select = (com.vaadin.flow.component.select.Select<org.qualigraph.esco.SkillSuggestions.Placement>)
                _get(com.vaadin.flow.component.select.Select.class, s -> s.withId("add-to-outcome-choice"));
        var offered = select.getListDataView().getItems().toList();
        // the fixture's skills are skill/competence: only SKILLS outcomes are offered (rule ESCO-02), best first
        assertThat(offered).isNotEmpty().allMatch(p -> p.dimension() != org.qualigraph.curriculum.Dimension.KNOWLEDGE);
        assertThat(offered).extracting(org.qualigraph.esco.SkillSuggestions.Placement::score)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(select.getValue()).isEqualTo(offered.get(0));
        select.setValue(offered.get(offered.size() - 1));
        _click(_get(Button.class, s -> s.withId("add-to-outcome-confirm")));

        String code = offered.get(offered.size() - 1).outcomeCode();
        assertThat(editor.added).containsOnlyKeys(code);
        assertThat(editor.added.get(code)).containsExactly(occupationMissingFirst(editor));
    }

    /** The first missing essential skill the tab lists (the one the test clicked). */
    private String occupationMissingFirst(FakeEditor editor) {
        var label = _find(Div.class, s -> s.withClasses("missing-skill")).get(0).getChildren()
                .filter(c -> c instanceof Span).map(c -> (Span) c).findFirst().orElseThrow();
        return label.getElement().getAttribute("title");
    }

    @Test
    void coverageTabAnalysesAProfileChosenAsTarget() {
        login("designer", "DESIGNER");
        var created = profiles.create(new org.qualigraph.esco.OccupationalProfile(null, "Recycler", "", List.of(occupation("O2")),
                List.of(), List.of(), List.of(new org.qualigraph.esco.OccupationalProfile.LocalSkill(null, null,
                "sort cells", "", "essential")), null), "designer");
        var extension = extensions.stream().filter(e -> e.id().equals("esco-coverage")).findFirst().orElseThrow();
        UI.getCurrent().add(extension.create(new FakeEditor(GapFixture.document("Profile tab"))));

        @SuppressWarnings("unchecked")
        var target = (com.vaadin.flow.component.combobox.ComboBox<CoveragePanel.Target>)
                _get(com.vaadin.flow.component.combobox.ComboBox.class, s -> s.withId("coverage-target"));
        // the only profile is preselected, as the qualification has no target occupation
        assertThat(target.getValue().key()).isEqualTo(created.id());
        target.setValue(new CoveragePanel.Target(created.id(), "Recycler", true));

        assertThat(_get(Span.class, s -> s.withId("coverage-essential")).getText()).isEqualTo("Essential skills covered: 1 / 3");
        assertThat(_find(Div.class, s -> s.withClasses("missing-skill"))).extracting(d -> d.getElement().getTextRecursively())
                .anyMatch(t -> t.contains("sort cells") && t.contains("local, not ESCO"));
    }

    @Test
    void escoBrowserSearchesAndShowsOccupationAndSkillPages() {
        login("reviewer", "REVIEWER");
        UI.getCurrent().navigate(EscoBrowserView.class);
        _setValue(_get(TextField.class, s -> s.withId("esco-search")), "occupation O");
        var results = _find(_get(Div.class, s -> s.withId("esco-results")), Button.class);
        assertThat(results).extracting(Button::getText).contains("occupation O1", "occupation O2");

        _click(results.stream().filter(b -> b.getText().equals("occupation O1")).findFirst().orElseThrow());
        assertThat(_get(H3.class, s -> s.withText("occupation O1"))).isNotNull();
        assertThat(_find(_get(Div.class, s -> s.withId("esco-essential")), Button.class)).extracting(Button::getText)
                .containsExactly("skill S1", "skill S2", "skill S3", "skill S4"); // the obsolete skill is not shown
        assertThat(_find(_get(Div.class, s -> s.withId("esco-optional")), Button.class)).hasSize(2);

        UI.getCurrent().navigate(EscoBrowserView.class, QueryParameters.of("skill", skill("S1")));
        assertThat(_find(_get(Div.class, s -> s.withId("esco-narrower")), Button.class)).extracting(Button::getText)
                .containsExactly("skill N1");
        assertThat(_find(_get(Div.class, s -> s.withId("esco-essential-for")), Button.class)).extracting(Button::getText)
                .containsExactly("occupation O1", "occupation O2");
        UI.getCurrent().navigate(EscoBrowserView.class, QueryParameters.of("skill", skill("S3")));
        assertThat(_find(_get(Div.class, s -> s.withId("esco-broader")), Button.class)).extracting(Button::getText)
                .containsExactly("skill group G");
    }

    @Test
    void aGermanDesignerReadsWhyAProfileIsNotSaved() {
        login("designer", "DESIGNER");
        UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        UI.getCurrent().navigate(ProfilesView.class);
        _click(_get(Button.class, s -> s.withId("profile-new")));
        _setValue(_get(TextField.class, s -> s.withId("profile-name")), "R".repeat(201));
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<EscoBrowser.OccupationRef> basedOn = _get(MultiSelectComboBox.class, s -> s.withId("profile-based-on"));
        basedOn.setValue(Set.of(new EscoBrowser.OccupationRef(occupation("O404"), "gone", "9999")));
        _click(_get(Button.class, s -> s.withId("profile-save")));

        assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications())
                .anySatisfy(n -> assertThat(n.getElement().getProperty("text", ""))
                        .contains("Nicht gespeichert: Name: höchstens 200 Zeichen",
                                "Beruht auf ESCO-Berufen: kein geladener ESCO-Beruf: " + occupation("O404"))
                        .doesNotContain("at most", "not a loaded", "basedOn["));
        assertThat(profiles.list()).isEmpty();
    }

    @Test
    void aPolishDesignerReadsThatTheProfileWasDeletedMeanwhileAndTheApiKeepsItsEnglish() throws Exception {
        login("designer", "DESIGNER");
        UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("pl"));
        UI.getCurrent().navigate(ProfilesView.class);
        startBatteryRecyclerProfile();
        _click(_get(Button.class, s -> s.withId("profile-save")));
        var saved = profiles.list().get(0);
        @SuppressWarnings("unchecked")
        Grid<org.qualigraph.esco.OccupationalProfile> grid = _get(Grid.class, s -> s.withId("profiles"));
        grid.asSingleSelect().setValue(saved);
        _setValue(_get(TextField.class, s -> s.withId("profile-name")), "Battery recycler (2)");

        profiles.delete(saved.id()); // by someone else, while the form is open
        com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications();
        _click(_get(Button.class, s -> s.withId("profile-save")));
        assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications())
                .extracting(n -> n.getElement().getProperty("text", ""))
                .containsExactly("Profil zawodowy „Battery recycler (2)” już nie istnieje: ktoś go w międzyczasie usunął.");
        com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications();
        _click(_get(Button.class, s -> s.withId("profile-delete")));
        assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications())
                .extracting(n -> n.getElement().getProperty("text", ""))
                .containsExactly("Profil zawodowy „Battery recycler” już nie istnieje: ktoś go w międzyczasie usunął.");
        assertThat(profiles.list()).isEmpty();

        // the API's 404 keeps its English; other screens put it into words
        var missing = org.assertj.core.api.Assertions.catchThrowableOfType(org.qualigraph.base.NotFoundException.class,
                () -> profiles.get(saved.id()));
        assertThat(missing.getMessage()).isEqualTo("No occupational profile with id " + saved.id());
        String german = org.qualigraph.base.Refusals.inWords(missing, java.util.Locale.GERMAN);
        assertThat(german).isEqualTo("Es gibt kein Berufsprofil mit der Kennung " + saved.id()
                + "; vielleicht wurde es inzwischen gelöscht");
        assertThat(org.qualigraph.base.GermanInterfaceViewTest.isGerman(german, saved.id())).isTrue();
    }

    @Test
    void designerCreatesAProfileAndReviewerOnlyReads() {
        login("designer", "DESIGNER");
        UI.getCurrent().navigate(ProfilesView.class);
        startBatteryRecyclerProfile();
        _setValue(_get(TextField.class, s -> s.withId("profile-local-label")), "dismantle packs");
        _click(_get(Button.class, s -> s.withId("profile-local-add")));
        _click(_get(Button.class, s -> s.withId("profile-save")));

        var saved = profiles.list();
        assertThat(saved).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Battery recycler");
            assertThat(p.basedOn()).containsExactly(occupation("O1"));
            assertThat(p.localSkills()).extracting(l -> l.label()).containsExactly("dismantle packs");
        });
        @SuppressWarnings("unchecked")
        Grid<org.qualigraph.esco.OccupationalProfile> grid = _get(Grid.class, s -> s.withId("profiles"));
        assertThat(GridKt._size(grid)).isEqualTo(1);

        login("reviewer", "REVIEWER");
        UI.getCurrent().navigate(EscoBrowserView.class);
        UI.getCurrent().navigate(ProfilesView.class);
        com.github.mvysny.kaributesting.v10.LocatorJ._assertNone(Button.class, s -> s.withId("profile-new"));
        @SuppressWarnings("unchecked")
        Grid<org.qualigraph.esco.OccupationalProfile> readOnly = _get(Grid.class, s -> s.withId("profiles"));
        assertThat(GridKt._size(readOnly)).isEqualTo(1);
    }

    private static String cell(List<Div> cells, String skill, String unit) {
        return cells.stream().filter(c -> skill.equals(c.getElement().getAttribute("data-skill"))
                        && unit.equals(c.getElement().getAttribute("data-unit")))
                .findFirst().orElseThrow().getElement().getAttribute("data-count");
    }

    /** In the open profiles view: a new profile "Battery recycler" based on occupation O1, not saved yet. */
    private void startBatteryRecyclerProfile() {
        _click(_get(Button.class, s -> s.withId("profile-new")));
        _setValue(_get(TextField.class, s -> s.withId("profile-name")), "Battery recycler");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<EscoBrowser.OccupationRef> basedOn = _get(MultiSelectComboBox.class, s -> s.withId("profile-based-on"));
        basedOn.setValue(Set.of(new EscoBrowser.OccupationRef(occupation("O1"), "occupation O1", "9999")));
    }
}
