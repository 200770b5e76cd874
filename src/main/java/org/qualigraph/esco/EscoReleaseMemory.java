package org.qualigraph.esco;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.qualigraph.base.graph.Graph;
import org.springframework.stereotype.Component;

/**
 * ESCO facts that only an import changes (what a URI stands for, what an occupation requires, what a skill is
 * narrower than), remembered per release, so that a quality report computed again after each save does not read them
 * again. Only an import writes the concepts, their relations and their English texts, and every import ends by giving
 * the release record a new {@code importedAt} (a re-import of the same version too); that record is read before any
 * remembered fact is used ({@link #release()}), and a fact remembered under another release is never served: when the
 * release changes, everything remembered is dropped. This holds across instances, because the release is read from
 * the graph every time. Without a loaded release nothing is remembered (ESCO data without a release is not an import's).
 * <p>
 * A fact is read after the release it is remembered under, so during an import (concepts written, release not yet)
 * a fact may be newer than its release; it is dropped with that release when the import ends. What a label import adds
 * (other languages) is not remembered here: only the English texts are.
 * <p>
 * Each kind of fact is bounded ({@link #LIMIT} entries, then started again), so that arbitrary URIs asked for (an
 * unknown one is remembered as unknown) cannot grow it without end.
 */
@Component
class EscoReleaseMemory {

    /** Entries per kind of fact; the full ESCO v1.1.1 has about 13,900 skills and 3,000 occupations. */
    static final int LIMIT = 50_000;

    /**
     * The loaded release record (the latest import's, should two be marked current): the one statement by which both
     * {@link EscoService#release()} and {@link #release()} read it, here because the service depends on this memory
     * and not the other way round.
     */
    static final String CURRENT_RELEASE = """
            MATCH (r:EscoRelease {current: true})
            RETURN r.version AS version, r.importedAt AS importedAt, r.skills AS skills, r.occupations AS occupations,
                   r.occupationSkillRelations AS relations
            ORDER BY r.importedAt DESC LIMIT 1
            """;

    private record Generation(Release release, ConcurrentHashMap<String, ConcurrentHashMap<String, Optional<Object>>> kinds) {
    }

    /** A loaded release as the memory knows it: its version and when it was imported. */
    record Release(String version, Instant importedAt) {

        Release(EscoCatalog.EscoRelease release) {
            this(release.version(), release.importedAt());
        }
    }

    private final Graph graph;
    private final AtomicReference<Generation> current = new AtomicReference<>(new Generation(new Release(null, null), new ConcurrentHashMap<>()));
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong read = new AtomicLong();

    EscoReleaseMemory(Graph graph) {
        this.graph = graph;
    }

    /** The loaded release, empty when none is loaded: the statement {@link EscoService#release()} runs too. */
    Optional<Release> release() {
        return graph.query(CURRENT_RELEASE).rows().stream().findFirst().map(r -> new Release(r.get("version").asString(null),
                r.get("importedAt").isNull() ? null : r.get("importedAt").asZonedDateTime().toInstant()));
    }

    /**
     * The facts of these keys under {@code release} (read with {@link #release()} before): those remembered, and the others
     * read with {@code load} (which answers the keys it knows; a key it leaves out is remembered as absent). Keys
     * absent under the release are not in the answer. With an empty release nothing is remembered.
     */
    @SuppressWarnings("unchecked")
    <V> Map<String, V> facts(Optional<Release> release, String kind, Collection<String> keys,
                             Function<List<String>, Map<String, V>> load) {
        if (release.isEmpty()) {
            var distinct = new LinkedHashSet<String>(keys);
            distinct.remove(null);
            return distinct.isEmpty() ? Map.of() : load.apply(List.copyOf(distinct));
        }
        var memory = memory(release.get(), kind);
        var answer = new LinkedHashMap<String, V>();
        var missing = new LinkedHashSet<String>();
        for (String key : keys) {
            if (key == null) {
                continue;
            }
            Optional<Object> known = memory.get(key);
            if (known == null) {
                missing.add(key);
            } else {
                served.incrementAndGet();
                known.ifPresent(value -> answer.put(key, (V) value));
            }
        }
        if (!missing.isEmpty()) {
            read.addAndGet(missing.size());
            Map<String, V> loaded = load.apply(List.copyOf(missing));
            for (String key : missing) {
                V value = loaded.get(key);
                if (value != null) {
                    answer.put(key, value);
                }
                memory.put(key, Optional.ofNullable(value));
            }
        }
        return answer;
    }

    /** One fact (see {@link #facts}); empty when the key is absent under the release. */
    <V> Optional<V> fact(Optional<Release> release, String kind, String key, Function<String, Optional<V>> load) {
        Map<String, V> found = facts(release, kind, List.of(key), keys -> load.apply(keys.get(0))
                .map(value -> Map.of(keys.get(0), value)).orElse(Map.of()));
        return Optional.ofNullable(found.get(key));
    }

    /** Facts served from memory and facts read from the graph since start (for tests and the metrics page). */
    long[] counts() {
        return new long[] {served.get(), read.get()};
    }

    /**
     * The memory of one kind under this release; another release drops everything remembered. No order of releases
     * is assumed (import times come from the clocks of the instances that imported): a request that read the release
     * just before an import ended may start the old one's memory again, which the next request reading the new
     * release drops. Either memory holds only facts read after its release was read, so neither is served stale to a
     * caller of the other.
     */
    private ConcurrentHashMap<String, Optional<Object>> memory(Release release, String kind) {
        Generation generation = current.get();
        while (!generation.release().equals(release)) {
            Generation fresh = new Generation(release, new ConcurrentHashMap<>());
            generation = current.compareAndSet(generation, fresh) ? fresh : current.get();
        }
        var memory = generation.kinds().computeIfAbsent(kind, k -> new ConcurrentHashMap<>());
        if (memory.size() >= LIMIT) {
            memory.clear();
        }
        return memory;
    }
}
