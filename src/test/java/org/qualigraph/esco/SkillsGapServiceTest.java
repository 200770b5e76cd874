package org.qualigraph.esco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qualigraph.esco.GapFixture.occupation;
import static org.qualigraph.esco.GapFixture.skill;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.NotFoundException;
import org.qualigraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Coverage, reverse matching and profile coverage on a small ESCO-shaped fixture graph (see {@link GapFixture}). */
class SkillsGapServiceTest extends IntegrationTest {

    @Autowired
    SkillsGapService gap;

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

    @Test
    void countsNarrowerMappingsAtAnyDepthButNotBroaderOnesAndIgnoresObsoleteSkills() {
        var coverage = gap.coverage(GapFixture.document("Gap"), occupation("O1"));

        assertThat(coverage.label()).isEqualTo("occupation O1");
        assertThat(coverage.essentialTotal()).isEqualTo(4); // OBS is obsolete and not counted
        assertThat(coverage.essentialCovered()).isEqualTo(2);
        assertThat(coverage.optionalTotal()).isEqualTo(2);
        assertThat(coverage.optionalCovered()).isEqualTo(1);
        assertThat(coverage.missingEssential()).extracting(SkillsGap.SkillLabel::uri)
                .containsExactly(skill("S3"), skill("S4"));
        assertThat(coverage.missingEssential()).extracting(SkillsGap.SkillLabel::label)
                .containsExactly("skill S3", "skill S4");
        assertThat(coverage.coveredBy()).containsEntry(skill("S1"), List.of("U1", "U2"))
                .containsEntry(skill("S2"), List.of("U2")).containsEntry(skill("S5"), List.of("U1"))
                .doesNotContainKey(skill("S3"));
    }

    @Test
    void detailCountsOutcomesPerUnitForTheHeatmap() {
        var doc = GapFixture.document("Heat");
        var u1 = doc.units().get(0);
        // a second outcome of U1 also covers S1 (directly)
        doc = doc.withUnits(List.of(GapFixture.withSkills(u1, List.of(skill("N1")), List.of(skill("S1"), skill("S5"))),
                doc.units().get(1)));

        var detail = gap.detail(doc, occupation("O1"));

        assertThat(detail.outcomesPerUnit().get(skill("S1"))).isEqualTo(Map.of("U1", 2, "U2", 1));
        assertThat(detail.skills()).extracting(TargetSkill::uri).startsWith(skill("S1"), skill("S2"), skill("S3"), skill("S4"));
        assertThat(detail.skills()).filteredOn(TargetSkill::essential).hasSize(4);
    }

    @Test
    void aDocumentWithoutMappingsCoversNothing() {
        var coverage = gap.coverage(org.qualigraph.support.Documents.minimal("Empty"), occupation("O1"));

        assertThat(coverage.essentialCovered()).isZero();
        assertThat(coverage.missingEssential()).hasSize(4);
        assertThat(coverage.essentialShare()).isZero();
    }

    @Test
    void unknownOrBlankTargetsAreRefusedNamingTheParameter() {
        var doc = GapFixture.document("Bad");
        assertThatThrownBy(() -> gap.coverage(doc, occupation("nope"))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("occupation");
        assertThatThrownBy(() -> gap.coverage(doc, " ")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("occupation");
        assertThatThrownBy(() -> gap.occupationMatches(doc, 0)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void ranksOccupationsByEssentialShareThenCoveredCountThenLabel() {
        var matches = gap.occupationMatches(GapFixture.document("Match"), SkillsGapService.MAX_MATCHES).stream()
                .filter(m -> m.occupation().startsWith(GapFixture.BASE)).toList();

        assertThat(matches).extracting(SkillsGap.OccupationMatch::occupation)
                .containsExactly(occupation("O1"), occupation("O2"), occupation("O3"), occupation("O4"));
        // O1 and O2 both score 0.5; O1 covers two essential skills, O2 one
        assertThat(matches.get(0)).isEqualTo(new SkillsGap.OccupationMatch(occupation("O1"), "occupation O1", 2, 4, 0.5));
        assertThat(matches.get(1)).isEqualTo(new SkillsGap.OccupationMatch(occupation("O2"), "occupation O2", 1, 2, 0.5));
        assertThat(matches.get(2)).isEqualTo(new SkillsGap.OccupationMatch(occupation("O3"), "occupation O3", 0, 1, 0.0));
        assertThat(matches.get(3)).isEqualTo(new SkillsGap.OccupationMatch(occupation("O4"), "occupation O4", 0, 0, 0.0));
    }

    @Test
    void aDocumentCoveringEveryEssentialSkillRanksItsOccupationFirst() {
        var doc = GapFixture.document("Full");
        doc = doc.withUnits(List.of(GapFixture.withSkills(doc.units().get(0), List.of(skill("S3"), skill("S4")),
                List.of(skill("S1"))), doc.units().get(1)));

        var top = gap.occupationMatches(doc, 1);

        assertThat(top).singleElement().satisfies(m -> {
            assertThat(m.occupation()).isEqualTo(occupation("O1"));
            assertThat(m.score()).isEqualTo(1.0);
            assertThat(m.essentialCovered()).isEqualTo(4);
        });
    }

    @Test
    void profileCoverageAppliesAddedRemovedAndLocalSkills() {
        var created = profiles.create(new OccupationalProfile(null, "Battery recycler", "emerging", 
                List.of(occupation("O1"), occupation("O2")),
                List.of(new OccupationalProfile.AddedSkill(skill("S6"), "essential", null),
                        new OccupationalProfile.AddedSkill(skill("S8"), "optional", null)),
                List.of(skill("S4")),
                List.of(new OccupationalProfile.LocalSkill(null, null, "dismantle battery packs", "not in ESCO yet",
                        "essential")), null), "designer");
        String localUri = created.localSkills().get(0).uri();
        assertThat(localUri).startsWith(OccupationalProfile.LocalSkill.URI_PREFIX);

        var doc = GapFixture.document("Profile");
        var before = gap.coverage(doc, created.id());
        // essential: S1 S2 S3 S7 (base, S4 removed) + S6 (optional made essential) + the local skill
        assertThat(before.essentialTotal()).isEqualTo(6);
        assertThat(before.essentialCovered()).isEqualTo(2);
        assertThat(before.missingEssential()).extracting(SkillsGap.SkillLabel::uri)
                .containsExactlyInAnyOrder(skill("S3"), skill("S6"), skill("S7"), localUri);
        assertThat(before.optionalTotal()).isEqualTo(2); // S5 and the added S8
        assertThat(before.optionalCovered()).isEqualTo(1);
        assertThat(before.label()).isEqualTo("Battery recycler");

        doc = doc.withUnits(List.of(doc.units().get(0), GapFixture.withSkills(doc.units().get(1),
                List.of(skill("NN2")), List.of(skill("S1"), localUri))));
        var after = gap.coverage(doc, created.id());
        assertThat(after.essentialCovered()).isEqualTo(3);
        assertThat(after.coveredBy()).containsEntry(localUri, List.of("U2"));
    }
}
