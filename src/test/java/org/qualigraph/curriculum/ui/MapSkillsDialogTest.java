package org.qualigraph.curriculum.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H4;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.SkillCatalog;
import org.qualigraph.support.Documents;

/**
 * The whole-curriculum mapping dialog: outcomes without skills each get the suggestions of their dimension (rule
 * ESCO-02), the best ticked; Apply adds exactly the ticked skills to the working copy and reports the change once.
 */
class MapSkillsDialogTest extends org.qualigraph.support.ViewTest {

    private static final String KNOWLEDGE = "http://data.europa.eu/esco/skill/k-1";
    private static final String SKILL = "http://data.europa.eu/esco/skill/s-1";
    private static final String SKILL_2 = "http://data.europa.eu/esco/skill/s-2";

    @Test
    void ticksTheBestOfTheMatchingDimensionAndAppliesOnlyTickedSkills() {
        var draft = DraftMapper.toDraft(Documents.generated("Mapping", 1, 3));
        draft.units.get(0).outcomes.get(2).skills.add(SKILL_2); // U1.R3 has a skill already: not listed
        var applied = new ArrayList<String>();

        var dialog = new MapSkillsDialog(draft, new Catalog(), () -> applied.add("applied"));
        var headings = com.github.mvysny.kaributesting.v10.LocatorJ._find(dialog, H4.class);
        assertThat(headings).extracting(H4::getText).allMatch(t -> t.startsWith("U1.K1") || t.startsWith("U1.S2")).hasSize(2);
        var boxes = com.github.mvysny.kaributesting.v10.LocatorJ._find(dialog, Checkbox.class);
        // K1 (knowledge) is offered only the knowledge concept; S2 only the two skills, the best ticked
        assertThat(boxes).extracting(Checkbox::getLabel).containsExactly("knowledge concept · knowledge  (by meaning)",
                "skill one · skill/competence  (by meaning + by words)", "skill two · skill/competence  (by words)");
        assertThat(boxes).extracting(Checkbox::getValue).containsExactly(true, true, false);

        boxes.get(0).setValue(false); // reject the knowledge suggestion
        boxes.get(2).setValue(true);  // accept the second skill
        assertThat(dialog.apply()).isEqualTo(2);
        assertThat(draft.units.get(0).outcomes.get(0).skills).isEmpty();
        assertThat(draft.units.get(0).outcomes.get(1).skills).containsExactly(SKILL, SKILL_2);
    }

    /** The ESCO side as the editor sees it: ranked suggestions with their reasons, whatever the statement. */
    private static final class Catalog implements SkillCatalog {
        @Override
        public List<SkillRef> search(String query, int limit) {
            return List.of();
        }

        @Override
        public Map<String, SkillRef> describe(Collection<String> uris) {
            return Map.of();
        }

        @Override
        public List<SkillRef> suggestForStatement(String statement, int limit) {
            return List.of();
        }

        @Override
        public Suggestions suggestWithReasons(String statement, int limit) {
            return new Suggestions(List.of(
                    new Suggestion(new SkillRef(SKILL, "skill one", "skill/competence", null), 1.0, List.of("meaning", "words")),
                    new Suggestion(new SkillRef(KNOWLEDGE, "knowledge concept", "knowledge", null), 0.8, List.of("meaning")),
                    new Suggestion(new SkillRef(SKILL_2, "skill two", "skill/competence", null), 0.5, List.of("words"))), true);
        }

        @Override
        public List<SkillRef> uncoveredEssentialSkills(QualificationDocument document, int limit) {
            return List.of();
        }
    }
}
