package org.qualigraph.quality.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationStatus;
import org.qualigraph.quality.Governance;
import org.qualigraph.quality.GovernanceRecordService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

class EvidenceAndRevisionsPanelTest extends ViewTest {

    @Autowired
    EvidenceEditorExtension evidence;
    @Autowired
    RevisionsEditorExtension revisions;
    @Autowired
    QualificationService qualifications;
    @Autowired
    GovernanceRecordService governance;

    @Test
    void designerRecordsAStakeholderAndSeesFieldErrors() {
        login("designer", "DESIGNER");
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        UI.getCurrent().add(evidence.create(new ReviewPanelTest.RecordingContext(id, qualifications)));

        _setValue(_get(TextField.class, spec -> spec.withId("stakeholder-name")), "Anna Student");
        @SuppressWarnings("unchecked")
        Select<Governance.StakeholderKind> kind = _get(Select.class, spec -> spec.withId("stakeholder-kind"));
        _setValue(kind, Governance.StakeholderKind.LEARNER_REPRESENTATIVE);
        _click(_get(Button.class, spec -> spec.withId("stakeholder-add")));
        _click(_get(Button.class, spec -> spec.withId("evidence-save")));
        assertThat(governance.governance(id).stakeholders()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Anna Student");
            assertThat(s.kind()).isEqualTo(Governance.StakeholderKind.LEARNER_REPRESENTATIVE);
        });

        _setValue(_get(TextField.class, spec -> spec.withId("evidence-text")), "Needs analysis");
        _setValue(_get(TextField.class, spec -> spec.withId("evidence-link")), "not a link");
        _click(_get(Button.class, spec -> spec.withId("evidence-add")));
        _click(_get(Button.class, spec -> spec.withId("evidence-save")));
        var errors = _find(_get(Div.class, spec -> spec.withId("evidence-errors")), Paragraph.class).stream()
                .map(Paragraph::getText).toList();
        assertThat(errors).anyMatch(e -> e.startsWith("Quality-cycle evidence 1 · Phase: "));
        assertThat(errors).anyMatch(e -> e.startsWith("Quality-cycle evidence 1 · Link: must be an http(s) address"));
        assertThat(governance.governance(id).evidence()).isEmpty();
    }

    @Test
    void revisionsTabShowsTheDiffToThePreviousRevision() {
        login("reviewer", "REVIEWER");
        var first = qualifications.create(Documents.minimal("Cell technician"), "designer");
        qualifications.changeStatus(first.id(), QualificationStatus.PUBLISHED, "reviewer");
        var second = qualifications.newRevision(first.id(), "designer");
        qualifications.update(second.id(), second.withTitle(Map.of("en", "Cell technician 2027")), "designer");
        UI.getCurrent().add(revisions.create(new ReviewPanelTest.RecordingContext(second.id(), qualifications)));

        var lines = _find(_get(UnorderedList.class, spec -> spec.withId("diff-QUALIFICATION")), ListItem.class).stream()
                .map(ListItem::getText).toList();
        assertThat(lines).containsExactly("Title changed from en: \"Cell technician\" to en: \"Cell technician 2027\"");
        assertThat(_find(UnorderedList.class, spec -> spec.withId("diff-UNITS"))).isEmpty();
    }
}
