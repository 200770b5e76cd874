package org.qualigraph.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class UnitSearchTest extends IntegrationTest {

    @Autowired
    QualificationService service;

    @Test
    void findsUnitsOfOtherQualificationsByCodeOrTitleAndReusingSharesThem() {
        var welding = service.create(Documents.generated("Welding", 2, 3), "designer");
        var painting = service.create(Documents.generated("Painting", 1, 3), "designer");

        var byCode = service.findUnits("u2", painting.id(), 10);
        assertThat(byCode).singleElement().satisfies(m -> {
            assertThat(m.unit().code()).isEqualTo("U2");
            assertThat(m.unit().outcomes()).hasSize(3);
            assertThat(m.qualification().id()).isEqualTo(welding.id());
        });
        assertThat(service.findUnits("unit 1 of welding", painting.id(), 10))
                .extracting(m -> m.unit().id()).containsExactly(welding.units().get(0).id());
        assertThat(service.findUnits("", null, 10)).hasSize(3);

        var units = new ArrayList<>(painting.units());
        var reused = byCode.get(0).unit();
        units.add(new UnitDocument(reused.id(), reused.code(), reused.title(), reused.eqfLevel(), reused.credits(),
                reused.hours(), reused.mandatory(), java.util.List.of(), reused.deliveryModes(), reused.outcomes(),
                reused.workBasedLearning(), reused.assessments()));
        var updated = service.update(painting.id(), painting.withUnits(units), "designer");

        assertThat(service.sharedUnits(updated.id())).containsOnlyKeys(reused.id());
        // a unit this qualification holds already is not offered again
        assertThat(service.findUnits("u2", painting.id(), 10)).isEmpty();
        assertThat(service.findUnits("nothing like it", null, 10)).isEmpty();
    }
}
