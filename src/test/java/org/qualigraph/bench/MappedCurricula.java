package org.qualigraph.bench;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.support.Documents;
import org.qualigraph.support.SharedData;

/**
 * Benchmark documents whose outcomes map real ESCO v1.1.1 skills: each qualification targets one real occupation (picked
 * with a fixed seed among those with 10-40 essential skills) and its outcomes map that occupation's essential skills in
 * turn, so qualifications share skill nodes the way real curricula of one sector do. The URIs are read from the
 * official relations package in ../shared, never invented.
 */
final class MappedCurricula {

    /** One real occupation and its essential skills. */
    record Target(String occupation, List<String> essentialSkills) {
    }

    private final List<Target> targets;
    private final List<String> skillPool;

    private MappedCurricula(List<Target> targets) {
        this.targets = targets;
        var pool = new LinkedHashSet<String>();
        targets.forEach(t -> pool.addAll(t.essentialSkills()));
        this.skillPool = List.copyOf(pool);
    }

    /** Reads occupationSkillRelations.csv and picks {@code count} occupations with a fixed seed. */
    static MappedCurricula pick(int count) throws IOException {
        Path relations = SharedData.requireEsco().resolve("esco-v1.1.1-relations-csv.zip");
        var essential = new TreeMap<String, List<String>>();
        try (var zip = new ZipFile(relations.toFile())) {
            var entry = zip.stream().filter(e -> e.getName().endsWith("occupationSkillRelations.csv")).findFirst()
                    .orElseThrow(() -> new IOException("occupationSkillRelations.csv is not in " + relations));
            try (var reader = new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8);
                 var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                for (var row : parser) {
                    if ("essential".equals(row.get("relationType"))) {
                        essential.computeIfAbsent(row.get("occupationUri"), k -> new ArrayList<>()).add(row.get("skillUri"));
                    }
                }
            }
        }
        var candidates = new ArrayList<Map.Entry<String, List<String>>>();
        essential.entrySet().stream().filter(e -> e.getValue().size() >= 10 && e.getValue().size() <= 40)
                .forEach(candidates::add);
        var random = new Random(20261130L);
        var picked = new ArrayList<Target>();
        while (picked.size() < count && !candidates.isEmpty()) {
            var chosen = candidates.remove(random.nextInt(candidates.size()));
            picked.add(new Target(chosen.getKey(), List.copyOf(chosen.getValue())));
        }
        return new MappedCurricula(picked);
    }

    Target target(int index) {
        return targets.get(index % targets.size());
    }

    /** Every essential skill of the picked occupations: what a save maps an outcome to. */
    List<String> skillPool() {
        return skillPool;
    }

    /**
     * A generated valid qualification ({@link Documents#generated}) of {@code units} × {@code outcomesPerUnit} outcomes
     * targeting occupation {@code index}, whose outcome k maps essential skill k (mod their number) of it.
     */
    QualificationDocument document(String title, int index, int units, int outcomesPerUnit) {
        var doc = Documents.generated(title, units, outcomesPerUnit);
        Target target = target(index);
        int k = 0;
        var mappedUnits = new ArrayList<UnitDocument>();
        for (UnitDocument unit : doc.units()) {
            var outcomes = new ArrayList<OutcomeDocument>();
            for (OutcomeDocument o : unit.outcomes()) {
                String skill = target.essentialSkills().get(k++ % target.essentialSkills().size());
                outcomes.add(new OutcomeDocument(o.id(), o.code(), o.dimension(), o.statement(), o.eqfLevel(), List.of(skill),
                        o.keyCompetences()));
            }
            mappedUnits.add(new UnitDocument(unit.id(), unit.code(), unit.title(), unit.eqfLevel(), unit.credits(),
                    unit.hours(), unit.mandatory(), unit.prerequisites(), unit.deliveryModes(), outcomes,
                    unit.workBasedLearning(), unit.assessments()));
        }
        return new QualificationDocument(doc.id(), doc.version(), doc.title(), doc.description(), doc.type(), doc.eqfLevel(),
                doc.nqfLevels(), doc.iscedF(), doc.ecosystem(), doc.creditSystem(), doc.credits(), doc.entryRequirements(),
                doc.awardingBodies(), List.of(target.occupation()), doc.derivedFrom(), doc.status(), mappedUnits);
    }
}
