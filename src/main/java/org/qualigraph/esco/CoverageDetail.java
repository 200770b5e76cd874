package org.qualigraph.esco;

import java.util.List;
import java.util.Map;

/**
 * Everything the coverage view shows for one target: the contract's {@link SkillsGap.Coverage}, the target's skills in
 * order (essential first, then by label), and for the heatmap the number of outcomes of each unit that cover each
 * skill ({@code outcomesPerUnit}: skill URI to unit code to count; covered skills only), which mapped skills cover
 * each target skill ({@code coveringSkills}) and the labels of the mapped skills the graph knows ({@code mappedLabels}).
 */
public record CoverageDetail(SkillsGap.Coverage coverage, boolean profile, List<TargetSkill> skills,
                             Map<String, Map<String, Integer>> outcomesPerUnit,
                             Map<String, java.util.Set<String>> coveringSkills, Map<String, String> mappedLabels) {

    public boolean covered(String skillUri) {
        return outcomesPerUnit.containsKey(skillUri);
    }

    /**
     * The same detail with the labels of ESCO skills replaced where {@code labels} (URI to label, e.g. the user's
     * language) has one; local skills and unknown URIs keep theirs.
     */
    public CoverageDetail relabelled(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return this;
        }
        var c = coverage;
        var missing = c.missingEssential().stream()
                .map(s -> new SkillsGap.SkillLabel(s.uri(), labels.getOrDefault(s.uri(), s.label()))).toList();
        var coverageShown = new SkillsGap.Coverage(c.occupation(), c.label(), c.essentialTotal(), c.essentialCovered(),
                c.optionalTotal(), c.optionalCovered(), missing, c.coveredBy());
        var skillsShown = skills.stream().map(s -> s.local() ? s
                : new TargetSkill(s.uri(), labels.getOrDefault(s.uri(), s.label()), s.essential(), false)).toList();
        var mapped = new java.util.LinkedHashMap<String, String>(mappedLabels);
        mapped.replaceAll((uri, label) -> labels.getOrDefault(uri, label));
        return new CoverageDetail(coverageShown, profile, skillsShown, outcomesPerUnit, coveringSkills, mapped);
    }
}
