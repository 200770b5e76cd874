package org.qualigraph.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lock-order check itself: within one transaction a qualification after a unit or after a qualification with a
 * greater id, or a unit after a unit with a greater id, fails (the tests run with {@code qualigraph.write-locks.check=true}, so every write path the other
 * tests exercise is checked the same way); locks already held may be asked for again.
 */
class WriteLocksOrderTest extends IntegrationTest {

    @Autowired
    WriteLocks locks;
    @Autowired
    QualificationService qualifications;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aQualificationAfterAUnitOrUnitsOutOfOrderFail() {
        var a = qualifications.create(Documents.generated("Order A", 3, 3), "designer");
        var b = qualifications.create(Documents.generated("Order B", 1, 3), "designer");
        var units = a.units().stream().map(UnitDocument::id).sorted().toList();
        var tx = new TransactionTemplate(transactionManager);
        var ids = java.util.stream.Stream.of(a.id(), b.id()).sorted().toList();

        var inOrder = tx.execute(status -> {
            locks.qualification(ids.get(0));
            locks.qualification(ids.get(1));
            locks.units(List.of(units.get(2), units.get(0)));
            locks.units(List.of(units.get(0), units.get(2)));
            locks.qualification(ids.get(0));
            return locks.taken();
        });
        assertThat(inOrder).containsExactly("Q " + ids.get(0), "Q " + ids.get(1), "U " + units.get(0), "U " + units.get(2));

        // qualifications by id ascending: a smaller id after a greater one is a violation
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            locks.qualification(ids.get(1));
            locks.qualification(ids.get(0));
        })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("qualification " + ids.get(0) + " locked after qualification " + ids.get(1));

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            locks.qualification(a.id());
            locks.units(List.of(units.get(0)));
            locks.qualification(b.id());
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("qualification " + b.id() + " locked after units");

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            locks.qualification(a.id());
            locks.units(List.of(units.get(2)));
            locks.units(List.of(units.get(1)));
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("unit " + units.get(1) + " locked after unit");

        // a batch of qualifications (a workspace restore, a publication) is locked by id ascending, held ones
        // skipped, before units
        var batch = tx.execute(status -> {
            locks.qualification(ids.get(0));
            locks.qualifications(List.of(ids.get(1), ids.get(0), "no-such-qualification"));
            locks.units(List.of(units.get(0)));
            return locks.taken();
        });
        assertThat(batch).containsExactly("Q " + ids.get(0), "Q " + ids.get(1), "U " + units.get(0));
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            locks.qualification(ids.get(1));
            locks.qualifications(List.of(ids.get(0)));
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("locked after qualification " + ids.get(1));
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            locks.units(List.of(units.get(0)));
            locks.qualifications(List.of(a.id(), b.id()));
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("locked after units");

        // each transaction has its own record: a new one starts empty
        List<String> fresh = tx.execute(status -> {
            locks.units(List.of(units.get(0)));
            return locks.taken();
        });
        assertThat(fresh).containsExactly("U " + units.get(0));
    }
}
