package org.qualigraph.curriculum.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.support.Documents;

class EditorSessionTest {

    private final List<String> calls = new ArrayList<>();
    private final QualificationDraft draft = DraftMapper.toDraft(Documents.minimal("Session"));

    private final EditorSession session = new EditorSession("q-1", new EditorSession.Host() {
        @Override
        public QualificationDraft draft() {
            return draft;
        }

        @Override
        public boolean editable() {
            return true;
        }

        @Override
        public void showUnit(String unitCode) {
            calls.add("unit " + unitCode);
        }

        @Override
        public void showOutcome(String outcomeCode) {
            calls.add("outcome " + outcomeCode);
        }

        @Override
        public void reload() {
            calls.add("reload");
        }

        @Override
        public void contentChanged() {
            calls.add("changed");
        }
    });

    @Test
    void skillsAddedByAnExtensionLandInTheWorkingCopyAndMarkItChanged() {
        String outcome = draft.units.get(0).outcomes.get(1).code;
        String skill = "http://data.europa.eu/esco/skill/test-added";

        assertThat(session.addSkills(java.util.Map.of(outcome, List.of(skill)))).isTrue();
        assertThat(session.currentDocument().units().get(0).outcomes().get(1).skills()).containsExactly(skill);
        assertThat(calls).containsExactly("changed");

        // an unknown outcome changes nothing at all
        assertThat(session.addSkills(java.util.Map.of(outcome, List.of("http://data.europa.eu/esco/skill/other"),
                "NO.SUCH", List.of(skill)))).isFalse();
        assertThat(session.currentDocument().units().get(0).outcomes().get(1).skills()).containsExactly(skill);
        assertThat(calls).containsExactly("changed");
    }

    @Test
    void extensionsSeeUnsavedEditsAndAreToldOfChangesUntilTheyUnregister() {
        var seen = new ArrayList<QualificationDocument>();
        var registration = session.addChangeListener(seen::add);

        draft.title.put("en", "Edited, not saved");
        assertThat(session.currentDocument().title()).containsEntry("en", "Edited, not saved");
        session.fireChanged();
        assertThat(seen).singleElement().satisfies(d -> assertThat(d.displayTitle()).isEqualTo("Edited, not saved"));

        registration.remove();
        session.fireChanged();
        assertThat(seen).hasSize(1);
    }

    @Test
    void navigationAndReloadAreHandedToTheEditor() {
        session.showUnit("U1");
        session.showOutcome("U1.K1");
        session.reload();
        assertThat(calls).containsExactly("unit U1", "outcome U1.K1", "reload");
        assertThat(session.qualificationId()).isEqualTo("q-1");
        assertThat(draft.unitOfOutcome("U1.K1")).map(u -> u.code).contains("U1");
    }
}
