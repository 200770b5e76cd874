package org.qualigraph.esco;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleConsumer;
import org.qualigraph.base.graph.Graph;
import org.qualigraph.base.graph.GraphRow;
import org.qualigraph.jobs.JobService;
import org.qualigraph.jobs.JobState;
import org.qualigraph.jobs.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Sentence vectors of the loaded ESCO skills and occupations, kept on the nodes ({@code embedding}, with a vector
 * index) so that suggestions and comparisons can search by meaning. Embedding the full release takes minutes on two
 * cores, so it runs as a background job after every import and at start-up when vectors are missing or were made by
 * another model; the application is ready before it ends, and until then suggestions use words only. The job waits
 * while people's requests keep the server busy (it would take their CPU) and then goes on in small steps only, so it
 * is felt neither by users nor by the API's response times (docs/benchmarks.md). Each vector
 * carries the hash of the model and the text it was made from, so a re-import re-embeds only concepts whose text
 * changed.
 */
@Service
public class EscoEmbeddings {

    /** What text of a concept is embedded. The preferred label with the description measured best (benchmarks.md). */
    public enum Text {
        LABEL, LABEL_DESCRIPTION, LABEL_ALT_LABELS
    }

    /** How far the vectors are: concepts that need one, how many have a current one, and a running job if any. */
    public record Status(long concepts, long embedded, String model, String runningJob) {

        public boolean ready() {
            return concepts > 0 && embedded >= concepts;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(EscoEmbeddings.class);
    private static final String KNOWN = "n.escoVersion IS NOT NULL AND coalesce(n.obsolete, false) = false";
    /** Texts encoded and written together: small enough that a batch takes well under a second on one core. */
    private static final int BATCH = 32;
    /**
     * Texts of the one step the background job takes when people's requests have kept it waiting for the trickle time
     * ({@code qualigraph.jobs.yield-trickle}): a few tens of milliseconds of one core, so that the job still ends under
     * constant load without being felt (docs/benchmarks.md, "during the embedding job").
     */
    static final int TRICKLE_BATCH = 8;
    private static final long READY_TTL_NANOS = 30_000_000_000L;

    private final Graph graph;
    private final SentenceEncoder encoder;
    private final JobService jobs;
    private final Text text;
    private final boolean automatic;
    private volatile String job;
    private volatile boolean readyCache;
    private volatile long readyCheckedAt;
    private final AtomicBoolean rechecking = new AtomicBoolean();

    @org.springframework.beans.factory.annotation.Autowired
    EscoEmbeddings(Graph graph, @org.springframework.beans.factory.annotation.Qualifier(SentenceModels.SKILLS) SentenceEncoder encoder,
                   JobService jobs, @org.springframework.beans.factory.annotation.Value("${qualigraph.embeddings.automatic:true}") boolean automatic) {
        this(graph, encoder, jobs, Text.LABEL_DESCRIPTION, automatic);
    }

    EscoEmbeddings(Graph graph, SentenceEncoder encoder, JobService jobs, Text text) {
        this(graph, encoder, jobs, text, false);
    }

    private EscoEmbeddings(Graph graph, SentenceEncoder encoder, JobService jobs, Text text, boolean automatic) {
        this.graph = graph;
        this.encoder = encoder;
        this.jobs = jobs;
        this.text = text;
        this.automatic = automatic;
    }

    /**
     * Whether the job starts by itself after an import and at start-up ({@code qualigraph.embeddings.automatic},
     * default true; the tests switch it off and embed when they choose, so no background job rewrites ESCO nodes
     * while another test compares them).
     */
    public boolean automatic() {
        return automatic;
    }

    public SentenceEncoder encoder() {
        return encoder;
    }

    /** After a restart (or an upgrade that changed the model) vectors may be missing: make them in the background. */
    @EventListener(ApplicationReadyEvent.class)
    void embedMissingAtStart() {
        if (!automatic) {
            return;
        }
        try {
            Status status = status();
            if (status.concepts() > 0 && !status.ready()) {
                log.info("ESCO is loaded but {} of {} concepts have no current sentence vector; embedding in the background",
                        status.concepts() - status.embedded(), status.concepts());
                start();
            }
        } catch (RuntimeException e) {
            log.warn("Could not check the ESCO sentence vectors at start; suggestions use words until they exist", e);
        }
    }

    /** Queues the embedding job unless one is already queued or running; returns its id. */
    public synchronized String start() {
        String current = job;
        if (current != null && jobs.status(current).map(s -> s.state() == JobState.RUNNING).orElse(false)) {
            return current;
        }
        readyCache = false;
        readyCheckedAt = 0;
        current = jobs.start("ESCO embeddings", context -> {
            try {
                embed(context::progress, context::yieldToInteractiveLoad).forEach(context::count);
            } finally {
                readyCheckedAt = 0;
            }
        });
        job = current;
        return current;
    }

    /** The running (or queued) embedding job, if any. */
    public Optional<JobStatus> runningJob() {
        String current = job;
        return current == null ? Optional.empty()
                : jobs.status(current).filter(s -> s.state() == JobState.RUNNING);
    }

    public Status status() {
        var r = read("""
                CALL () { MATCH (n:EscoSkill) WHERE %1$s AND NOT n:EscoSkillGroup RETURN count(n) AS skills,
                            count(CASE WHEN n.embeddingModel = $model THEN 1 END) AS skillsDone }
                CALL () { MATCH (n:EscoOccupation) WHERE %1$s RETURN count(n) AS occupations,
                            count(CASE WHEN n.embeddingModel = $model THEN 1 END) AS occupationsDone }
                RETURN skills + occupations AS concepts, skillsDone + occupationsDone AS embedded
                """.formatted(KNOWN), Map.of("model", encoder.model())).get(0);
        String running = runningJob().map(JobStatus::id).orElse(null);
        return new Status(r.get("concepts").asLong(), r.get("embedded").asLong(), encoder.model(), running);
    }

    /**
     * Whether suggestions can use meaning: every concept has a current vector (cached briefly; cheap to call) and the
     * model that encodes the statement is loaded (it loads in the background after start-up).
     */
    public boolean ready() {
        if (!encoder.loaded()) {
            return false;
        }
        long checkedAt = readyCheckedAt;
        if (checkedAt == 0) {
            checkReady();
        } else if (System.nanoTime() - checkedAt > READY_TTL_NANOS && rechecking.compareAndSet(false, true)) {
            // an expired answer is checked again off the request path (counting every concept takes a while on the
            // full release); the request goes on with the answer of the last check
            try {
                CompletableFuture.runAsync(() -> {
                    try {
                        checkReady();
                    } catch (RuntimeException e) {
                        log.debug("Could not check whether the ESCO sentence vectors are ready", e);
                    } finally {
                        rechecking.set(false);
                    }
                });
            } catch (RuntimeException e) {
                rechecking.set(false);
                throw e;
            }
        }
        return readyCache;
    }

    private void checkReady() {
        long now = System.nanoTime();
        boolean ready = runningJob().isEmpty() && status().ready();
        readyCache = ready;
        readyCheckedAt = now;
    }

    /**
     * Embeds every known skill and occupation whose vector is missing or was made from another text or model, and
     * returns counts. Synchronous: the job runs it, and so do tests and benchmarks.
     */
    public Map<String, Object> embedNow(DoubleConsumer progress) {
        try {
            return embed(progress, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Before each batch of the background job: whether people's requests leave room for a full batch (after a wait). */
    @FunctionalInterface
    interface Room {
        boolean await() throws InterruptedException;
    }

    /**
     * As {@link #embedNow}; with {@code room} (the background job) it encodes on the calling thread only and, before
     * each batch, waits while the application is busy with requests; a batch after a wait that did not end in room is
     * a small one ({@link #TRICKLE_BATCH}), so that the job starves no request and still ends.
     */
    Map<String, Object> embed(DoubleConsumer progress, Room room) throws InterruptedException {
        long start = System.nanoTime();
        var pending = new ArrayList<Pending>();
        int unchanged = 0;
        for (String label : List.of("EscoSkill", "EscoOccupation")) {
            for (GraphRow r : read("""
                    MATCH (n:%s) WHERE %s AND NOT n:EscoSkillGroup
                    RETURN n.uri AS uri, n.label AS label, n.description AS description, n.searchText AS alt,
                           n.embeddingHash AS hash
                    """.formatted(label, KNOWN), Map.of())) {
                String content = text(r.get("label").asString(""), r.get("description").asString(""), r.get("alt").asString(""));
                String hash = hash(content);
                if (hash.equals(r.get("hash").asString(null))) {
                    unchanged++;
                } else {
                    pending.add(new Pending(label, r.get("uri").asString(), content, hash));
                }
            }
        }
        progress.accept(0.01);
        int done = 0;
        while (done < pending.size()) {
            int size = room == null || room.await() ? BATCH : TRICKLE_BATCH;
            var batch = pending.subList(done, Math.min(pending.size(), done + size));
            List<String> texts = batch.stream().map(Pending::text).toList();
            List<float[]> vectors = room != null ? encoder.encodeAllInBackground(texts) : encoder.encodeAll(texts);
            write(batch, vectors);
            done += batch.size();
            progress.accept(0.01 + 0.99 * done / pending.size());
        }
        readyCheckedAt = 0;
        var counts = new LinkedHashMap<String, Object>();
        counts.put("embedded", done);
        counts.put("unchanged", unchanged);
        counts.put("model", encoder.model());
        counts.put("seconds", (System.nanoTime() - start) / 1_000_000_000L);
        log.info("ESCO sentence vectors: {} embedded, {} unchanged in {} s", done, unchanged, counts.get("seconds"));
        return counts;
    }

    /** The text a concept is embedded from. */
    String text(String label, String description, String altLabels) {
        return switch (text) {
            case LABEL -> label;
            case LABEL_DESCRIPTION -> description.isBlank() ? label : label + ". " + description.strip();
            case LABEL_ALT_LABELS -> altLabels.isBlank() ? label : label + "; " + altLabels.strip().replace('\n', ';');
        };
    }

    private String hash(String content) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(encoder.model().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(List<Pending> batch, List<float[]> vectors) {
        var byLabel = new LinkedHashMap<String, List<Map<String, Object>>>();
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            byLabel.computeIfAbsent(p.label(), k -> new ArrayList<>())
                    .add(Map.of("uri", p.uri(), "hash", p.hash(), "vector", vectors.get(i)));
        }
        {
            byLabel.forEach((label, rows) -> graph.inNewTransaction(() -> graph.query("""
                    UNWIND $rows AS row
                    MATCH (n:%s {uri: row.uri})
                    CALL db.create.setNodeVectorProperty(n, 'embedding', row.vector)
                    SET n.embeddingHash = row.hash, n.embeddingModel = $model
                    """.formatted(label)).bindAll(Map.of("rows", rows, "model", encoder.model())).run()));
        }
    }

    /**
     * The skills nearest in meaning to the vector, best first: {@code uri}, {@code score} (cosine similarity) and what
     * a suggestion shows of the skill ({@code label}, {@code skillType}, {@code reuseLevel}), so no second query is needed.
     */
    List<GraphRow> nearestSkillRows(float[] vector, int limit) {
        return read("""
                CALL db.index.vector.queryNodes('esco_skill_embedding', $k, $vector) YIELD node AS n, score
                WHERE %s AND NOT n:EscoSkillGroup
                RETURN n.uri AS uri, score, n.label AS label, n.skillType AS skillType, n.reuseLevel AS reuseLevel
                """.formatted(KNOWN), Map.of("k", limit, "vector", vector));
    }

    /** Stored vectors of these skills (those that have one). */
    public Map<String, float[]> skillVectors(java.util.Collection<String> uris) {
        var result = new LinkedHashMap<String, float[]>();
        read("MATCH (n:EscoSkill) WHERE n.uri IN $uris AND n.embedding IS NOT NULL RETURN n.uri AS uri, n.embedding AS v",
                Map.of("uris", List.copyOf(uris))).forEach(r -> {
                    List<Object> values = r.get("v").asList();
                    float[] v = new float[values.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = ((Number) values.get(i)).floatValue();
                    }
                    result.put(r.get("uri").asString(), v);
                });
        return result;
    }

    private record Pending(String label, String uri, String text, String hash) {
    }

    private List<GraphRow> read(String cypher, Map<String, Object> parameters) {
        return graph.query(cypher).bindAll(parameters).rows();
    }
}
