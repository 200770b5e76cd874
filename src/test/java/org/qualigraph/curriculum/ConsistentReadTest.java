package org.qualigraph.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
        var writer = qualifications.create(Documents.generated("Consistent reads, writer", 1, 6), TestUsers.DESIGNER);
        var shared = writer.units().get(0);
        var reader = qualifications.create(Documents.generated("Consistent reads, reader", 1, 3).withUnits(List.of(shared)),
                TestUsers.DESIGNER);
        assertThat(reader.units().get(0).id()).isEqualTo(shared.id());

        var saves = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < SAVES; i++) {
                var doc = qualifications.get(writer.id());
                long next = doc.units().get(0).version() + 1;
                var statements = new ArrayList<String>();
                for (int o = 1; o <= 6; o++) {
                    statements.add("Operate the equipment of step " + o + " as revision " + next + " describes");
                }
                qualifications.update(writer.id(), Documents.withStatements(doc, statements), TestUsers.DESIGNER);
            }
        });
        int reads = 0;
        var torn = new ArrayList<String>();
        while (!saves.isDone()) {
            var unit = qualifications.get(reader.id()).units().get(0);
            reads++;
            if (unit.version() > 0) {
                String expected = "as revision " + unit.version() + " describes";
                unit.outcomes().stream().map(o -> o.statement().get("en")).filter(s -> !s.endsWith(expected))
                        .findFirst().ifPresent(s -> torn.add("version " + unit.version() + " read with \"" + s + "\""));
            }
        }
        saves.get(1, TimeUnit.MINUTES);
        assertThat(qualifications.get(reader.id()).units().get(0).version()).isEqualTo(SAVES);
        assertThat(reads).as("reads while the saves ran").isGreaterThan(SAVES / 2);
        assertThat(torn).as("reads pairing a unit version with another version's outcomes, of %d", reads).isEmpty();
    }
}
