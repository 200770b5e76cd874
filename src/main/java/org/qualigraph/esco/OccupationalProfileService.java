package org.qualigraph.esco;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.ConflictException;
import org.qualigraph.base.FieldProblem;
import org.qualigraph.base.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emerging occupational profiles: the way a designer states "the job we train for is like these ESCO occupations,
 * plus these skills, minus those, plus some ESCO does not have yet". Profiles are gap targets just like ESCO
 * occupations ({@link SkillsGapService} accepts a profile id wherever it accepts an occupation URI). Local skills are
 * kept apart from ESCO ({@code :LocalSkill}, a Qualigraph URI, {@code nonEsco} in every answer) so that they can never
 * be mistaken for or exported as ESCO concepts.
 */
@Service
public class OccupationalProfileService {

    static final Set<String> TYPES = Set.of("essential", "optional");

    private final ProfileStore store;
    private final GapQueries queries;

    OccupationalProfileService(ProfileStore store, GapQueries queries) {
        this.store = store;
        this.queries = queries;
    }

    /** What this module restores from a workspace file (its own nodes, keyed by id; ESCO concepts are reference data). */
    private static final java.util.Map<String, String> RESTORED = java.util.Map.of("OccupationalProfile", "id",
            "LocalSkill", "id");

    /** The labels {@link #restore} takes from a workspace file. */
    public static Set<String> restoredLabels() {
        return RESTORED.keySet();
    }

    /**
     * Restores the occupational profiles and their local skills of a workspace file in the caller's transaction, after
     * the curriculum's part (which creates the ESCO concepts they refer to when missing): as dumped, with their links.
     */
    @Transactional
    public void restore(org.qualigraph.base.GraphRestore restore) {
        var part = restore.claim(RESTORED.keySet());
        var problems = new java.util.ArrayList<org.qualigraph.base.FieldProblem>();
        for (var node : part.nodes()) {
            if (!(node.properties().get("id") instanceof String)) {
                problems.add(new org.qualigraph.base.FieldProblem(node.field() + ".properties.id",
                        "a " + String.join(":", node.labels()) + " needs its id"));
            }
        }
        if (!problems.isEmpty()) {
            throw new org.qualigraph.base.BadInputException(problems);
        }
        restore.create(part.nodes(), RESTORED);
        new java.util.TreeMap<>(part.byType()).forEach(restore::link);
    }

    @Transactional(readOnly = true)
    public List<OccupationalProfile> list() {
        return store.list();
    }

    @Transactional(readOnly = true)
    public Optional<OccupationalProfile> find(String id) {
        return id == null ? Optional.empty() : store.read(id);
    }

    @Transactional(readOnly = true)
    public OccupationalProfile get(String id) {
        return find(id).orElseThrow(() -> missing(id));
    }

    @Transactional
    public OccupationalProfile create(OccupationalProfile profile, String user) {
        validate(profile);
        String id = UUID.randomUUID().toString();
        var prepared = prepare(profile, id, 0L, Set.of());
        store.write(prepared, user);
        return store.read(id).orElseThrow();
    }

    /** Replaces the profile; the version given must be the stored one (409 otherwise), and grows by one. */
    @Transactional
    public OccupationalProfile update(String id, OccupationalProfile profile, String user) {
        validate(profile);
        long stored = store.lockVersion(id).orElseThrow(() -> missing(id));
        if (profile.version() == null) {
            throw new BadInputException("version", "the version you edited is required for an update");
        }
        if (profile.version() != stored) {
            throw new ConflictException("Occupational profile " + id + " was changed by someone else (version " + stored
                    + ", yours " + profile.version() + "); reload it and apply your change again",
                    org.qualigraph.base.Message.of("refusal.profile.stale", profile.name(), stored, profile.version()),
                    java.util.List.of());
        }
        var prepared = prepare(profile, id, stored + 1, new HashSet<>(store.localSkillIds(id)));
        store.write(prepared, user);
        return store.read(id).orElseThrow();
    }

    /** 404 for a profile that is not there (deleted meanwhile, or never was), with words for a screen. */
    private static NotFoundException missing(String id) {
        return new NotFoundException("No occupational profile with id " + id,
                org.qualigraph.base.Message.of("refusal.profile.missing", id));
    }

    @Transactional
    public void delete(String id) {
        if (!store.delete(id)) {
            throw missing(id);
        }
    }

    /**
     * The skills the profile asks for: the union of its base occupations' skills (a skill essential for any base
     * occupation is essential), minus the removed ones, plus the added ESCO skills (their type wins over the base
     * type), plus its local skills.
     */
    @Transactional(readOnly = true)
    public List<TargetSkill> targetSkills(OccupationalProfile profile) {
        Map<String, TargetSkill> skills = new LinkedHashMap<>();
        queries.occupationSkills(profile.basedOn()).values().forEach(list -> list.forEach(s ->
                skills.merge(s.uri(), s, (a, b) -> a.essential() ? a : b)));
        profile.removedSkills().forEach(skills::remove);
        for (var added : profile.addedSkills()) {
            String label = added.label() == null ? queries.skillLabels(List.of(added.uri())).getOrDefault(added.uri(), added.uri())
                    : added.label();
            skills.put(added.uri(), new TargetSkill(added.uri(), label, "essential".equals(added.type()), false));
        }
        for (var local : profile.localSkills()) {
            skills.put(local.uri(), new TargetSkill(local.uri(), local.label(), "essential".equals(local.type()), true));
        }
        return List.copyOf(skills.values());
    }

    private OccupationalProfile prepare(OccupationalProfile p, String id, long version, Set<String> ownLocalIds) {
        var local = new ArrayList<OccupationalProfile.LocalSkill>();
        for (var l : p.localSkills()) {
            // a client may keep the ids of this profile's own local skills; any other id gets a fresh one
            String localId = l.id() != null && ownLocalIds.contains(l.id()) ? l.id() : UUID.randomUUID().toString();
            local.add(new OccupationalProfile.LocalSkill(localId, OccupationalProfile.LocalSkill.URI_PREFIX + localId,
                    l.label().strip(), l.description() == null ? "" : l.description().strip(), l.type()));
        }
        var added = p.addedSkills().stream().map(a -> new OccupationalProfile.AddedSkill(a.uri(), a.type(), null)).toList();
        return new OccupationalProfile(id, p.name().strip(), p.description() == null ? "" : p.description().strip(),
                List.copyOf(new java.util.LinkedHashSet<>(p.basedOn())), added,
                List.copyOf(new java.util.LinkedHashSet<>(p.removedSkills())), local, version);
    }

    /** Every problem at once, each naming its field; nothing is written when there is any. */
    private void validate(OccupationalProfile p) {
        if (p == null) {
            throw new BadInputException(List.of(FieldProblem.of("", "problem.profile.body")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (p.name() == null || p.name().isBlank()) {
            problems.add(FieldProblem.of("name", "problem.required"));
        } else if (p.name().length() > 200) {
            problems.add(FieldProblem.of("name", "problem.atMost", 200));
        }
        if (p.description() != null && p.description().length() > 5000) {
            problems.add(FieldProblem.of("description", "problem.atMost", 5000));
        }
        if (p.basedOn().isEmpty()) {
            problems.add(FieldProblem.of("basedOn", "problem.profile.basedOn"));
        }
        for (int i = 0; i < p.basedOn().size(); i++) {
            String uri = p.basedOn().get(i);
            if (uri == null || queries.occupationLabel(uri).isEmpty()) {
                problems.add(FieldProblem.of("basedOn[" + i + "]", "problem.profile.occupation", String.valueOf(uri)));
            }
        }
        List<String> escoSkills = new ArrayList<>();
        p.addedSkills().forEach(a -> escoSkills.add(a == null ? null : a.uri()));
        escoSkills.addAll(p.removedSkills());
        Map<String, String> known = queries.skillLabels(escoSkills.stream().filter(java.util.Objects::nonNull).toList());
        Set<String> added = new HashSet<>();
        for (int i = 0; i < p.addedSkills().size(); i++) {
            var a = p.addedSkills().get(i);
            String path = "addedSkills[" + i + "]";
            if (a == null || a.uri() == null || !known.containsKey(a.uri())) {
                problems.add(FieldProblem.of(path + ".uri", "problem.profile.skill", String.valueOf(a == null ? null : a.uri())));
            } else if (!added.add(a.uri())) {
                problems.add(FieldProblem.of(path + ".uri", "problem.profile.twice", a.uri()));
            }
            if (a != null && !TYPES.contains(a.type())) {
                problems.add(FieldProblem.of(path + ".type", "problem.profile.type", String.valueOf(a.type())));
            }
        }
        for (int i = 0; i < p.removedSkills().size(); i++) {
            String uri = p.removedSkills().get(i);
            if (uri == null || !known.containsKey(uri)) {
                problems.add(FieldProblem.of("removedSkills[" + i + "]", "problem.profile.skill", String.valueOf(uri)));
            } else if (added.contains(uri)) {
                problems.add(FieldProblem.of("removedSkills[" + i + "]", "problem.profile.removedAdded", uri));
            }
        }
        for (int i = 0; i < p.localSkills().size(); i++) {
            var l = p.localSkills().get(i);
            String path = "localSkills[" + i + "]";
            if (l == null || l.label() == null || l.label().isBlank()) {
                problems.add(FieldProblem.of(path + ".label", "problem.required"));
            } else if (l.label().length() > 300) {
                problems.add(FieldProblem.of(path + ".label", "problem.atMost", 300));
            }
            if (l != null && !TYPES.contains(l.type())) {
                problems.add(FieldProblem.of(path + ".type", "problem.profile.type", String.valueOf(l.type())));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
    }
}
