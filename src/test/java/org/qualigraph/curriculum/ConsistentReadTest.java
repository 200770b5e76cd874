package org.qualigraph.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A document read is one committed state of each unit, also of a unit another qualification is changing meanwhile.
 * The database reads committed data as it goes, and a document's projection reads a unit's outcomes before the unit's
 * own properties: without a check, a read that a save of a shared unit overtook paired the unit's new version with its
 * old outcomes. The copy then passed the version check of its next save and wrote the old outcomes back over the
 * partner's change (the load benchmark's ledger found such a lost update). Here one editor rewrites every statement of a
 * shared unit through one qualification, each save naming the unit version it makes, while reads of the other
 * qualification check that each copy's statements name the version the copy carries.
 */
class ConsistentReadTest extends IntegrationTest {

    private static final int SAVES = 150;

    @Autowired
    QualificationService qualifications;

    @Test
    void aReadNeverPairsASharedUnitsVersionWithTheOutcomesOfAnother() throws Exception {
        race((doc, next) -> Documents.withStatements(doc, statements(next)), (unit, v) -> unit.outcomes().stream()
                .map(o -> o.statement().get("en")).filter(s -> !s.endsWith("as revision " + v + " describes")).findFirst()
                .map(s -> "version " + v + " read with \"" + s + "\""));
    }

    /**
     * As above, with the saves also replacing each outcome's skills, one skill at odd versions and two others at even
     * ones: relationships deleted and created by a commit, which becomes visible in steps, deletions last.
     */
    @Test
    void aReadNeverHoldsSkillsAnotherVersionAddedOrRemoved() throws Exception {
        race((doc, next) -> withSkills(Documents.withStatements(doc, statements(next)), skillsAt(next)), (unit, v) -> {
            for (var o : unit.outcomes()) {
                if (!o.statement().get("en").endsWith("as revision " + v + " describes") || !o.skills().equals(skillsAt(v))) {
                    return Optional.of("version " + v + " read with " + o.skills() + " and \"" + o.statement().get("en") + "\"");
                }
            }
            return Optional.empty();
        });
    }

    /**
     * One editor saves the writer's shared unit {@link #SAVES} times, each save made by {@code edit} from the copy just
     * read and the unit version it makes; meanwhile the reader's copies of the unit are checked by {@code torn} (a
     * description of what does not belong to the version the copy carries, if anything).
     */
    private void race(BiFunction<QualificationDocument, Long, QualificationDocument> edit,
                      BiFunction<UnitDocument, Long, Optional<String>> check) throws Exception {
        var writer = qualifications.create(Documents.generated("Consistent reads, writer", 1, 6), TestUsers.DESIGNER);
        var shared = writer.units().get(0);
        var reader = qualifications.create(Documents.generated("Consistent reads, reader", 1, 3).withUnits(List.of(shared)),
                TestUsers.DESIGNER);
        assertThat(reader.units().get(0).id()).isEqualTo(shared.id());

        var saves = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < SAVES; i++) {
                var doc = qualifications.get(writer.id());
                qualifications.update(writer.id(), edit.apply(doc, doc.units().get(0).version() + 1), TestUsers.DESIGNER);
            }
        });
        int reads = 0;
        var torn = new ArrayList<String>();
        while (!saves.isDone()) {
            var unit = qualifications.get(reader.id()).units().get(0);
            reads++;
            if (unit.version() > 0) {
                check.apply(unit, unit.version()).ifPresent(torn::add);
            }
        }
        saves.get(1, TimeUnit.MINUTES);
        assertThat(qualifications.get(reader.id()).units().get(0).version()).isEqualTo(SAVES);
        assertThat(reads).as("reads while the saves ran").isGreaterThan(SAVES / 2);
        assertThat(torn).as("reads pairing a unit version with another version's outcomes, of %d", reads).isEmpty();
    }

    private static List<String> statements(long version) {
        var statements = new ArrayList<String>();
        for (int o = 1; o <= 6; o++) {
            statements.add("Operate the equipment of step " + o + " as revision " + version + " describes");
        }
        return statements;
    }

    private static final String SKILL = "http://data.europa.eu/esco/skill/00000000-0000-4000-8000-00000000000";

    private static List<String> skillsAt(long version) {
        return version % 2 == 1 ? List.of(SKILL + "1") : List.of(SKILL + "2", SKILL + "3");
    }

    private static QualificationDocument withSkills(QualificationDocument doc, List<String> skills) {
        var unit = doc.units().get(0);
        var outcomes = unit.outcomes().stream().map(o -> new OutcomeDocument(o.id(), o.code(), o.dimension(), o.statement(),
                o.eqfLevel(), skills, o.keyCompetences())).toList();
        return doc.withUnits(List.of(unit.withOutcomes(outcomes)));
    }
}
