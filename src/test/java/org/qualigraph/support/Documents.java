package org.qualigraph.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qualigraph.curriculum.AssessmentDocument;
import org.qualigraph.curriculum.AssessmentMethod;
import org.qualigraph.curriculum.CreditSystem;
import org.qualigraph.curriculum.DeliveryMode;
import org.qualigraph.curriculum.Dimension;
import org.qualigraph.curriculum.Ecosystem;
import org.qualigraph.curriculum.OrganisationKind;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationType;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.curriculum.WblSetting;
import org.qualigraph.curriculum.WorkBasedLearningDocument;

/** Test documents: the demo core curriculum from {@code graph-seed/}, a minimal valid one, and generated large ones. */
public final class Documents {

    public static final String DEMO_FILE = "graph-seed/battery-cell-production-technician.json";
    public static final String VARIANT_FILE = "graph-seed/battery-cell-production-technician-pl.json";

    private Documents() {
    }

    /** The demo core curriculum as stored in graph-seed (no ids). */
    public static QualificationDocument demo(ObjectMapper json) {
        return read(json, DEMO_FILE);
    }

    public static QualificationDocument read(ObjectMapper json, String file) {
        try {
            ObjectNode node = (ObjectNode) json.readTree(Path.of(file).toFile());
            node.remove("derivedFromSeed");
            return json.treeToValue(node, QualificationDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small complete qualification: one unit with one outcome per dimension, assessed, with work-based learning. */
    public static QualificationDocument minimal(String title) {
        return generated(title, 1, 3);
    }

    /**
     * A valid EQF 4 IVET qualification with {@code units} units of {@code outcomesPerUnit} outcomes each (dimensions in
     * turn), one assessment and one work-based period per unit, credits adding up (ECVET, 10 points a unit).
     */
    public static QualificationDocument generated(String title, int units, int outcomesPerUnit) {
        var unitDocs = new ArrayList<UnitDocument>();
        Dimension[] dimensions = Dimension.values();
        for (int u = 1; u <= units; u++) {
            String code = "U" + u;
            var outcomes = new ArrayList<OutcomeDocument>();
            for (int o = 1; o <= outcomesPerUnit; o++) {
                Dimension dimension = dimensions[(o - 1) % 3];
                outcomes.add(new OutcomeDocument(null, code + "." + dimension.name().charAt(0) + o, dimension,
                        Map.of("en", statement(dimension, u, o)), 4, List.of(), List.of()));
            }
            List<String> codes = outcomes.stream().map(OutcomeDocument::code).toList();
            var wbl = new WorkBasedLearningDocument(code + ".W1", 100, WblSetting.COMPANY,
                    Map.of("en", "Placement in a production company for unit " + u), List.of(codes.get(codes.size() - 1)));
            var assessment = new AssessmentDocument(code + ".A1", AssessmentMethod.PRACTICAL_TASK, 100, codes);
            unitDocs.add(new UnitDocument(null, code, Map.of("en", "Unit " + u + " of " + title), 4, BigDecimal.TEN, 270,
                    true, u > 1 ? List.of("U" + (u - 1)) : List.of(), List.of(DeliveryMode.BLENDED, DeliveryMode.WORK_BASED),
                    outcomes, List.of(wbl), List.of(assessment)));
        }
        return new QualificationDocument(null, null, Map.of("en", title), Map.of("en", "Generated test qualification"),
                QualificationType.IVET, 4, List.of(new QualificationDocument.NqfLevel("DE", "4", null)), List.of("0713"),
                Ecosystem.ENERGY_INTENSIVE_INDUSTRIES, CreditSystem.ECVET, BigDecimal.valueOf(10L * units),
                Map.of("en", "Completed lower secondary education"),
                List.of(new QualificationDocument.AwardingBody("Test Chamber", "DE", OrganisationKind.CHAMBER)),
                List.of(), null, null, unitDocs);
    }

    private static String statement(Dimension dimension, int unit, int outcome) {
        return switch (dimension) {
            case KNOWLEDGE -> "Explain the principles of process step " + unit + "." + outcome + " in cell production";
            case SKILLS -> "Operate the equipment of process step " + unit + "." + outcome + " according to the work instruction";
            case RESPONSIBILITY_AUTONOMY -> "Take responsibility for the quality of step " + unit + "." + outcome
                    + " under changing production conditions";
        };
    }

    /** The document with the statements of its first unit's outcomes replaced, in order, by these English ones. */
    public static QualificationDocument withStatements(QualificationDocument doc, List<String> statements) {
        var unit = doc.units().get(0);
        var outcomes = new ArrayList<OutcomeDocument>();
        for (int i = 0; i < unit.outcomes().size(); i++) {
            var o = unit.outcomes().get(i);
            outcomes.add(new OutcomeDocument(o.id(), o.code(), o.dimension(), Map.of("en", statements.get(i)), o.eqfLevel(),
                    o.skills(), o.keyCompetences()));
        }
        return doc.withUnits(List.of(unit.withOutcomes(outcomes)));
    }
}
