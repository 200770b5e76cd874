package org.qualigraph.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qualigraph.base.ConflictException;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class QualificationServiceTest extends IntegrationTest {

    @Autowired
    QualificationService service;
    @Autowired
    ObjectMapper json;

    @Test
    void createReadUpdateDelete() {
        var created = service.create(Documents.minimal("Welding technician"), "designer");
        assertThat(created.id()).isNotBlank();
        assertThat(created.version()).isZero();
        assertThat(created.status()).isEqualTo(QualificationStatus.DRAFT);
        assertThat(created.units()).singleElement().satisfies(u -> {
            assertThat(u.id()).isNotBlank();
            assertThat(u.outcomes()).hasSize(3).allSatisfy(o -> assertThat(o.id()).isNotBlank());
        });

        var changed = service.update(created.id(), created.withTitle(Map.of("en", "Welding specialist", "de", "Schweißfachkraft")), "designer");
        assertThat(changed.version()).isEqualTo(1);
        assertThat(service.get(created.id()).title()).containsEntry("de", "Schweißfachkraft");

        service.delete(created.id(), "designer");
        assertThat(service.find(created.id())).isEmpty();
        assertThat(neo4jClient.query("MATCH (n) WHERE n:Unit OR n:LearningOutcome OR n:Assessment RETURN count(n)")
                .fetchAs(Long.class).one()).contains(0L);
    }

    @Test
    void demoDocumentRoundTripsExactly() {
        var demo = Documents.demo(json);
        var stored = service.create(demo, "designer");
        var expected = withoutIds(demo.withIdentity(null, null, null, null));
        assertThat(withoutIds(stored.withIdentity(null, null, null, null))).isEqualTo(expected);
    }

    @Test
    void staleVersionIsRefusedAndChangesNothing() {
        var created = service.create(Documents.minimal("Original"), "designer");
        service.update(created.id(), created.withTitle(Map.of("en", "First edit")), "designer");
        assertThatThrownBy(() -> service.update(created.id(), created.withTitle(Map.of("en", "Stale edit")), "designer"))
                .isInstanceOf(ConflictException.class);
        var stored = service.get(created.id());
        assertThat(stored.title()).containsEntry("en", "First edit");
        assertThat(stored.version()).isEqualTo(1);
    }

    @Test
    void aUnitCanBeSharedByTwoQualifications() {
        var first = service.create(Documents.generated("Core profile", 2, 3), "designer");
        var shared = first.units().get(0);
        var second = service.create(Documents.minimal("Other").withUnits(List.of(shared)), "designer");
        assertThat(second.units()).singleElement().extracting(UnitDocument::id).isEqualTo(shared.id());
        assertThat(service.sharedUnits(first.id())).containsKey(shared.id());

        service.delete(first.id(), "designer");
        var remaining = service.get(second.id());
        assertThat(remaining.units()).singleElement().satisfies(u -> assertThat(u.outcomes()).hasSize(3));
    }

    @Test
    void deriveCopiesTheStructureAndLinksTheVariant() {
        var core = service.create(Documents.generated("Core profile", 3, 3), "designer");
        var variant = service.derive(core.id(), Map.of("en", "Core profile (Poland)"), "designer");
        assertThat(variant.derivedFrom()).isEqualTo(core.id());
        assertThat(variant.units()).hasSize(3);
        assertThat(variant.units()).extracting(UnitDocument::id).doesNotContainAnyElementsOf(
                core.units().stream().map(UnitDocument::id).toList());

        var diverged = service.update(variant.id(), variant.withUnits(variant.units().subList(0, 2)), "designer");
        assertThat(diverged.units()).hasSize(2);
        assertThat(diverged.derivedFrom()).isEqualTo(core.id());
        assertThat(service.get(core.id()).units()).hasSize(3);
    }

    private static QualificationDocument withoutIds(QualificationDocument doc) {
        return doc.withUnits(doc.units().stream().map(u -> u.withId(null)
                .withOutcomes(u.outcomes().stream().map(o -> o.withId(null)).toList())).toList());
    }

    @Test
    void writesRunAgainWhenTheDatabaseReportsADeadlock() {
        assertThat(((org.springframework.aop.framework.Advised) service).getAdvisors())
                .anyMatch(advisor -> advisor instanceof org.qualigraph.base.neo4j.TransientRetry);
    }
}
