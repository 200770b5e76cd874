package org.qualigraph.exchange.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.exchange.elm.PreflightService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.SharedData;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Components built directly (navigation through the secured routes is not exercised here).
 * The import page previews before creating anything; the pre-flight page lists problems or offers the files. */
class ElmViewsTest extends ViewTest {

    @Autowired
    QualificationService qualifications;
    @Autowired
    PreflightService preflight;
    @Autowired
    org.qualigraph.exchange.elm.LoqImportService imports;

    @Test
    void importPagePreviewsThenCreates() throws Exception {
        byte[] sample = Files.readAllBytes(SharedData.requireElm().resolve("loq/loq.xml"));
        login("designer", "DESIGNER");
        LoqImportView view = new LoqImportView(imports);
        UI.getCurrent().add(view);
        view.received("<!DOCTYPE x [<!ENTITY a \"b\">]><x/>".getBytes());
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-status")).getText()).contains("DTD");
        assertThat(_get(Button.class, spec -> spec.withId("import-confirm")).isEnabled()).isFalse();

        view.received(sample);
        @SuppressWarnings("unchecked")
        Grid<QualificationDocument> grid = _get(Grid.class, spec -> spec.withId("import-preview"));
        assertThat(grid.getGenericDataView().getItems().count()).isPositive();
        assertThat(qualifications.countAll()).isZero();
        com.github.mvysny.kaributesting.v10.LocatorJ._click(_get(Button.class, spec -> spec.withId("import-confirm")));
        assertThat(qualifications.countAll()).isEqualTo(grid.getGenericDataView().getItems().count());
    }

    @Test
    void preflightListsProblemsWithTheirPlaceOrOffersTheFiles() {
        SharedData.requireElm();
        var good = qualifications.create(Documents.minimal("Ready to submit"), "designer");
        var broken = good;
        login("designer", "DESIGNER");
        PreflightPanel panel = new PreflightPanel(preflight, () -> good, null);
        UI.getCurrent().add(panel);
        panel.show(preflight.check(good, "en"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("preflight-passed")).getText()).contains("validates");
        var files = preflight.check(good, "en").files().keySet();
        assertThat(files).containsExactly("ready-to-submit-r1-draft.xml", "ready-to-submit-r1-draft.jsonld", "ready-to-submit-r1-draft.ttl",
                "ready-to-submit-r1-draft-qdr.zip");

        var noNqf = new QualificationDocument(broken.id(), broken.version(), broken.title(), broken.description(),
                broken.type(), broken.eqfLevel(), java.util.List.of(), broken.iscedF(), broken.ecosystem(),
                broken.creditSystem(), broken.credits(), broken.entryRequirements(), broken.awardingBodies(),
                broken.targetOccupations(), null, broken.status(), broken.units());
        panel.show(preflight.check(noNqf, "en"));
        assertThat(_get(UnorderedList.class, spec -> spec.withId("preflight-findings")).getElement().getTextRecursively())
                .contains("NQF level").contains("Profile → NQF levels");
    }
}
