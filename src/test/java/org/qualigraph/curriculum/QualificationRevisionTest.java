package org.qualigraph.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qualigraph.base.ConflictException;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class QualificationRevisionTest extends IntegrationTest {

    @Autowired
    QualificationService service;

    @Test
    void onlyPublishedOrArchivedQualificationsAreRevisedIntoALinearChain() {
        var first = service.create(Documents.minimal("Cell technician"), "designer");
        assertThatThrownBy(() -> service.newRevision(first.id(), "designer")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("DRAFT");
        service.changeStatus(first.id(), QualificationStatus.PUBLISHED, "reviewer");

        var second = service.newRevision(first.id(), "designer");
        assertThat(second.status()).isEqualTo(QualificationStatus.DRAFT);
        assertThat(second.version()).isZero();
        assertThat(second.units().get(0).id()).isNotEqualTo(first.units().get(0).id());
        assertThat(second.withIdentity(null, null, null, null).withUnits(java.util.List.of()))
                .isEqualTo(first.withIdentity(null, null, null, null).withUnits(java.util.List.of()));
        assertThatThrownBy(() -> service.newRevision(first.id(), "designer")).isInstanceOf(ConflictException.class)
                .hasMessageContaining(second.id());

        service.update(second.id(), second.withTitle(Map.of("en", "Cell technician 2027")), "designer");
        service.changeStatus(second.id(), QualificationStatus.PUBLISHED, "reviewer");
        var third = service.newRevision(second.id(), "designer");

        assertThat(service.revisions(first.id())).extracting(RevisionInfo::id, RevisionInfo::revision, RevisionInfo::revisionOf)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first.id(), 1, null),
                        org.assertj.core.groups.Tuple.tuple(second.id(), 2, first.id()),
                        org.assertj.core.groups.Tuple.tuple(third.id(), 3, second.id()));
        assertThat(service.revisions(third.id())).hasSize(3);
        assertThat(service.get(first.id()).title()).containsEntry("en", "Cell technician");
    }
}
