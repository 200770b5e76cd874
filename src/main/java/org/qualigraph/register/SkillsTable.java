package org.qualigraph.register;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.esco.EscoCatalog;
import org.qualigraph.esco.SkillsGapService;
import org.qualigraph.esco.TargetSkill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Open skills intelligence: which ESCO skills each published qualification teaches, at which EQF level, and for
 * which of its target occupations ESCO calls the skill essential. One row per qualification and skill, for Cedefop's
 * skills intelligence, the European Skills Observatory and ESCO to take in ({@code /register/skills.csv}, and the
 * same facts in the register's RDF).
 */
@Component
class SkillsTable {

    private static final Logger log = LoggerFactory.getLogger(SkillsTable.class);

    static final List<String> HEADER = List.of("qualification", "qualificationTitle", "eqfLevel", "skill", "skillLabel",
            "essentialFor");

    private final ObjectProvider<EscoCatalog> esco;
    private final ObjectProvider<SkillsGapService> gaps;

    SkillsTable(ObjectProvider<EscoCatalog> esco, ObjectProvider<SkillsGapService> gaps) {
        this.esco = esco;
        this.gaps = gaps;
    }

    /** A row; {@code essentialFor} holds target occupation URIs. */
    record Row(String qualification, String qualificationTitle, Integer eqfLevel, String skill, String skillLabel,
               Set<String> essentialFor) {
    }

    List<Row> rows(List<RegisterService.Entry> published) {
        var rows = new ArrayList<Row>();
        for (RegisterService.Entry entry : published) {
            QualificationDocument doc = entry.document();
            var skills = new LinkedHashSet<String>();
            for (UnitDocument unit : doc.units()) {
                for (OutcomeDocument outcome : unit.outcomes()) {
                    skills.addAll(outcome.skills());
                }
            }
            if (skills.isEmpty()) {
                continue;
            }
            Map<String, String> labels = labels(skills);
            Map<String, Set<String>> essential = essentialFor(doc);
            for (String skill : skills) {
                rows.add(new Row(entry.identifier(), doc.displayTitle(), doc.eqfLevel(), skill,
                        labels.getOrDefault(skill, ""), essential.getOrDefault(skill, Set.of())));
            }
        }
        return rows;
    }

    private Map<String, String> labels(Collection<String> skills) {
        var labels = new LinkedHashMap<String, String>();
        EscoCatalog catalog = esco.getIfAvailable();
        if (catalog != null) {
            catalog.skills(skills).forEach((uri, skill) -> {
                if (skill.label() != null) {
                    labels.put(uri, skill.label());
                }
            });
        }
        return labels;
    }

    /** Skill URI → the target occupations of the qualification for which ESCO lists it as essential. */
    private Map<String, Set<String>> essentialFor(QualificationDocument doc) {
        var result = new LinkedHashMap<String, Set<String>>();
        SkillsGapService service = gaps.getIfAvailable();
        if (service == null) {
            return result;
        }
        for (String occupation : doc.targetOccupations()) {
            try {
                for (TargetSkill skill : service.detail(doc, occupation).skills()) {
                    if (skill.essential()) {
                        result.computeIfAbsent(skill.uri(), k -> new TreeSet<>()).add(occupation);
                    }
                }
            } catch (RuntimeException e) {
                // an occupation no longer in the loaded ESCO release: nothing to say about it
                log.debug("No ESCO skills for target {}: {}", occupation, e.getMessage());
            }
        }
        return result;
    }

    static byte[] csv(List<Row> rows) {
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).build())) {
            for (Row row : rows) {
                printer.printRecord(row.qualification(), row.qualificationTitle(),
                        row.eqfLevel() == null ? "" : row.eqfLevel(), row.skill(), row.skillLabel(),
                        String.join(" ", row.essentialFor()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
