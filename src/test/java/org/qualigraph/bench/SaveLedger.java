package org.qualigraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The read-modify-write save of the load benchmarks and the record of every acknowledged one, to prove afterwards that
 * no acknowledged save was lost. A save reads the document, gives it a new title (a unique marker) and maps one random
 * outcome to another real ESCO skill, and writes it back with the version it read; a 2xx answer is an acknowledgement.
 */
final class SaveLedger {

    /** One acknowledged save: the version the server answered, the title marker, the outcome changed and its skill. */
    record Ack(long version, String title, String outcome, String skill) {
    }

    /**
     * One acknowledged change of an outcome's skill, by the unit holding it: units may be shared by several
     * qualifications, so changes of one unit are ordered by the unit's version in each save's answer, whichever
     * qualification the save went through.
     */
    record UnitAck(String unit, long unitVersion, String outcome, String skill, String qualification) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Long> createdVersion = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedQueue<Ack>> acks = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<UnitAck> unitAcks = new ConcurrentLinkedQueue<>();

    void created(String id, long version) {
        createdVersion.put(id, version);
        acks.put(id, new ConcurrentLinkedQueue<>());
    }

    /** The body of a save of the document just read: new title, and one outcome mapped to a skill from the pool. */
    Edit edit(JsonNode read, List<String> skillPool, String titlePrefix, boolean changeSkill) {
        var random = ThreadLocalRandom.current();
        ObjectNode doc = (ObjectNode) read.deepCopy();
        String title = titlePrefix + " " + random.nextLong(1, Long.MAX_VALUE);
        ((ObjectNode) doc.get("title")).put("en", title);
        String outcome = null;
        String skill = null;
        String unitId = null;
        if (changeSkill) {
            var units = (ArrayNode) doc.get("units");
            var unit = units.get(random.nextInt(units.size()));
            unitId = unit.get("id").asText();
            var outcomes = (ArrayNode) unit.get("outcomes");
            var chosen = (ObjectNode) outcomes.get(random.nextInt(outcomes.size()));
            outcome = chosen.get("code").asText();
            // a skill the outcome does not map alone already: re-mapping it to the same skill would be no change of
            // the unit, the server rightly keeps its version, and the ledger would see two changes at one version
            var current = chosen.path("skills");
            do {
                skill = skillPool.get(random.nextInt(skillPool.size()));
            } while (current.size() == 1 && current.get(0).asText().equals(skill));
            chosen.putArray("skills").add(skill);
        }
        return new Edit(doc.toString(), title, outcome, skill, unitId);
    }

    record Edit(String body, String title, String outcome, String skill, String unit) {
    }

    /** Records the save as acknowledged when the answer is 2xx. */
    void answered(String id, Edit edit, HttpResponse<String> response) throws Exception {
        if (response.statusCode() / 100 == 2) {
            JsonNode answer = json.readTree(response.body());
            long version = answer.get("version").asLong();
            acks.get(id).add(new Ack(version, edit.title(), edit.outcome(), edit.skill()));
            if (edit.unit() != null) {
                for (JsonNode unit : answer.get("units")) {
                    if (edit.unit().equals(unit.get("id").asText())) {
                        unitAcks.add(new UnitAck(edit.unit(), unit.path("version").asLong(-1), edit.outcome(), edit.skill(), id));
                    }
                }
            }
        }
    }

    long acknowledged() {
        return acks.values().stream().mapToLong(ConcurrentLinkedQueue::size).sum();
    }

    /**
     * Reads every qualification back and lists each lost update: the final version must be the created version plus
     * the number of acknowledged saves, no two acknowledgements may share a version, the title must be the one of the
     * last acknowledged save, and each outcome an acknowledged save mapped must still map the skill of the last save
     * that touched it.
     */
    List<String> verify(BenchApp app) throws Exception {
        var problems = new ArrayList<String>();
        // each unit's stored outcomes, from every qualification holding it (a shared unit reads the same everywhere)
        var unitOutcomes = new HashMap<String, Map<String, List<String>>>();
        var holders = new HashMap<String, List<String>>();
        for (var entry : acks.entrySet()) {
            String id = entry.getKey();
            var saves = new ArrayList<>(entry.getValue());
            saves.sort(Comparator.comparingLong(Ack::version));
            JsonNode doc = app.getJson("/api/qualifications/" + id);
            doc.get("units").forEach(u -> {
                var outcomes = new HashMap<String, List<String>>();
                u.get("outcomes").forEach(o -> {
                    var skills = new ArrayList<String>();
                    o.get("skills").forEach(s -> skills.add(s.asText()));
                    outcomes.put(o.get("code").asText(), skills);
                });
                var before = unitOutcomes.putIfAbsent(u.get("id").asText(), outcomes);
                if (before != null && !before.equals(outcomes)) {
                    problems.add("unit " + u.get("code").asText() + " (" + u.get("id").asText() + ") reads differently in "
                            + id + " than in " + holders.get(u.get("id").asText()));
                }
                holders.computeIfAbsent(u.get("id").asText(), k -> new ArrayList<>()).add(id);
            });
            long expected = createdVersion.get(id) + saves.size();
            if (doc.get("version").asLong() != expected) {
                problems.add(id + ": version " + doc.get("version").asLong() + " but created at " + createdVersion.get(id)
                        + " with " + saves.size() + " acknowledged saves");
            }
            if (saves.stream().map(Ack::version).distinct().count() != saves.size()) {
                problems.add(id + ": two acknowledged saves got the same version");
            }
            if (saves.isEmpty()) {
                continue;
            }
            if (!saves.get(saves.size() - 1).title().equals(doc.get("title").get("en").asText())) {
                problems.add(id + ": the title is not the one of the last acknowledged save");
            }
        }
        // outcome mappings by unit, ordered by the unit's version: a shared unit's last acknowledged change may have
        // come through another qualification than the one read
        var byUnit = new HashMap<String, List<UnitAck>>();
        unitAcks.forEach(a -> byUnit.computeIfAbsent(a.unit(), k -> new ArrayList<>()).add(a));
        byUnit.forEach((unit, changes) -> {
            changes.sort(Comparator.comparingLong(UnitAck::unitVersion));
            // two acknowledgements at one unit version are one write only when they asked for the same mapping: the
            // second found it stored already (a partner made the same change meanwhile) and rightly wrote nothing
            var atVersion = new HashMap<Long, UnitAck>();
            for (var change : changes) {
                var other = atVersion.putIfAbsent(change.unitVersion(), change);
                if (other != null && !(other.outcome().equals(change.outcome()) && other.skill().equals(change.skill()))) {
                    problems.add("unit " + unit + ": two acknowledged changes got unit version " + change.unitVersion()
                            + " (" + other.outcome() + " to " + other.skill() + " through " + other.qualification() + ", "
                            + change.outcome() + " to " + change.skill() + " through " + change.qualification() + ")");
                }
            }
            var stored = unitOutcomes.get(unit);
            if (stored == null) {
                problems.add("unit " + unit + " changed by acknowledged saves is missing");
                return;
            }
            var lastSkill = new HashMap<String, UnitAck>();
            changes.forEach(a -> lastSkill.put(a.outcome(), a));
            lastSkill.forEach((outcome, a) -> {
                if (!List.of(a.skill()).equals(stored.get(outcome))) {
                    problems.add("unit " + unit + " (held by " + holders.get(unit) + "): outcome " + outcome + " maps "
                            + stored.get(outcome) + ", not " + a.skill() + " of the last acknowledged change (unit version "
                            + a.unitVersion() + ", through " + a.qualification() + ")");
                }
            });
        });
        return problems;
    }
}
