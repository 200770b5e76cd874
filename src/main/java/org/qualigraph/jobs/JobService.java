package org.qualigraph.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.qualigraph.base.InteractiveLoad;
import org.qualigraph.base.Message;
import org.qualigraph.base.graph.Graph;
import org.qualigraph.base.graph.GraphRow;
import org.qualigraph.base.graph.GraphValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Runs long work in the background and keeps its state in the graph, so that the caller can return at once (202 with
 * a job id) and anyone can follow the job through the API on <em>any</em> application instance over the same database,
 * in the log (every 10 %) or through a listener that a view turns into a live progress bar.
 * <p>
 * Each job is a {@code (:Job)} node with its state, progress, counts, error, the instance that runs it and a heartbeat.
 * Progress is kept in memory and written at most once per {@code qualigraph.jobs.progress-interval}, together with the
 * heartbeat, so a job that reports every row costs the database two writes a second. When an instance dies, its jobs
 * stop beating; every instance looks for RUNNING jobs whose heartbeat is older than {@code heartbeat-timeout} and marks
 * them FAILED, so no job stays RUNNING forever.
 * <p>
 * Jobs of one instance run one after another on one worker thread (see docs/architecture.md, "Background jobs"):
 * they are heavy imports on a small machine. A kind
 * that must run once across all instances (the ESCO import) starts through {@link #startExclusive}, which takes a
 * {@code (:JobLock {kind})} node in the same transaction that creates the job.
 */
@Service
public class JobService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEPT = 200;

    private final Graph graph;
    private final JobSettings settings;
    private final InteractiveLoad load;
    private final String instance;
    private final ExecutorService executor;
    private final ScheduledExecutorService ticker;
    private final Map<String, Job> local = new ConcurrentHashMap<>();
    private final Map<String, Followed> followed = new ConcurrentHashMap<>();
    private volatile long lastBeat;
    private volatile boolean stopping;

    @Autowired
    public JobService(Graph graph, JobSettings settings, InteractiveLoad load) {
        this.graph = graph;
        this.settings = settings;
        this.load = load;
        this.instance = settings.instanceId().isBlank() ? defaultInstanceId() : settings.instanceId().strip();
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "qualigraph-job-" + threads.incrementAndGet());
            thread.setDaemon(true);
            // a hint (the JVM ignores it on Linux unless -XX:ThreadPriorityPolicy=1); what bounds a job is that it has
            // this one thread and that it waits for people's requests (JobContext#yieldToInteractiveLoad), see
            // docs/architecture.md "Background jobs"
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "qualigraph-job-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long tick = settings.progressInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** With these settings and no HTTP requests to yield to (tests, tools). */
    public JobService(Graph graph, JobSettings settings) {
        this(graph, settings, new InteractiveLoad());
    }

    /** With the default settings. */
    public JobService(Graph graph) {
        this(graph, JobSettings.defaults());
    }

    /** Queues the task and returns its job id at once. */
    public String start(String name, JobTask task) {
        Job job = new Job(UUID.randomUUID().toString(), name);
        // in a transaction of its own, committed before the task starts, even when the caller is in one
        graph.inNewTransaction(() -> graph.query("""
                        CREATE (:Job {id: $id, name: $name, state: 'RUNNING', progress: 0.0, counts: '{}', instance: $instance,
                                      createdAt: datetime(), heartbeat: datetime()})
                        """).bindAll(Map.of("id", job.id, "name", name, "instance", instance)).run());
        return submit(job, task);
    }

    /**
     * Like {@link #start}, but only one job of the kind runs at a time across every instance over the database.
     *
     * @throws JobConflictException naming the running job when one of the kind runs (its heartbeat is fresh); a job
     *                              whose instance died is marked FAILED here and no longer blocks
     */
    public String startExclusive(String kind, String name, JobTask task) {
        Job job = new Job(UUID.randomUUID().toString(), name);
        {
            graph.inNewTransaction(() -> {
                String holder = graph.query("MERGE (l:JobLock {kind: $kind}) SET l.takenAt = datetime() RETURN l.job AS job")
                        .bindAll(Map.of("kind", kind)).rows().get(0).get("job").asString(null);
                if (holder != null) {
                    var running = graph.query("""
                            MATCH (j:Job {id: $id, state: 'RUNNING'})
                            RETURN j.id AS id, j.name AS name, j.instance AS instance, toString(j.createdAt) AS createdAt,
                                   j.heartbeat >= datetime() - duration({milliseconds: $timeout}) AS alive
                            """).bindAll(Map.of("id", holder, "timeout", settings.heartbeatTimeout().toMillis())).rows();
                    if (!running.isEmpty() && running.get(0).get("alive").asBoolean()) {
                        GraphRow r = running.get(0);
                        throw new JobConflictException("%s is running already: job %s, started %s on instance %s; wait until it ends"
                                .formatted(r.get("name").asString(), r.get("id").asString(), r.get("createdAt").asString(),
                                        r.get("instance").asString()), r.get("id").asString());
                    }
                    if (!running.isEmpty()) {
                        reap(holder);
                    }
                }
                graph.query("""
                        MATCH (l:JobLock {kind: $kind})
                        CREATE (:Job {id: $id, name: $name, kind: $kind, state: 'RUNNING', progress: 0.0, counts: '{}',
                                      instance: $instance, createdAt: datetime(), heartbeat: datetime()})
                        SET l.job = $id
                        """).bindAll(Map.of("kind", kind, "id", job.id, "name", name, "instance", instance)).run();
            });
        }
        return submit(job, task);
    }

    /** The job's current state as stored in the graph (the same on every instance), or empty for an unknown id. */
    public Optional<JobStatus> status(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return graph.query("MATCH (j:Job {id: $id}) RETURN j").bindAll(Map.of("id", id)).rows().stream().findFirst().map(r -> toStatus(r.get("j")));
    }

    /** The job of the kind that runs now on any instance, if one does. */
    public Optional<JobStatus> running(String kind) {
        return graph.query("MATCH (l:JobLock {kind: $kind}) MATCH (j:Job {id: l.job, state: 'RUNNING'}) RETURN j")
                .bindAll(Map.of("kind", kind)).rows().stream().findFirst().map(r -> toStatus(r.get("j")));
    }

    /**
     * Calls the listener on every change of the job (progress, counts, end), and once at once with the current state.
     * A job that runs on this instance is reported from memory as it changes; one that runs on another instance is
     * read from the graph every progress interval. Returns what removes the listener.
     */
    public Runnable addListener(String id, Consumer<JobStatus> listener) {
        Job job = local.get(id);
        if (job != null) {
            job.listeners.add(listener);
            listener.accept(job.snapshot());
            return () -> job.listeners.remove(listener);
        }
        JobStatus current = status(id).orElseThrow(() -> new IllegalArgumentException("unknown job " + id));
        listener.accept(current);
        if (current.finished()) {
            return () -> { };
        }
        Followed follow = followed.computeIfAbsent(id, k -> new Followed(current));
        follow.listeners.add(listener);
        return () -> follow.listeners.remove(listener);
    }

    /** The name of this instance as it appears in jobs ({@code instance}) and in the messages about dead jobs. */
    public String instanceId() {
        return instance;
    }

    /** Marks every RUNNING job with a heartbeat older than the timeout FAILED; returns how many. */
    int reapStale() {
        return graph.inNewTransaction(() -> graph.query("""
                MATCH (j:Job {state: 'RUNNING'}) WHERE j.heartbeat < datetime() - duration({milliseconds: $timeout})
                RETURN j.id AS id
                """).bindAll(Map.of("timeout", settings.heartbeatTimeout().toMillis())).rows().stream()
                .map(r -> r.get("id").asString()).filter(id -> !local.containsKey(id)).mapToInt(this::reap).sum());
    }

    /** Fails every RUNNING job that this instance does not run (see {@link JobRecovery}); returns how many. */
    int failLeftOver() {
        var failed = graph.query("""
                MATCH (j:Job {state: 'RUNNING'}) WHERE NOT j.id IN $local
                SET j.state = 'FAILED', j.finishedAt = datetime(),
                    j.error = 'The application was restarted while this job ran on instance ' + j.instance
                              + '. Nothing is half-applied that a new run does not repair: run it again.'
                RETURN j.id AS id, j.name AS name, j.instance AS instance
                """).bindAll(Map.of("local", List.copyOf(local.keySet()))).rows();
        failed.forEach(r -> log.warn("Job {} ({}) marked FAILED: it was running when the application stopped",
                r.get("name").asString(), r.get("id").asString()));
        keepWords(failed.stream().map(r -> Map.<String, Object>of("id", r.get("id").asString(), "words",
                Message.of("job.error.restarted", r.get("instance").asString("?")).toJson())).toList());
        return failed.size();
    }

    /**
     * The failure of jobs that this service failed itself, as words beside the English {@code error} the Cypher wrote
     * (see {@link JobStatus#error(java.util.Locale)}): rows of {@code id} and {@code words} ({@link Message#toJson}).
     */
    private void keepWords(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        graph.query("""
                UNWIND $rows AS row
                MATCH (j:Job {id: row.id}) WHERE j.state = 'FAILED'
                SET j.errorWords = row.words
                """).bindAll(Map.of("rows", rows)).run();
    }

    private int reap(String id) {
        var reaped = graph.query("""
                MATCH (j:Job {id: $id, state: 'RUNNING'})
                SET j.state = 'FAILED', j.finishedAt = datetime(),
                    j.error = 'Instance ' + j.instance + ' stopped running this job (no heartbeat since ' + toString(j.heartbeat)
                              + '; it was stopped or crashed). Nothing is half-applied that a new run does not repair: run it again.'
                RETURN j.name AS name, j.instance AS instance, toString(j.heartbeat) AS heartbeat
                """).bindAll(Map.of("id", id)).rows();
        reaped.forEach(r -> log.warn("Job {} ({}) marked FAILED: instance {} stopped sending heartbeats",
                r.get("name").asString(), id, r.get("instance").asString()));
        keepWords(reaped.stream().map(r -> Map.<String, Object>of("id", id, "words", Message.of("job.error.stopped",
                r.get("instance").asString("?"), r.get("heartbeat").asString("?")).toJson())).toList());
        return reaped.size();
    }

    private String submit(Job job, JobTask task) {
        local.put(job.id, job);
        executor.execute(() -> job.run(task));
        return job.id;
    }

    /** Every progress interval: write what changed; every heartbeat interval: stamp all local jobs, reap dead ones. */
    private void tick() {
        try {
            long now = System.nanoTime();
            boolean beat = now - lastBeat >= settings.heartbeatInterval().toNanos();
            var rows = new ArrayList<Map<String, Object>>();
            for (Job job : local.values()) {
                if (job.dirty || beat) {
                    job.dirty = false;
                    rows.add(Map.of("id", job.id, "progress", job.progress, "counts", job.countsJson()));
                }
            }
            if (!rows.isEmpty()) {
                graph.query("""
                        UNWIND $rows AS row
                        MATCH (j:Job {id: row.id}) WHERE j.state = 'RUNNING'
                        SET j.progress = row.progress, j.counts = row.counts, j.heartbeat = datetime()
                        """).bindAll(Map.of("rows", rows)).run();
            }
            if (beat) {
                lastBeat = now;
                reapStale();
                prune();
            }
            pollFollowed();
        } catch (RuntimeException e) {
            if (stopping) {
                log.debug("Job update interrupted by shutdown", e);
            } else {
                log.warn("Could not update the jobs in the graph: {}", e.getMessage());
            }
        }
    }

    private void prune() {
        graph.query("""
                MATCH (j:Job) WHERE j.state <> 'RUNNING'
                WITH j ORDER BY j.createdAt DESC SKIP $kept
                DETACH DELETE j
                """).bindAll(Map.of("kept", KEPT)).run();
    }

    private void pollFollowed() {
        for (var entry : followed.entrySet()) {
            Followed follow = entry.getValue();
            if (follow.listeners.isEmpty()) {
                followed.remove(entry.getKey());
                continue;
            }
            Optional<JobStatus> status = status(entry.getKey());
            if (status.isEmpty()) {
                followed.remove(entry.getKey());
                continue;
            }
            if (!status.get().equals(follow.last)) {
                follow.last = status.get();
                notify(follow.listeners, status.get());
            }
            if (status.get().finished()) {
                followed.remove(entry.getKey());
            }
        }
    }

    @Override
    public void destroy() {
        stopping = true;
        ticker.shutdownNow();
        executor.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (local.isEmpty()) {
            return;
        }
        try {
            graph.query("""
                    MATCH (j:Job {state: 'RUNNING'}) WHERE j.id IN $ids
                    SET j.state = 'FAILED', j.finishedAt = datetime(),
                        j.error = 'Instance ' + j.instance + ' was shut down while this job ran: run it again.',
                        j.errorWords = $words
                    """).bindAll(Map.of("ids", List.copyOf(local.keySet()),
                    "words", Message.of("job.error.shutDown", instance).toJson())).run();
        } catch (RuntimeException e) {
            log.warn("Could not mark the jobs of this instance as stopped; they fail after the heartbeat timeout", e);
        }
    }

    private static JobStatus toStatus(GraphValue node) {
        Map<String, Object> counts;
        try {
            counts = JSON.readValue(node.get("counts").asString("{}"), new TypeReference<TreeMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            counts = Map.of();
        }
        return new JobStatus(node.get("id").asString(), node.get("name").asString(), JobState.valueOf(node.get("state").asString()),
                node.get("progress").asDouble(0.0), new LinkedHashMap<>(counts), node.get("error").asString(null),
                Message.fromJson(node.get("errorWords").asString(null)));
    }

    private static void notify(List<Consumer<JobStatus>> listeners, JobStatus status) {
        for (Consumer<JobStatus> listener : listeners) {
            try {
                listener.accept(status);
            } catch (RuntimeException e) {
                log.debug("Job listener failed; removed", e);
                listeners.remove(listener);
            }
        }
    }

    private static String defaultInstanceId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "");
        if (host.isBlank()) {
            host = ManagementFactory.getRuntimeMXBean().getName().replaceFirst("^\\d+@", "");
        }
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        return host + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().formatHex(random);
    }

    /** A job of another instance that a listener here follows through the graph. */
    private static final class Followed {
        private final CopyOnWriteArrayList<Consumer<JobStatus>> listeners = new CopyOnWriteArrayList<>();
        private volatile JobStatus last;

        Followed(JobStatus last) {
            this.last = last;
        }
    }

    private final class Job implements JobContext {
        private final String id;
        private final String name;
        private final Map<String, Object> counts = new ConcurrentHashMap<>();
        private final CopyOnWriteArrayList<Consumer<JobStatus>> listeners = new CopyOnWriteArrayList<>();
        private volatile JobState state = JobState.RUNNING;
        private volatile double progress;
        private volatile String error;
        private volatile Message errorText;
        private volatile boolean dirty;
        private int loggedDecile;
        private boolean paused;
        private long pausedNanos;

        Job(String id, String name) {
            this.id = id;
            this.name = name;
        }

        void run(JobTask task) {
            long start = System.nanoTime();
            log.info("Job {} ({}) started on instance {}", name, id, instance);
            try {
                task.run(this);
                if (paused) {
                    paused(false);
                }
                progress = 1.0;
                state = JobState.DONE;
                log.info("Job {} ({}) done in {} ms: {}", name, id, (System.nanoTime() - start) / 1_000_000, counts);
            } catch (JobFailure e) {
                error = e.getMessage();
                errorText = e.text();
                state = JobState.FAILED;
                log.warn("Job {} ({}) failed: {}", name, id, e.getMessage());
            } catch (Exception | Error e) {
                state = JobState.FAILED;
                if (stopping) {
                    // the application is shutting down and interrupted the job: not a fault of the job
                    error = "The application stopped while this job ran; run it again.";
                    errorText = Message.of("job.error.applicationStopped");
                    log.info("Job {} ({}) stopped with the application", name, id);
                } else {
                    error = "The job failed unexpectedly (job " + id + " in the server log); run it again or ask your administrator.";
                    errorText = Message.of("job.error.unexpected", id);
                    log.error("Job {} ({}) failed unexpectedly", name, id, e);
                }
            }
            finish();
        }

        /** The end is written at once (not throttled), before listeners hear of it, so every instance agrees. */
        private void finish() {
            try {
                graph.query("""
                        MATCH (j:Job {id: $id})
                        SET j.state = $state, j.progress = $progress, j.counts = $counts, j.error = $error,
                            j.errorWords = $errorWords, j.finishedAt = datetime(), j.heartbeat = datetime()
                        """).bindAll(params()).run();
            } catch (RuntimeException e) {
                if (stopping) {
                    log.info("The end of job {} ({}) was not recorded: the application is stopping; the next start fails it", name, id);
                } else {
                    log.error("Could not record the end of job {} ({}) in the graph", name, id, e);
                }
            } finally {
                local.remove(id);
            }
            JobService.notify(listeners, snapshot());
        }

        private Map<String, Object> params() {
            var params = new LinkedHashMap<String, Object>();
            params.put("id", id);
            params.put("state", state.name());
            params.put("progress", progress);
            params.put("counts", countsJson());
            params.put("error", error);
            params.put("errorWords", errorText == null ? null : errorText.toJson());
            return params;
        }

        @Override
        public void progress(double done) {
            double clamped = Math.max(progress, Math.min(1.0, Math.max(0.0, done)));
            if (clamped == progress) {
                return;
            }
            progress = clamped;
            dirty = true;
            int decile = (int) (clamped * 10);
            synchronized (this) {
                if (decile > loggedDecile) {
                    loggedDecile = decile;
                    log.info("Job {} ({}) {} % done", name, id, decile * 10);
                }
            }
            JobService.notify(listeners, snapshot());
        }

        @Override
        public void count(String countName, Object value) {
            counts.put(countName, value);
            dirty = true;
            JobService.notify(listeners, snapshot());
        }

        /**
         * Polls the request counter every few milliseconds: a job step is far longer than that, and a wait that ends a
         * little late costs the job nothing that matters.
         */
        @Override
        public boolean yieldToInteractiveLoad() throws InterruptedException {
            int requests = settings.yieldAt();
            if (!busy(requests)) {
                if (paused) {
                    paused(false);
                }
                return true;
            }
            if (!paused) {
                paused(true);
            }
            long start = System.nanoTime();
            long deadline = start + settings.yieldTrickle().toNanos();
            try {
                while (System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(Math.max(1, Math.min(20, (deadline - System.nanoTime()) / 1_000_000)));
                    if (!busy(requests)) {
                        paused(false);
                        return true;
                    }
                }
                return false;
            } finally {
                pausedNanos += System.nanoTime() - start;
                count(PAUSED_SECONDS, pausedNanos / 1_000_000_000L);
            }
        }

        /** As many requests as cores, or one that is real work rather than a poll ({@link JobSettings#yieldWork}). */
        private boolean busy(int requests) {
            return load.busy(requests, settings.yieldQuiet())
                    || !settings.yieldWork().isZero() && load.working(settings.yieldWork(), settings.yieldQuiet());
        }

        private void paused(boolean now) {
            paused = now;
            count(PAUSED, now);
            if (now) {
                log.debug("Job {} ({}) paused: {} requests in flight", name, id, load.inFlight());
            }
        }

        String countsJson() {
            try {
                return JSON.writeValueAsString(new TreeMap<>(counts));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("job counts must be plain values", e);
            }
        }

        JobStatus snapshot() {
            return new JobStatus(id, name, state, progress, new LinkedHashMap<>(new TreeMap<>(counts)), error, errorText);
        }
    }
}
