package org.qualigraph.esco;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    /** What the release says of occupations and skills, remembered while it is loaded; null: read every time. */
    private final EscoReleaseMemory memory;

    @org.springframework.beans.factory.annotation.Autowired
    SkillsGapService(GapQueries queries, OccupationalProfileService profiles, EscoReleaseMemory memory) {
        this.queries = queries;
        this.profiles = profiles;
        this.memory = memory;
    }

    /** Reads every fact from the graph each time (the reference the remembered answers are compared with in tests). */
    SkillsGapService(GapQueries queries, OccupationalProfileService profiles) {
        this(queries, profiles, null);
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
        Optional<EscoReleaseMemory.Release> release = memory == null ? Optional.empty() : memory.release();
        var occupationLabel = fact(release, "occupationLabel", target, queries::occupationLabel);
        if (occupationLabel.isPresent()) {
            var skills = fact(release, "occupationSkills", target,
                    occupation -> Optional.of(List.copyOf(queries.occupationSkills(List.of(occupation)).get(occupation))));
            return CoverageCalculator.compute(document, target, occupationLabel.get(), false, skills.orElseThrow(),
                    facts(release, "ancestors", mapped, queries::ancestors), facts(release, "skillLabels", mapped, queries::skillLabels));
        }
        var profile = profiles.find(target).orElseThrow(() -> new NotFoundException(
                "occupation: no loaded ESCO occupation and no occupational profile is identified by " + target,
                org.qualigraph.base.Message.of("refusal.gap.target", target)));
        var labels = new java.util.HashMap<>(facts(release, "skillLabels", mapped, queries::skillLabels));
        profile.localSkills().forEach(l -> labels.put(l.uri(), l.label()));
        return CoverageCalculator.compute(document, target, profile.name(), true, profiles.targetSkills(profile),
                facts(release, "ancestors", mapped, queries::ancestors), labels);
    }

    private <V> Optional<V> fact(Optional<EscoReleaseMemory.Release> release, String kind, String key,
                                 java.util.function.Function<String, Optional<V>> load) {
        return memory == null ? load.apply(key) : memory.fact(release, kind, key, load);
    }

    private <V> java.util.Map<String, V> facts(Optional<EscoReleaseMemory.Release> release, String kind,
                                               java.util.Collection<String> keys,
                                               java.util.function.Function<List<String>, java.util.Map<String, V>> load) {
        return memory == null ? load.apply(List.copyOf(keys)) : memory.facts(release, kind, keys, load);
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
