package org.qualigraph.esco;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.qualigraph.base.graph.Graph;
import org.qualigraph.base.graph.GraphRow;
import org.qualigraph.base.BadInputException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * ESCO skills that an outcome statement means. Curricula rarely use the words of ESCO's labels ("fit PV modules"
 * for "install solar panels"), so the statement's sentence vector is compared with every skill's (label and
 * description) through the vector index, and the full-text index adds what shares the statement's words. The two
 * rankings are merged by weighted reciprocal-rank fusion, tuned on the labelled set in the tests. Until the
 * embedding job has run, only words are used and the answer says so.
 */
@Service
public class SkillSuggestions implements DisposableBean {

    public static final int MAX_LIMIT = 50;
    public static final int MAX_TEXT = 2_000;
    private static final String KNOWN = "n.escoVersion IS NOT NULL AND coalesce(n.obsolete, false) = false";

    /** How suggestions are ranked; the evaluation compares all three. */
    public enum Method {
        WORDS, MEANING, HYBRID
    }

    /**
     * Weighted reciprocal-rank fusion: a candidate scores {@code weight / (k + rank)} in each ranking it is in.
     * {@code candidates} is how deep each ranking is read.
     */
    public record Fusion(int k, double meaningWeight, double wordsWeight, int candidates) {
        public static final Fusion DEFAULT = new Fusion(5, 1.0, 0.5, 60);
    }

    /** One suggested skill; {@code matchedBy} holds "meaning" and/or "words". */
    public record Suggestion(String uri, String label, String skillType, String reuseLevel, double score,
                             List<String> matchedBy) {
    }

    /** The suggestions and whether meaning took part (false while the sentence vectors are not ready). */
    public record Result(List<Suggestion> skills, boolean byMeaning) {
    }

    /** An outcome where a skill could be mapped, and how close its statement is to the skill (cosine, -1..1). */
    public record Placement(String outcomeCode, String unitCode, org.qualigraph.curriculum.Dimension dimension,
                            String statement, double score) {
    }

    private final Graph graph;
    private final EscoEmbeddings embeddings;
    /**
     * Runs the words query beside the encoding. When all its threads are busy (many suggestions at once, where running
     * side by side gains nothing on a small machine) the calling thread runs the query itself first, as before.
     */
    private final ThreadPoolExecutor beside = new ThreadPoolExecutor(0, 4, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
            runnable -> {
                Thread thread = new Thread(runnable, "skill-suggestions-words");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.CallerRunsPolicy());

    /**
     * Where a suggestion's time goes, by phase ({@code qualigraph.skill-suggestions.phase}): {@code encode} the
     * statement's vector, {@code vector} the vector index query, {@code words} the full-text query (beside the other
     * two), {@code wait-words} how long the answer then still waited for it. Null without a meter registry.
     */
    private final Map<String, Timer> phases;
    /** The timer's name and its phases, in the order a suggestion runs them. */
    public static final String PHASE_TIMER = "qualigraph.skill-suggestions.phase";
    public static final List<String> PHASES = List.of("encode", "vector", "words", "wait-words");

    SkillSuggestions(Graph graph, EscoEmbeddings embeddings, ObjectProvider<MeterRegistry> meters) {
        this.graph = graph;
        this.embeddings = embeddings;
        MeterRegistry registry = meters.getIfAvailable();
        this.phases = registry == null ? null : PHASES.stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(p -> p, p -> phase(registry, p)));
    }

    private static Timer phase(MeterRegistry registry, String phase) {
        return Timer.builder(PHASE_TIMER).tag("phase", phase)
                .description("time of one phase of a skill suggestion").register(registry);
    }

    private void record(String phase, long startNanos) {
        if (phases != null) {
            phases.get(phase).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Checks the request as the API takes it and answers the best {@code limit} skills. */
    public Result suggest(String text, int limit) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("text", "the outcome statement is empty; write the text to find skills for");
        }
        if (text.length() > MAX_TEXT) {
            throw new BadInputException("text", "the text is longer than " + MAX_TEXT + " characters");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadInputException("limit", "must be a whole number from 1 to " + MAX_LIMIT + ", got " + limit);
        }
        boolean meaning = embeddings.ready();
        return new Result(rank(text, limit, meaning ? Method.HYBRID : Method.WORDS, Fusion.DEFAULT), meaning);
    }

    /**
     * Ranks with the given method and fusion, without checks (evaluation and benchmarks). The words query runs on
     * another thread while this one encodes the statement (they need nothing of each other), and both queries return
     * what an answer shows of a skill, so a suggestion costs the longer of the encoding and the words query, then the
     * vector query: two statements, not three.
     */
    public List<Suggestion> rank(String text, int limit, Method method, Fusion fusion) {
        int depth = Math.max(limit, fusion.candidates());
        Future<List<GraphRow>> wordRows = switch (method) {
            case MEANING -> CompletableFuture.completedFuture(List.of());
            case WORDS -> CompletableFuture.completedFuture(wordRows(text, depth));
            case HYBRID -> beside.submit(() -> {
                long start = System.nanoTime();
                List<GraphRow> rows = wordRows(text, depth);
                record("words", start);
                return rows;
            });
        };
        List<GraphRow> meaningRows;
        try {
            if (method == Method.WORDS) {
                meaningRows = List.of();
            } else {
                long start = System.nanoTime();
                float[] vector = embeddings.encoder().encodeQuery(text);
                record("encode", start);
                start = System.nanoTime();
                meaningRows = embeddings.nearestSkillRows(vector, depth);
                record("vector", start);
            }
        } catch (RuntimeException | Error e) {
            wordRows.cancel(false);
            throw e;
        }
        long waiting = System.nanoTime();
        List<GraphRow> byWordsRows = join(wordRows);
        if (method == Method.HYBRID) {
            record("wait-words", waiting);
        }
        var details = new HashMap<String, GraphRow>();
        List<String> byMeaning = uris(meaningRows, details);
        List<String> byWords = uris(byWordsRows, details);
        var scores = new LinkedHashMap<String, Double>();
        var matched = new HashMap<String, List<String>>();
        fuse(byMeaning, fusion.meaningWeight(), fusion.k(), "meaning", scores, matched);
        fuse(byWords, fusion.wordsWeight(), fusion.k(), "words", scores, matched);
        double best = (method == Method.WORDS ? 0 : fusion.meaningWeight()) + (method == Method.MEANING ? 0 : fusion.wordsWeight());
        double max = best / (fusion.k() + 1);
        List<String> top = scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(limit).map(Map.Entry::getKey).toList();
        var result = new ArrayList<Suggestion>();
        for (String uri : top) {
            GraphRow r = details.get(uri);
            double score = Math.round(scores.get(uri) / max * 1000) / 1000.0;
            result.add(new Suggestion(uri, r.get("label").asString(), r.get("skillType").asString(null),
                    r.get("reuseLevel").asString(null), score, List.copyOf(matched.get(uri))));
        }
        return result;
    }

    /** The ranking's URIs in order, remembering each skill's row for the answer. */
    private static List<String> uris(List<GraphRow> rows, Map<String, GraphRow> details) {
        var uris = new ArrayList<String>(rows.size());
        for (GraphRow r : rows) {
            String uri = r.get("uri").asString();
            uris.add(uri);
            details.putIfAbsent(uri, r);
        }
        return uris;
    }

    private static List<GraphRow> join(Future<List<GraphRow>> rows) {
        try {
            return rows.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while searching skills by words", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The outcomes of the document where the skill belongs, closest in meaning first: only outcomes of the dimension
     * that rule ESCO-02 expects (knowledge concepts in KNOWLEDGE, skills and competences in SKILLS or
     * RESPONSIBILITY_AUTONOMY). The skill is compared by its stored vector, or by its label and description when the
     * embedding job has not reached it yet.
     */
    public List<Placement> placements(org.qualigraph.curriculum.QualificationDocument document, String skillUri) {
        var rows = read("MATCH (n:EscoSkill {uri: $uri}) RETURN n.label AS label, n.description AS description, "
                + "n.skillType AS skillType, n.searchText AS alt", Map.of("uri", skillUri));
        String skillType = rows.isEmpty() ? null : rows.get(0).get("skillType").asString(null);
        var candidates = new ArrayList<org.qualigraph.curriculum.OutcomeDocument>();
        var units = new HashMap<String, String>();
        for (var unit : document.units()) {
            for (var outcome : unit.outcomes()) {
                if (fits(skillType, outcome.dimension())) {
                    candidates.add(outcome);
                    units.put(outcome.code(), unit.code());
                }
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        float[] skill = embeddings.skillVectors(List.of(skillUri)).get(skillUri);
        if (skill == null) {
            GraphRow r = rows.isEmpty() ? null : rows.get(0);
            skill = embeddings.encoder().encode(r == null ? skillUri : embeddings.text(r.get("label").asString(""),
                    r.get("description").asString(""), r.get("alt").asString("")));
        }
        List<float[]> statements = embeddings.encoder().encodeQueries(candidates.stream()
                .map(o -> org.qualigraph.curriculum.Texts.display(o.statement())).toList());
        var result = new ArrayList<Placement>();
        for (int i = 0; i < candidates.size(); i++) {
            var o = candidates.get(i);
            result.add(new Placement(o.code(), units.get(o.code()), o.dimension(), org.qualigraph.curriculum.Texts.display(o.statement()),
                    Math.round(SentenceEncoder.cosine(skill, statements.get(i)) * 1000) / 1000.0));
        }
        result.sort(java.util.Comparator.comparingDouble(Placement::score).reversed());
        return result;
    }

    /** Rule ESCO-02: knowledge goes to KNOWLEDGE outcomes, skills and competences to SKILLS or RESPONSIBILITY_AUTONOMY. */
    static boolean fits(String skillType, org.qualigraph.curriculum.Dimension dimension) {
        if (skillType == null || dimension == null) {
            return true;
        }
        boolean knowledge = "knowledge".equals(skillType);
        return knowledge == (dimension == org.qualigraph.curriculum.Dimension.KNOWLEDGE);
    }

    private static void fuse(List<String> ranking, double weight, int k, String name, Map<String, Double> scores,
                             Map<String, List<String>> matched) {
        for (int i = 0; i < ranking.size(); i++) {
            String uri = ranking.get(i);
            scores.merge(uri, weight / (k + i + 1), Double::sum);
            matched.computeIfAbsent(uri, u -> new ArrayList<>(2)).add(name);
        }
    }

    /** Skills sharing the most meaningful words of the text (any word may match; more and rarer words rank higher). */
    List<String> words(String text, int limit) {
        return wordRows(text, limit).stream().map(r -> r.get("uri").asString()).toList();
    }

    private List<GraphRow> wordRows(String text, int limit) {
        String lucene = EscoQuery.lucene(EscoQuery.words(text, true), false);
        if (lucene == null) {
            return List.of();
        }
        return read("""
                CALL db.index.fulltext.queryNodes('esco_skill_search', $q, {limit: $fetch}) YIELD node AS n, score
                WHERE %s AND NOT n:EscoSkillGroup
                RETURN n.uri AS uri, n.label AS label, n.skillType AS skillType, n.reuseLevel AS reuseLevel
                ORDER BY score DESC, size(n.label) ASC LIMIT $limit
                """.formatted(KNOWN), Map.of("q", lucene, "fetch", limit + 100, "limit", limit));
    }

    @Override
    public void destroy() {
        beside.shutdownNow();
    }

    private List<GraphRow> read(String cypher, Map<String, Object> parameters) {
        return graph.query(cypher).bindAll(parameters).rows();
    }
}
