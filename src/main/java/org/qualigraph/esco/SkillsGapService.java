package org.qualigraph.esco;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.NotFoundException;
import org.qualigraph.curriculum.QualificationDocument;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Skills-gap analysis: how well a qualification develops what an ESCO occupation or an occupational profile asks
 * for. It works on the document passed in (unsaved edits included) plus the ESCO graph, so the editor can show the
 * gap while the designer maps skills.
 * <p>
 * <b>The coverage rule.</b> A skill S of the target counts as covered when at least one outcome of the document maps
 * to S, or to a skill M narrower than S at any depth: {@code (M)-[:BROADER*1..]->(S)}. Mapping a broader skill does not
 * cover its narrower skills (teaching "use hand tools" does not prove "use a soldering iron"). The target's skills are
 * its {@code REQUIRES_SKILL} relations to known skills (imported, not obsolete); for a profile see
 * {@link OccupationalProfileService#targetSkills}. The full rule is in {@code docs/skills-gap.md}.
 * <p>
 * <b>Reverse matching.</b> {@link #occupationMatches} scores every loaded occupation by essentialCovered /
 * essentialTotal under the same rule, in one Cypher aggregation; ties are broken by more essential skills covered,
 * then label. Occupations with no covered essential skill (including the few with no essential skills at all) score 0
 * and only fill the list, alphabetically, when fewer occupations match than asked for.
 */
@Service
public class SkillsGapService implements SkillsGap {

    /** The largest {@code limit} of {@link #occupationMatches}. */
    public static final int MAX_MATCHES = 5000;

    private final GapQueries queries;
    private final OccupationalProfileService profiles;

    SkillsGapService(GapQueries queries, OccupationalProfileService profiles) {
        this.queries = queries;
        this.profiles = profiles;
    }

    @Override
    @Transactional(readOnly = true)
    public Coverage coverage(QualificationDocument document, String target) {
        return detail(document, target).coverage();
    }

    /**
     * The coverage with what the coverage view needs besides: the target's skills and how many outcomes of each unit
     * cover each of them.
     *
     * @param target an ESCO occupation URI or an occupational profile id
     * @throws BadInputException when the target is blank
     * @throws NotFoundException when it names neither a loaded occupation nor a profile
     */
    @Transactional(readOnly = true)
    public CoverageDetail detail(QualificationDocument document, String target) {
        if (target == null || target.isBlank()) {
            throw new BadInputException("occupation", "required: an ESCO occupation URI or an occupational profile id");
        }
        var mapped = CoverageCalculator.mappedSkills(document);
        var occupationLabel = queries.occupationLabel(target);
        if (occupationLabel.isPresent()) {
            var skills = queries.occupationSkills(List.of(target)).get(target);
            return CoverageCalculator.compute(document, target, occupationLabel.get(), false, skills, queries.ancestors(mapped),
                    queries.skillLabels(mapped));
        }
        var profile = profiles.find(target).orElseThrow(() -> new NotFoundException(
                "occupation: no loaded ESCO occupation and no occupational profile is identified by " + target,
                org.qualigraph.base.Message.of("refusal.gap.target", target)));
        var labels = new java.util.HashMap<>(queries.skillLabels(mapped));
        profile.localSkills().forEach(l -> labels.put(l.uri(), l.label()));
        return CoverageCalculator.compute(document, target, profile.name(), true, profiles.targetSkills(profile),
                queries.ancestors(mapped), labels);
    }

    @Override
    @Transactional(readOnly = true)
    public List<OccupationMatch> occupationMatches(QualificationDocument document, int limit) {
        if (limit < 1 || limit > MAX_MATCHES) {
            throw new BadInputException("limit", "must be between 1 and " + MAX_MATCHES + ", got " + limit);
        }
        var result = new ArrayList<>(queries.matches(CoverageCalculator.mappedSkills(document), limit));
        if (result.size() < limit) {
            Set<String> listed = result.stream().map(OccupationMatch::occupation).collect(Collectors.toSet());
            result.addAll(queries.zeroMatches(listed, limit - result.size()));
        }
        return List.copyOf(result);
    }
}
