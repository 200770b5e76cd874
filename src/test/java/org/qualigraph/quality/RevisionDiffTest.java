package org.qualigraph.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.support.Documents;

class RevisionDiffTest {

    @Test
    void identicalDocumentsHaveNoDifferences() {
        var doc = Documents.generated("Same", 3, 3);
        assertThat(RevisionDiff.between(doc, doc).isEmpty()).isTrue();
    }

    @Test
    void unitsOutcomesSkillsLevelsAndCreditsAreMatchedByCode() {
        var before = Documents.generated("Cells", 3, 3);
        var units = new ArrayList<>(before.units());
        units.remove(2);
        var u1 = units.get(0);
        var outcomes = new ArrayList<>(u1.outcomes());
        var k1 = outcomes.get(0);
        outcomes.set(0, new OutcomeDocument(k1.id(), k1.code(), k1.dimension(), Map.of("en", "Describe the cell chemistry"),
                5, List.of("http://data.europa.eu/esco/skill/abc"), k1.keyCompetences()));
        outcomes.remove(2);
        units.set(0, new UnitDocument(u1.id(), u1.code(), u1.title(), 3, BigDecimal.valueOf(15), u1.hours(), u1.mandatory(),
                u1.prerequisites(), u1.deliveryModes(), outcomes, u1.workBasedLearning(), u1.assessments()));
        units.add(Documents.generated("Extra", 4, 1).units().get(3));
        var after = before.withUnits(units);

        var diff = RevisionDiff.between(before, after);
        var texts = diff.lines().stream().map(RevisionDiff.Line::text).toList();
        var sections = diff.bySection();

        assertThat(sections.get(RevisionDiff.Section.UNITS)).extracting(RevisionDiff.Line::change, RevisionDiff.Line::subject)
                .contains(org.assertj.core.groups.Tuple.tuple(RevisionDiff.Change.REMOVED, "U3"),
                        org.assertj.core.groups.Tuple.tuple(RevisionDiff.Change.ADDED, "U4"));
        assertThat(sections.get(RevisionDiff.Section.OUTCOMES)).extracting(RevisionDiff.Line::subject)
                .containsExactlyInAnyOrder("U1.K1", "U1.R3");
        assertThat(texts).contains("Outcome U1.K1 statement changed from en: \"Explain the principles of process step 1.1 in cell production\""
                + " to en: \"Describe the cell chemistry\"");
        assertThat(sections.get(RevisionDiff.Section.SKILLS)).singleElement().satisfies(line -> {
            assertThat(line.change()).isEqualTo(RevisionDiff.Change.ADDED);
            assertThat(line.text()).isEqualTo("Skill http://data.europa.eu/esco/skill/abc added on outcome U1.K1");
        });
        assertThat(sections.get(RevisionDiff.Section.LEVELS)).extracting(RevisionDiff.Line::text)
                .containsExactlyInAnyOrder("Unit U1 EQF level changed from 4 to 3", "Outcome U1.K1 EQF level changed from 4 to 5");
        assertThat(sections.get(RevisionDiff.Section.CREDITS)).extracting(RevisionDiff.Line::text)
                .containsExactly("Unit U1 credits changed from 10 to 15");
        assertThat(texts).anyMatch(t -> t.startsWith("Unit U4 added: \"Unit 4 of Extra\""));
        assertThat(texts).anyMatch(t -> t.startsWith("Unit U3 removed: \"Unit 3 of Cells\""));
    }

    /**
     * Lines are bundle messages: English for the API and the audit log, German for a German reader, with codes
     * (assessment methods, delivery modes) and yes/no as labels, never the stored names.
     */
    @Test
    void linesAreWordedFromTheBundleInEnglishAndGerman() {
        var before = Documents.generated("Cells", 1, 3);
        var u1 = before.units().get(0);
        var a1 = u1.assessments().get(0);
        var changed = new UnitDocument(u1.id(), u1.code(), u1.title(), u1.eqfLevel(), u1.credits(), u1.hours(), false,
                u1.prerequisites(), List.of(org.qualigraph.curriculum.DeliveryMode.ONLINE), u1.outcomes(), u1.workBasedLearning(),
                List.of(new org.qualigraph.curriculum.AssessmentDocument(a1.code(), org.qualigraph.curriculum.AssessmentMethod.WRITTEN,
                        a1.weight(), a1.outcomes())));
        var diff = RevisionDiff.between(before, before.withUnits(List.of(changed)));

        assertThat(diff.lines()).extracting(RevisionDiff.Line::text).containsExactly(
                "Unit U1 mandatory changed from yes to no",
                "Unit U1 delivery modes changed from Blended, Work-based to Online",
                "Unit U1 assessments changed from U1.A1 Practical task 100% to U1.A1 Written exam 100%");
        var german = bundle(java.util.Locale.GERMAN);
        assertThat(diff.lines()).extracting(line -> line.in(german)).containsExactly(
                "Einheit U1 verpflichtend geändert: vorher ja, jetzt nein",
                "Lernformen der Einheit U1 geändert: vorher Blended Learning, Arbeitsbasiert, jetzt Online",
                "Prüfungen der Einheit U1 geändert: vorher U1.A1 Praktische Aufgabe 100%, jetzt U1.A1 Schriftliche Prüfung 100%");
    }

    /** Every message a diff uses has an English and a German text. */
    @Test
    void everyDiffMessageIsInBothBundles() throws java.io.IOException {
        var english = properties("vaadin-i18n/translations.properties");
        var german = properties("vaadin-i18n/translations_de.properties");
        var keys = english.stringPropertyNames().stream().filter(key -> key.startsWith("diff.")).sorted().toList();
        assertThat(keys).contains("diff.changed", "diff.unit.added", "diff.skill.removed", "diff.none");
        assertThat(keys).allSatisfy(key -> assertThat(german.getProperty(key)).as(key).isNotBlank());
    }

    /** Words lines as a Vaadin component does for this language: its bundle, falling back to English. */
    private static RevisionDiff.Wording bundle(java.util.Locale locale) {
        var bundle = java.util.ResourceBundle.getBundle("vaadin-i18n.translations", locale,
                java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
        return (key, args) -> bundle.containsKey(key)
                ? new java.text.MessageFormat(bundle.getString(key), locale).format(args) : "!" + key + "!";
    }

    private static java.util.Properties properties(String name) throws java.io.IOException {
        var properties = new java.util.Properties();
        try (var in = RevisionDiffTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
