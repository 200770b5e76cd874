package org.qualigraph.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Runs long work in the background and keeps its state so that the caller can return at once (202 with a job id) and
 * the user can follow the job through the API, the log (every 10 %) or a listener that a view turns into a live
 * progress bar. Jobs run one after another on one worker thread: they are heavy imports on a small machine, and
 * serial execution also means two imports never write the same reference data at once. The last 200 jobs are kept in
 * memory; a restart forgets them.
 */
@Service
public class JobService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobService.class);
    private static final int KEPT = 200;

    private final ExecutorService executor;
    private final Map<String, Job> jobs = java.util.Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
            return size() > KEPT && eldest.getValue().state != JobState.RUNNING;
        }
    });

    public JobService() {
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "qualigraph-job-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues the task and returns its job id at once. */
    public String start(String name, JobTask task) {
        Job job = new Job(UUID.randomUUID().toString(), name);
        jobs.put(job.id, job);
        executor.execute(() -> job.run(task));
        return job.id;
    }

    /** The job's current state, or empty for an unknown (or long forgotten) id. */
    public Optional<JobStatus> status(String id) {
        Job job = id == null ? null : jobs.get(id);
        return Optional.ofNullable(job).map(Job::snapshot);
    }

    /**
     * Calls the listener on every change of the job (progress, counts, end) from the worker thread, and once at once
     * with the current state. Returns what removes the listener.
     */
    public Runnable addListener(String id, Consumer<JobStatus> listener) {
        Job job = jobs.get(id);
        if (job == null) {
            throw new IllegalArgumentException("unknown job " + id);
        }
        job.listeners.add(listener);
        listener.accept(job.snapshot());
        return () -> job.listeners.remove(listener);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    private static final class Job implements JobContext {
        private final String id;
        private final String name;
        private final Map<String, Object> counts = new ConcurrentHashMap<>();
        private final CopyOnWriteArrayList<Consumer<JobStatus>> listeners = new CopyOnWriteArrayList<>();
        private volatile JobState state = JobState.RUNNING;
        private volatile double progress;
        private volatile String error;
        private int loggedDecile;

        Job(String id, String name) {
            this.id = id;
            this.name = name;
        }

        void run(JobTask task) {
            long start = System.nanoTime();
            log.info("Job {} ({}) started", name, id);
            try {
                task.run(this);
                progress = 1.0;
                state = JobState.DONE;
                log.info("Job {} ({}) done in {} ms: {}", name, id, (System.nanoTime() - start) / 1_000_000, counts);
            } catch (JobFailure e) {
                error = e.getMessage();
                state = JobState.FAILED;
                log.warn("Job {} ({}) failed: {}", name, id, e.getMessage());
            } catch (Exception | Error e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
                state = JobState.FAILED;
                log.error("Job {} ({}) failed unexpectedly", name, id, e);
            }
            notifyListeners();
        }

        @Override
        public void progress(double done) {
            double clamped = Math.max(progress, Math.min(1.0, Math.max(0.0, done)));
            if (clamped == progress) {
                return;
            }
            progress = clamped;
            int decile = (int) (clamped * 10);
            synchronized (this) {
                if (decile > loggedDecile) {
                    loggedDecile = decile;
                    log.info("Job {} ({}) {} % done", name, id, decile * 10);
                }
            }
            notifyListeners();
        }

        @Override
        public void count(String countName, Object value) {
            counts.put(countName, value);
            notifyListeners();
        }

        JobStatus snapshot() {
            return new JobStatus(id, name, state, progress, new LinkedHashMap<>(new java.util.TreeMap<>(counts)), error);
        }

        private void notifyListeners() {
            if (listeners.isEmpty()) {
                return;
            }
            JobStatus status = snapshot();
            for (Consumer<JobStatus> listener : listeners) {
                try {
                    listener.accept(status);
                } catch (RuntimeException e) {
                    log.debug("Job listener failed; removed", e);
                    listeners.remove(listener);
                }
            }
        }
    }
}
