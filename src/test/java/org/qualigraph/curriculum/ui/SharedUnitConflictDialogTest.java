package org.qualigraph.curriculum.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.support.Documents;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two designers, shared units, two qualifications: the core's editor is open while the partner changes shared units
 * through the partner qualification. The editor says so while open; a save that changed them too shows, unit by unit,
 * both versions with who, where and when, and the designer chooses per unit; either choice keeps everything else typed.
 */
class SharedUnitConflictDialogTest extends ViewTest {

    @Autowired
    QualificationService service;

    private record Pair(QualificationDocument core, QualificationDocument partner) {
    }

    /** A core of three units and a partner qualification holding the core's U1 and U2 by id (shared). */
    private Pair sharing() {
        var core = service.create(Documents.generated("Core profile", 3, 3), "designer");
        var partnerDoc = Documents.generated("Partner variant", 2, 3);
        var partner = service.create(partnerDoc.withUnits(List.of(core.units().get(0), core.units().get(1))), "designer");
        return new Pair(core, partner);
    }

    /** The partner raises U1's credits to 26 and, with {@code renameU2}, renames U2, through the partner qualification. */
    private void partnerChanges(Pair pair, boolean renameU2) {
        var doc = service.get(pair.partner().id());
        var u1 = doc.units().get(0);
        var u2 = doc.units().get(1);
        service.update(doc.id(), doc.withUnits(List.of(new UnitDocument(u1.id(), u1.code(), u1.title(), u1.eqfLevel(),
                BigDecimal.valueOf(26), u1.hours(), u1.mandatory(), u1.prerequisites(), u1.deliveryModes(), u1.outcomes(),
                u1.workBasedLearning(), u1.assessments(), u1.version()), renameU2 ? new UnitDocument(u2.id(), u2.code(),
                Map.of("en", "U2 as the partner names it"), u2.eqfLevel(), u2.credits(), u2.hours(), u2.mandatory(),
                u2.prerequisites(), u2.deliveryModes(), u2.outcomes(), u2.workBasedLearning(), u2.assessments(), u2.version()) : u2)),
                "partner-designer");
    }

    /** Opens the core, retitles it and renames U1 in the editor (unsaved). */
    private QualificationEditorView openAndType(Pair pair) {
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + pair.core().id());
        var editor = _get(QualificationEditorView.class);
        setText(_get(MultilingualField.class, spec -> spec.withId("title")), "Core profile, retitled");
        _get(TabSheet.class, spec -> spec.withId("editor-tabs")).setSelectedIndex(1);
        select("U1");
        setText(_get(MultilingualField.class, spec -> spec.withId("unit-title")), "Renamed in the core");
        return editor;
    }

    @Test
    void theEditorSaysWhenASharedUnitChangedElsewhereAndApplyingMineOnTopKeepsBothChanges() {
        var pair = sharing();
        var editor = openAndType(pair);
        editor.checkChangedElsewhere();
        assertThat(_find(HorizontalLayout.class, spec -> spec.withId("changed-elsewhere"))).isEmpty();

        partnerChanges(pair, false);
        // what the browser's poll does every few seconds: the editor asks the graph, not an in-JVM event
        assertThat(UI.getCurrent().getPollInterval()).isBetween(1, 5000);
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
        assertThat(_get(_get(HorizontalLayout.class, spec -> spec.withId("changed-elsewhere")), Span.class).getText())
                .contains("U1").contains("another qualification");

        _click(_get(Button.class, spec -> spec.withId("save")));

        var dialog = _get(UnitConflictDialog.class);
        assertThat(_get(dialog, Paragraph.class, spec -> spec.withClasses("unit-conflict-who")).getText())
                .contains("U1").contains("partner-designer").contains("Partner variant").contains("version 1");
        assertThat(_find(dialog, Span.class, spec -> spec.withClasses("unit-conflict-mine")))
                .extracting(Span::getText).containsExactly("Renamed in the core", "10");
        assertThat(_find(dialog, Span.class, spec -> spec.withClasses("unit-conflict-theirs")))
                .as("only the fields that differ").extracting(Span::getText).containsExactly("Unit 1 of Core profile", "26");
        assertThat(service.get(pair.core().id()).version()).as("nothing saved yet").isEqualTo(pair.core().version());

        choose("U1", UnitConflictDialog.Choice.MINE);
        _click(_get(Button.class, spec -> spec.withId("unit-conflict-apply")));

        for (var doc : List.of(service.get(pair.core().id()), service.get(pair.partner().id()))) {
            var u1 = doc.units().stream().filter(u -> u.code().equals("U1")).findFirst().orElseThrow();
            assertThat(u1.title()).isEqualTo(Map.of("en", "Renamed in the core"));
            assertThat(u1.credits()).isEqualByComparingTo("26");
        }
        assertThat(service.get(pair.core().id()).title()).isEqualTo(Map.of("en", "Core profile, retitled"));
        assertThat(editor.hasUnsavedChanges()).isFalse();
    }

    @Test
    void twoUnitsInConflictAreDecidedOneByOneAndTheDesignersOtherEditsAreSaved() {
        var pair = sharing();
        var editor = openAndType(pair);
        // more typing: U2's hours (U2 is shared and the partner renames it) and U3's title (not shared)
        select("U2");
        _setValue(_get(IntegerField.class, spec -> spec.withId("unit-hours")), 300);
        select("U3");
        setText(_get(MultilingualField.class, spec -> spec.withId("unit-title")), "U3 as the core designer names it");
        partnerChanges(pair, true);

        _click(_get(Button.class, spec -> spec.withId("save")));

        var dialog = _get(UnitConflictDialog.class);
        assertThat(_find(dialog, H4.class)).extracting(H4::getText)
                .containsExactly("U1 Unit 1 of Core profile", "U2 U2 as the partner names it");
        assertThat(_find(_get(dialog, Div.class, spec -> spec.withId("unit-conflict-U2")), Span.class,
                spec -> spec.withClasses("unit-conflict-mine"))).extracting(Span::getText)
                .containsExactly("Unit 2 of Core profile", "300");
        var apply = _get(Button.class, spec -> spec.withId("unit-conflict-apply"));
        choose("U1", UnitConflictDialog.Choice.MINE);
        assertThat(apply.isEnabled()).as("every unit needs a choice").isFalse();
        choose("U2", UnitConflictDialog.Choice.THEIRS);
        assertThat(apply.isEnabled()).isTrue();
        _click(apply);

        assertThat(_find(UnitConflictDialog.class)).isEmpty();
        assertThat(editor.hasUnsavedChanges()).as("saved").isFalse();
        var core = service.get(pair.core().id());
        assertThat(core.version()).isEqualTo(pair.core().version() + 1);
        assertThat(core.title()).isEqualTo(Map.of("en", "Core profile, retitled"));
        var u1 = core.units().get(0);
        assertThat(u1.title()).as("mine on top").isEqualTo(Map.of("en", "Renamed in the core"));
        assertThat(u1.credits()).as("the partner's other field stays").isEqualByComparingTo("26");
        var u2 = core.units().get(1);
        assertThat(u2.title()).as("theirs").isEqualTo(Map.of("en", "U2 as the partner names it"));
        assertThat(u2.hours()).as("theirs, whole").isEqualTo(270);
        assertThat(core.units().get(2).title()).isEqualTo(Map.of("en", "U3 as the core designer names it"));
        var partner = service.get(pair.partner().id());
        assertThat(partner.units().get(0).title()).isEqualTo(u1.title());
        assertThat(partner.units().get(0).credits()).isEqualByComparingTo("26");
        assertThat(partner.units().get(1).title()).isEqualTo(u2.title());
        assertThat(partner.units().get(0).id()).isEqualTo(u1.id());
        assertThat(partner.units().get(1).id()).isEqualTo(u2.id());
    }

    @Test
    void takingTheirsReplacesOnlyThatUnitAndSavesEverythingElseTyped() {
        var pair = sharing();
        var editor = openAndType(pair);
        partnerChanges(pair, false);

        _click(_get(Button.class, spec -> spec.withId("save")));
        _click(_get(Button.class, spec -> spec.withId("unit-conflict-later")));
        assertThat(editor.hasUnsavedChanges()).as("closing the dialog changes nothing").isTrue();
        assertThat(editor.draft().unit("U1").orElseThrow().title).isEqualTo(Map.of("en", "Renamed in the core"));

        _click(_get(Button.class, spec -> spec.withId("save")));
        choose("U1", UnitConflictDialog.Choice.THEIRS);
        _click(_get(Button.class, spec -> spec.withId("unit-conflict-apply")));

        assertThat(editor.hasUnsavedChanges()).isFalse();
        var u1 = editor.draft().unit("U1").orElseThrow();
        assertThat(u1.title).isEqualTo(Map.of("en", "Unit 1 of Core profile"));
        assertThat(u1.credits).isEqualByComparingTo("26");
        var stored = service.get(pair.core().id());
        assertThat(stored.title()).isEqualTo(Map.of("en", "Core profile, retitled"));
        assertThat(stored.units().get(0).title()).isEqualTo(Map.of("en", "Unit 1 of Core profile"));
        assertThat(stored.units().get(0).credits()).isEqualByComparingTo("26");
    }

    private static void select(String unitCode) {
        assertThat(_get(UnitsPanel.class).select(unitCode)).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static void choose(String unitCode, UnitConflictDialog.Choice choice) {
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("unit-conflict-choice-" + unitCode)), choice);
    }

    private static void setText(MultilingualField field, String text) {
        var value = field.textOf("en").orElseThrow();
        if (value instanceof TextField textField) {
            _setValue(textField, text);
        } else {
            _setValue((TextArea) value, text);
        }
    }
}
