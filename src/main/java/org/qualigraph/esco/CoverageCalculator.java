package org.qualigraph.esco;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.UnitDocument;

/**
 * The coverage rule as plain logic, separate from the graph so it can be tested without a database.
 * <p>
 * A target skill S is covered when at least one outcome of the document maps to S itself or to a skill M from which S
 * is reachable along BROADER ({@code (M)-[:BROADER*1..]->(S)}, any depth). {@code ancestors} gives, for each mapped
 * URI, the URIs reachable from it along BROADER (the graph part of the rule); a mapped URI always covers itself.
 */
final class CoverageCalculator {

    private CoverageCalculator() {
    }

    static CoverageDetail compute(QualificationDocument document, String target, String label, boolean profile,
                                  Collection<TargetSkill> targetSkills, Map<String, Set<String>> ancestors,
                                  Map<String, String> mappedLabels) {
        Map<String, TargetSkill> byUri = new LinkedHashMap<>();
        targetSkills.stream()
                .sorted(Comparator.comparing((TargetSkill s) -> !s.essential())
                        .thenComparing(s -> s.label() == null ? s.uri() : s.label(), String.CASE_INSENSITIVE_ORDER))
                .forEach(s -> byUri.putIfAbsent(s.uri(), s));

        // skill URI -> unit code -> number of outcomes of that unit covering the skill
        Map<String, Map<String, Integer>> perUnit = new LinkedHashMap<>();
        Map<String, Set<String>> covering = new LinkedHashMap<>();
        for (UnitDocument unit : document.units()) {
            for (OutcomeDocument outcome : unit.outcomes()) {
                var coveredByOutcome = new java.util.HashSet<String>();
                for (String mapped : outcome.skills()) {
                    if (mapped == null) {
                        continue;
                    }
                    coveredByOutcome.add(mapped);
                    coveredByOutcome.addAll(ancestors.getOrDefault(mapped, Set.of()));
                    for (String reached : ancestors.getOrDefault(mapped, Set.of())) {
                        if (byUri.containsKey(reached)) {
                            covering.computeIfAbsent(reached, k -> new java.util.TreeSet<>()).add(mapped);
                        }
                    }
                    if (byUri.containsKey(mapped)) {
                        covering.computeIfAbsent(mapped, k -> new java.util.TreeSet<>()).add(mapped);
                    }
                }
                for (String uri : coveredByOutcome) {
                    if (byUri.containsKey(uri)) {
                        perUnit.computeIfAbsent(uri, k -> new TreeMap<>(CoverageCalculator::compareCodes))
                                .merge(unit.code(), 1, Integer::sum);
                    }
                }
            }
        }

        int essentialTotal = 0;
        int essentialCovered = 0;
        int optionalTotal = 0;
        int optionalCovered = 0;
        List<SkillsGap.SkillLabel> missing = new ArrayList<>();
        Map<String, List<String>> coveredBy = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> orderedPerUnit = new LinkedHashMap<>();
        for (TargetSkill skill : byUri.values()) {
            boolean covered = perUnit.containsKey(skill.uri());
            if (covered) {
                coveredBy.put(skill.uri(), List.copyOf(perUnit.get(skill.uri()).keySet()));
                orderedPerUnit.put(skill.uri(), perUnit.get(skill.uri()));
            }
            if (skill.essential()) {
                essentialTotal++;
                if (covered) {
                    essentialCovered++;
                } else {
                    missing.add(new SkillsGap.SkillLabel(skill.uri(), skill.label()));
                }
            } else {
                optionalTotal++;
                if (covered) {
                    optionalCovered++;
                }
            }
        }
        var coverage = new SkillsGap.Coverage(target, label, essentialTotal, essentialCovered, optionalTotal,
                optionalCovered, List.copyOf(missing), coveredBy);
        return new CoverageDetail(coverage, profile, List.copyOf(byUri.values()), orderedPerUnit, covering, mappedLabels);
    }

    /** Unit codes in natural order, so U2 comes before U10. */
    static int compareCodes(String a, String b) {
        String na = a == null ? "" : a;
        String nb = b == null ? "" : b;
        String pa = na.replaceAll("\\d+$", "");
        String pb = nb.replaceAll("\\d+$", "");
        if (pa.equals(pb) && na.length() > pa.length() && nb.length() > pb.length()) {
            try {
                return Long.compare(Long.parseLong(na.substring(pa.length())), Long.parseLong(nb.substring(pb.length())));
            } catch (NumberFormatException e) {
                return na.compareTo(nb);
            }
        }
        return na.compareTo(nb);
    }

    /** All skill URIs the document's outcomes map to. */
    static Set<String> mappedSkills(QualificationDocument document) {
        var uris = new java.util.TreeSet<String>();
        document.units().forEach(u -> u.outcomes().forEach(o -> o.skills().stream()
                .filter(java.util.Objects::nonNull).forEach(uris::add)));
        return uris;
    }
}
