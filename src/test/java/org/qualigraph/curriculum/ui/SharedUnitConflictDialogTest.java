package org.qualigraph.curriculum.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
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
 * Two designers, one shared unit, two qualifications: the core's editor is open while the partner raises the shared
 * unit's credits through the partner qualification. The editor says so while open; a save that changed the unit too
 * shows both versions with who, where and when, and either choice keeps everything typed.
 */
class SharedUnitConflictDialogTest extends ViewTest {

    @Autowired
    QualificationService service;

    private record Pair(QualificationDocument core, QualificationDocument partner) {
    }

    private Pair sharing() {
        var core = service.create(Documents.generated("Core profile", 2, 3), "designer");
        var u1 = core.units().get(0);
        var partnerDoc = Documents.generated("Partner variant", 1, 3);
        var partner = service.create(partnerDoc.withUnits(List.of(new UnitDocument(u1.id(), u1.code(), u1.title(),
                u1.eqfLevel(), u1.credits(), u1.hours(), true, List.of(), u1.deliveryModes(), u1.outcomes(),
                u1.workBasedLearning(), u1.assessments(), u1.version()))), "designer");
        return new Pair(core, partner);
    }

    /** The partner raises U1's credits to 26 through the partner qualification. */
    private void partnerRaisesCredits(Pair pair) {
        var doc = service.get(pair.partner().id());
        var u1 = doc.units().get(0);
        service.update(doc.id(), doc.withUnits(List.of(new UnitDocument(u1.id(), u1.code(), u1.title(), u1.eqfLevel(),
                BigDecimal.valueOf(26), u1.hours(), u1.mandatory(), u1.prerequisites(), u1.deliveryModes(), u1.outcomes(),
                u1.workBasedLearning(), u1.assessments(), u1.version()))), "partner-designer");
    }

    /** Opens the core, retitles it and renames U1 in the editor (unsaved). */
    private QualificationEditorView openAndType(Pair pair) {
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + pair.core().id());
        var editor = _get(QualificationEditorView.class);
        setText(_get(MultilingualField.class, spec -> spec.withId("title")), "Core profile, retitled");
        _get(TabSheet.class, spec -> spec.withId("editor-tabs")).setSelectedIndex(1);
        assertThat(_get(UnitsPanel.class).select("U1")).isTrue();
        setText(_get(MultilingualField.class, spec -> spec.withId("unit-title")), "Renamed in the core");
        return editor;
    }

    @Test
    void theEditorSaysWhenASharedUnitChangedElsewhereAndApplyingMineOnTopKeepsBothChanges() {
        var pair = sharing();
        var editor = openAndType(pair);
        editor.checkChangedElsewhere();
        assertThat(_find(HorizontalLayout.class, spec -> spec.withId("changed-elsewhere"))).isEmpty();

        partnerRaisesCredits(pair);
        editor.checkChangedElsewhere();
        assertThat(_get(_get(HorizontalLayout.class, spec -> spec.withId("changed-elsewhere")), Span.class).getText())
                .contains("U1").contains("another qualification");

        _click(_get(Button.class, spec -> spec.withId("save")));

        var dialog = _get(UnitConflictDialog.class);
        assertThat(_get(dialog, Paragraph.class, spec -> spec.withClasses("unit-conflict-who")).getText())
                .contains("U1").contains("partner-designer").contains("Partner variant").contains("version 1");
        assertThat(_find(dialog, Span.class, spec -> spec.withClasses("unit-conflict-mine")))
                .extracting(Span::getText).contains("Renamed in the core", "10");
        assertThat(_find(dialog, Span.class, spec -> spec.withClasses("unit-conflict-theirs")))
                .extracting(Span::getText).contains("Unit 1 of Core profile", "26");
        assertThat(service.get(pair.core().id()).version()).as("nothing saved yet").isEqualTo(pair.core().version());

        _click(_get(Button.class, spec -> spec.withId("unit-conflict-apply-mine")));

        for (var doc : List.of(service.get(pair.core().id()), service.get(pair.partner().id()))) {
            var u1 = doc.units().stream().filter(u -> u.code().equals("U1")).findFirst().orElseThrow();
            assertThat(u1.title()).isEqualTo(Map.of("en", "Renamed in the core"));
            assertThat(u1.credits()).isEqualByComparingTo("26");
        }
        assertThat(service.get(pair.core().id()).title()).isEqualTo(Map.of("en", "Core profile, retitled"));
        assertThat(editor.hasUnsavedChanges()).isFalse();
    }

    @Test
    void takingTheirsReplacesOnlyThatUnitAndKeepsEverythingElseTyped() {
        var pair = sharing();
        var editor = openAndType(pair);
        partnerRaisesCredits(pair);

        _click(_get(Button.class, spec -> spec.withId("save")));
        _click(_get(Button.class, spec -> spec.withId("unit-conflict-take-theirs")));

        assertThat(editor.hasUnsavedChanges()).isTrue();
        var u1 = editor.draft().unit("U1").orElseThrow();
        assertThat(u1.title).isEqualTo(Map.of("en", "Unit 1 of Core profile"));
        assertThat(u1.credits).isEqualByComparingTo("26");
        assertThat(editor.draft().title).containsEntry("en", "Core profile, retitled");

        _click(_get(Button.class, spec -> spec.withId("save")));

        var stored = service.get(pair.core().id());
        assertThat(stored.title()).isEqualTo(Map.of("en", "Core profile, retitled"));
        assertThat(stored.units().get(0).title()).isEqualTo(Map.of("en", "Unit 1 of Core profile"));
        assertThat(stored.units().get(0).credits()).isEqualByComparingTo("26");
        assertThat(editor.hasUnsavedChanges()).isFalse();
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
