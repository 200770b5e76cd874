package org.qualigraph.quality.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.EditorContext;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationEditorExtension;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.TestUsers;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The Quality tab and badge through the real extension bean, with an editor context that records what it is asked. */
class QualityTabViewTest extends ViewTest {

    @Autowired
    List<QualificationEditorExtension> extensions;
    @Autowired
    QualificationService qualifications;
    @Autowired
    org.qualigraph.quality.QualityService quality;

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** An editor stand-in: holds the working document, records navigation, lets the test fire edits. */
    static final class RecordingEditor implements EditorContext {
        QualificationDocument document;
        final List<String> units = new ArrayList<>();
        final List<String> outcomes = new ArrayList<>();
        final List<Consumer<QualificationDocument>> listeners = new ArrayList<>();

        RecordingEditor(QualificationDocument document) {
            this.document = document;
        }

        void edit(QualificationDocument changed) {
            document = changed;
            List.copyOf(listeners).forEach(l -> l.accept(changed));
        }

        @Override public String qualificationId() { return document.id(); }
        @Override public QualificationDocument currentDocument() { return document; }
        @Override public boolean editable() { return true; }
        @Override public void showUnit(String unitCode) { units.add(unitCode); }
        @Override public void showOutcome(String outcomeCode) { outcomes.add(outcomeCode); }
        @Override public Registration addChangeListener(Consumer<QualificationDocument> listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }
        @Override public void reload() { }
    }

    private static QualificationDocument edit(QualificationDocument doc, Consumer<ObjectNode> change) {
        ObjectNode node = JSON.valueToTree(doc);
        change.accept(node);
        try {
            return JSON.treeToValue(node, QualificationDocument.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private QualificationEditorExtension quality() {
        return extensions.stream().filter(e -> e.id().equals("quality")).findFirst().orElseThrow();
    }

    @Test
    void findingNavigatesToItsUnitAndOutcomeAndEverythingUpdatesLive() {
        login(TestUsers.DESIGNER, "DESIGNER");
        var broken = edit(Documents.minimal("Broken"), d -> {
            ObjectNode unit = (ObjectNode) d.withArray("units").get(0);
            unit.put("eqfLevel", 5);
            ((ObjectNode) unit.withArray("outcomes").get(0)).putObject("statement")
                    .put("en", "Understand the principles of cell chemistry in production");
        });
        var editor = new RecordingEditor(broken);
        var extension = quality();
        assertThat(extension.order()).isEqualTo(20);
        assertThat(extension.label()).isEqualTo("Quality");
        var badge = extension.createBadge(editor).orElseThrow();
        UI.getCurrent().add(badge, extension.create(editor));

        assertThat(_get(Span.class, s -> s.withId("quality-badge")).getText()).startsWith("1 error · ");
        assertThat(_get(Span.class, s -> s.withId("quality-summary")).getText()).startsWith("1 error · ");

        _click(_get(Button.class, s -> s.withId("quality-goto-EQF-02-U1")));
        assertThat(editor.units).containsExactly("U1");
        _click(_get(Button.class, s -> s.withId("quality-goto-LO-01-U1.K1")));
        assertThat(editor.outcomes).containsExactly("U1.K1");
        assertThat(_find(com.vaadin.flow.component.orderedlayout.VerticalLayout.class,
                s -> s.withId("quality-writing-help"))).hasSize(1);

        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> filter = _get(RadioButtonGroup.class, s -> s.withId("quality-filter"));
        filter.setValue("ERROR");
        assertThat(_find(Details.class).stream().map(d -> d.getId().orElse("")).filter(id -> id.startsWith("quality-group-")))
                .containsExactly("quality-group-EQF");

        editor.edit(Documents.minimal("Fixed"));
        assertThat(_get(Span.class, s -> s.withId("quality-badge")).getText()).startsWith("0 errors");
        assertThat(_find(Button.class, s -> s.withId("quality-goto-EQF-02-U1"))).isEmpty();
    }

    /**
     * One gate, seen early: on a draft, ESG-03 is a warning marked "blocks publication", and its rule is tagged
     * "Warning" as its finding is (the issue saw "Error" over a "Warning" finding); a warning that will not block
     * publication carries no mark.
     */
    @Test
    void aDraftSeesWhatBlocksPublicationAndTheRuleIsTaggedAsItsFinding() {
        login(TestUsers.DESIGNER, "DESIGNER");
        var draft = edit(Documents.minimal("No entry"), d -> {
            d.putObject("entryRequirements");
            ((ObjectNode) ((ObjectNode) d.withArray("units").get(0)).withArray("outcomes").get(0)).putObject("statement")
                    .put("en", "Understand the principles of cell chemistry in production");
        });
        UI.getCurrent().add(quality().create(new RecordingEditor(draft)));

        var esg03 = _get(com.vaadin.flow.component.html.Div.class, s -> s.withId("quality-rule-ESG-03"));
        var finding = _get(esg03, com.vaadin.flow.component.orderedlayout.HorizontalLayout.class,
                s -> s.withClasses("quality-finding"));
        assertThat(_find(finding, Span.class, s -> s.withClasses("blocks-publication"))).singleElement()
                .extracting(Span::getText).isEqualTo("blocks publication");
        // the rule's tag (in its head row) and the finding's tag say the same
        var tags = _find(esg03, Span.class, s -> s.withThemes("badge")).stream()
                .filter(b -> !b.hasClassName("blocks-publication")).map(Span::getText).toList();
        assertThat(tags).containsExactly("Warning", "Warning");

        var lo01 = _get(com.vaadin.flow.component.html.Div.class, s -> s.withId("quality-rule-LO-01"));
        assertThat(_find(lo01, Span.class, s -> s.withClasses("quality-finding"))).isEmpty();
        assertThat(_find(lo01, Span.class, s -> s.withClasses("blocks-publication"))).isEmpty();
        assertThat(_find(lo01, com.vaadin.flow.component.orderedlayout.HorizontalLayout.class,
                s -> s.withClasses("quality-finding"))).isNotEmpty();
    }

    @Test
    void reviewerReportAndDashboardViews() {
        var stored = qualifications.create(Documents.minimal("Stored"), TestUsers.DESIGNER);
        login(TestUsers.REVIEWER, "REVIEWER");
        var report = new QualityReportView(qualifications, quality);
        UI.getCurrent().add(report);
        report.show(stored.id());
        assertThat(_get(Span.class, s -> s.withId("quality-summary")).getText()).startsWith("0 errors");
        assertThat(_get(Details.class, s -> s.withId("quality-group-ESG")).getSummaryText()).contains("failed");
        UI.getCurrent().removeAll();
        var dashboard = new QualityDashboardView(qualifications, quality);
        UI.getCurrent().add(dashboard);
        dashboard.show(stored.id());
        assertThat(_get(QgChart.class, s -> s.withId("chart-findings")).config()).contains("\"bar\"").contains("ESG");
        assertThat(_get(Span.class, s -> s.withId("work-based-share")).getText()).contains("100 of 270");
        UI.getCurrent().removeAll();
        var missing = new QualityReportView(qualifications, quality);
        UI.getCurrent().add(missing);
        missing.show("no-such-id");
        assertThat(_get(Span.class, s -> s.withId("quality-not-found")).getText()).contains("no-such-id");
    }
}
