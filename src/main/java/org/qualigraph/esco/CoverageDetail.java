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
}
