package org.qualigraph.quality;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.esco.EscoService;
import org.qualigraph.support.Documents;

/** What the tests of stored and cached quality reports share: a qualification whose report ESCO changes, and its ESCO. */
final class QualityReportFixtures {

    static final String WELD = "http://data.europa.eu/esco/skill/weld-0001";
    static final String WELDER = "http://data.europa.eu/esco/occupation/welder-1";

    private QualityReportFixtures() {
    }

    /** A minimal qualification targeting the fixtures' welder, one outcome mapping their weld skill (rule ESCO-03). */
    static QualificationDocument welding() {
        var doc = Documents.minimal("Welding");
        UnitDocument unit = doc.units().get(0);
        var outcomes = new ArrayList<>(unit.outcomes());
        OutcomeDocument skill = outcomes.get(1);
        outcomes.set(1, new OutcomeDocument(null, skill.code(), skill.dimension(), skill.statement(), skill.eqfLevel(),
                List.of(WELD), List.of()));
        return new QualificationDocument(null, null, doc.title(), doc.description(), doc.type(),
                doc.eqfLevel(), doc.nqfLevels(), doc.iscedF(), doc.ecosystem(), doc.creditSystem(), doc.credits(),
                doc.entryRequirements(), doc.awardingBodies(), List.of(WELDER), null, null,
                List.of(withOutcomes(unit, outcomes)));
    }

    static UnitDocument withOutcomes(UnitDocument unit, List<OutcomeDocument> outcomes) {
        return new UnitDocument(unit.id(), unit.code(), unit.title(), unit.eqfLevel(), unit.credits(), unit.hours(),
                unit.mandatory(), unit.prerequisites(), unit.deliveryModes(), outcomes, unit.workBasedLearning(),
                unit.assessments());
    }

    /** Imports the fixture packages ({@code EscoFixtures.writeV11}) as release v1.1.1. */
    static void importFixtures(EscoService esco, Path[] zips) {
        esco.importNow(new EscoService.PackageFile(zips[0], zips[0].getFileName().toString()),
                new EscoService.PackageFile(zips[1], zips[1].getFileName().toString()), "v1.1.1", d -> { });
    }
}
