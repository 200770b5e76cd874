package org.qualigraph.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.qualigraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Jobs kept in the graph, seen from two job services over one database as two application instances would: states,
 * progress, counts and errors read the same on both; a kind that runs once does so across both; a job whose instance
 * died is failed after the heartbeat timeout.
 */
class JobServiceTest extends IntegrationTest {

    /** Short enough for a test, long enough that a loaded build machine does not starve a live heartbeat. */
    private static final JobSettings FAST = new JobSettings(Duration.ofMillis(250), Duration.ofSeconds(5),
            Duration.ofMillis(100), "");

    @Autowired
    Driver driver;

    private JobService a;
    private JobService b;

    @BeforeEach
    void twoInstances() {
        graph.query("MATCH (n) WHERE n:Job OR n:JobLock DETACH DELETE n").run();
        a = new JobService(graph, FAST);
        b = new JobService(graph, FAST);
    }

    @AfterEach
    void stop() {
        a.destroy();
        b.destroy();
    }

    @Test
    void aJobReportsProgressAndCountsAndEndsDoneOnEveryInstance() throws Exception {
        var release = new CountDownLatch(1);
        String id = a.start("test", context -> {
            context.progress(0.5);
            context.count("rows", 42);
            release.await(5, TimeUnit.SECONDS);
        });
        awaitThat(() -> b.status(id).orElseThrow(), s -> s.progress() == 0.5 && s.counts().containsKey("rows"));
        assertThat(b.status(id).orElseThrow().state()).isEqualTo(JobState.RUNNING);

        List<JobStatus> seenOnA = new CopyOnWriteArrayList<>();
        List<JobStatus> seenOnB = new CopyOnWriteArrayList<>();
        var done = new CountDownLatch(2);
        a.addListener(id, status -> {
            seenOnA.add(status);
            if (status.finished()) {
                done.countDown();
            }
        });
        b.addListener(id, status -> {
            seenOnB.add(status);
            if (status.finished()) {
                done.countDown();
            }
        });
        release.countDown();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();

        for (JobService instance : List.of(a, b)) {
            JobStatus status = instance.status(id).orElseThrow();
            assertThat(status.state()).isEqualTo(JobState.DONE);
            assertThat(status.progress()).isEqualTo(1.0);
            assertThat(status.counts()).containsEntry("rows", 42);
            assertThat(status.error()).isNull();
        }
        assertThat(seenOnA).last().extracting(JobStatus::state).isEqualTo(JobState.DONE);
        assertThat(seenOnB).first().extracting(JobStatus::state).isEqualTo(JobState.RUNNING);
        assertThat(seenOnB).last().isEqualTo(a.status(id).orElseThrow());
    }

    @Test
    void aFailingJobKeepsItsMessageAndProgressNeverGoesBack() throws Exception {
        String id = a.start("test", context -> {
            context.progress(0.7);
            context.progress(0.2);
            throw new JobFailure("skills_en.csv line 9: bad");
        });
        JobStatus status = awaitThat(() -> b.status(id).orElseThrow(), JobStatus::finished);
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.error()).isEqualTo("skills_en.csv line 9: bad");
        assertThat(status.progress()).isEqualTo(0.7);
        assertThat(b.status("unknown")).isEmpty();
        assertThatThrownBy(() -> b.addListener("unknown", s -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExclusiveKindRunsOnceAcrossInstancesAndTheRefusalNamesTheRunningJob() throws Exception {
        var release = new CountDownLatch(1);
        JobTask blocking = context -> release.await(10, TimeUnit.SECONDS);
        var pool = Executors.newFixedThreadPool(8);
        var attempts = new ArrayList<Future<String>>();
        var go = new CountDownLatch(1);
        for (int i = 0; i < 8; i++) {
            JobService instance = i % 2 == 0 ? a : b;
            attempts.add(pool.submit(() -> {
                go.await();
                try {
                    return "started " + instance.startExclusive("import", "Import", blocking);
                } catch (JobConflictException e) {
                    return "refused " + e.runningJob() + " " + e.getMessage();
                }
            }));
        }
        go.countDown();
        var answers = new ArrayList<String>();
        for (var attempt : attempts) {
            answers.add(attempt.get(20, TimeUnit.SECONDS));
        }
        pool.shutdown();
        var started = answers.stream().filter(s -> s.startsWith("started ")).toList();
        assertThat(started).hasSize(1);
        String running = started.get(0).substring("started ".length());
        assertThat(answers).filteredOn(s -> s.startsWith("refused ")).hasSize(7)
                .allSatisfy(s -> assertThat(s).startsWith("refused " + running + " Import is running already: job " + running));
        assertThat(a.running("import")).map(JobStatus::id).contains(running);
        assertThat(b.running("import")).map(JobStatus::id).contains(running);
        assertThat(graph.query("MATCH (j:Job) RETURN count(j)").fetchAs(Long.class).one()).contains(1L);

        release.countDown();
        awaitThat(() -> a.status(running).orElseThrow(), JobStatus::finished);
        assertThat(b.running("import")).isEmpty();
        String next = b.startExclusive("import", "Import", context -> { });
        assertThat(awaitThat(() -> a.status(next).orElseThrow(), JobStatus::finished).state()).isEqualTo(JobState.DONE);
    }

    @Test
    void aJobWhoseInstanceDiedIsFailedAfterTheHeartbeatTimeoutAndNoLongerBlocks() throws Exception {
        // what an instance killed in the middle of an exclusive job leaves behind: the job RUNNING, the lock held
        graph.query("""
                CREATE (:Job {id: 'dead-1', name: 'Import', kind: 'import', state: 'RUNNING', progress: 0.3, counts: '{}',
                              instance: 'killed-instance', createdAt: datetime(), heartbeat: datetime()})
                MERGE (l:JobLock {kind: 'import'}) SET l.job = 'dead-1'
                """).run();
        assertThatThrownBy(() -> a.startExclusive("import", "Import", context -> { }))
                .isInstanceOf(JobConflictException.class).hasMessageContaining("dead-1");

        JobStatus failed = awaitThat(() -> b.status("dead-1").orElseThrow(), JobStatus::finished);
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.error()).contains("killed-instance").contains("run it again");
        assertThat(failed.error()).startsWith("Instance killed-instance stopped running this job (no heartbeat since ");
        // the Reference data page shows the same failure in its reader's language (JobStatus.error(locale))
        assertThat(failed.error(Locale.GERMAN)).startsWith("Die Instanz killed-instance hat diesen Auftrag nicht weiter ausgeführt")
                .endsWith("Starten Sie ihn erneut.").doesNotContain("heartbeat", "run it again");
        assertThat(org.qualigraph.base.GermanInterfaceViewTest.isGerman(failed.error(Locale.GERMAN), "killed-instance",
                failed.error().replaceAll(".*no heartbeat since ([^;]+);.*", "$1"))).isTrue();
        assertThat(failed.progress()).isEqualTo(0.3);

        String id = a.startExclusive("import", "Import", context -> context.count("rows", 1));
        assertThat(awaitThat(() -> b.status(id).orElseThrow(), JobStatus::finished).state()).isEqualTo(JobState.DONE);
    }

    @Test
    void onAnEmbeddedStoreJobsLeftRunningByTheProcessBeforeFailAtOnceButOwnJobsRun() throws Exception {
        graph.query("""
                CREATE (:Job {id: 'left-1', name: 'Import', state: 'RUNNING', progress: 0.6, counts: '{}',
                              instance: 'previous-process', createdAt: datetime(), heartbeat: datetime()})
                """).run();
        var release = new CountDownLatch(1);
        String own = a.start("own", context -> release.await(60, TimeUnit.SECONDS));
        assertThat(a.failLeftOver()).isEqualTo(1);
        JobStatus left = b.status("left-1").orElseThrow();
        assertThat(left.state()).isEqualTo(JobState.FAILED);
        assertThat(left.error()).isEqualTo("The application was restarted while this job ran on instance previous-process."
                + " Nothing is half-applied that a new run does not repair: run it again.");
        assertThat(left.error(Locale.forLanguageTag("pl"))).isEqualTo("Aplikacja została uruchomiona ponownie, gdy to zadanie "
                + "działało na instancji previous-process. Nic nie zostało zastosowane połowicznie w sposób, którego nowe "
                + "uruchomienie nie naprawi: uruchom je ponownie.");
        assertThat(b.status(own).orElseThrow().state()).isEqualTo(JobState.RUNNING);
        release.countDown();
        assertThat(awaitThat(() -> b.status(own).orElseThrow(), JobStatus::finished).state()).isEqualTo(JobState.DONE);
    }

    @Test
    void aJobOfAnInstanceThatIsShutDownFailsWithWordsForTheScreen() throws Exception {
        var c = new JobService(graph, new JobSettings(FAST.heartbeatInterval(), FAST.heartbeatTimeout(),
                FAST.progressInterval(), "instance-c"));
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        // the task outlives the interrupt of the shutdown, so the shutdown is what fails it
        String id = c.start("long", context -> {
            started.countDown();
            while (true) {
                try {
                    release.await();
                    return;
                } catch (InterruptedException ignored) {
                    // keep running as a job stuck in a call would
                }
            }
        });
        try {
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            c.destroy();
            JobStatus stopped = b.status(id).orElseThrow();
            assertThat(stopped.state()).isEqualTo(JobState.FAILED);
            assertThat(stopped.error()).isEqualTo("Instance instance-c was shut down while this job ran: run it again.");
            assertThat(stopped.error(Locale.FRENCH))
                    .isEqualTo("L’instance instance-c a été arrêtée pendant que cette tâche s’exécutait : relancez-la.");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aLiveJobKeepsBeatingLongAfterTheTimeout() throws Exception {
        var release = new CountDownLatch(1);
        String id = a.startExclusive("import", "Import", context -> release.await(60, TimeUnit.SECONDS));
        Thread.sleep(FAST.heartbeatTimeout().multipliedBy(2).toMillis());
        assertThat(b.status(id).orElseThrow().state()).isEqualTo(JobState.RUNNING);
        assertThatThrownBy(() -> b.startExclusive("import", "Import", context -> { })).isInstanceOf(JobConflictException.class);
        release.countDown();
        assertThat(awaitThat(() -> b.status(id).orElseThrow(), JobStatus::finished).state()).isEqualTo(JobState.DONE);
    }

    @Test
    void progressIsWrittenAtMostOncePerIntervalHoweverOftenItIsReported() throws Exception {
        var slow = new JobService(graph, new JobSettings(Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofMillis(400), ""));
        var heartbeats = new java.util.LinkedHashSet<String>();
        var id = new java.util.concurrent.atomic.AtomicReference<String>();
        var known = new CountDownLatch(1);
        try {
            id.set(slow.start("chatty", context -> {
                known.await(5, TimeUnit.SECONDS);
                long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                for (int step = 1; System.nanoTime() < end; step++) {
                    context.progress(step / 100_000_000.0);
                    if (step % 500 == 0) {
                        graph.query("MATCH (j:Job {id: $id}) RETURN toString(j.heartbeat)").bind(id.get()).to("id")
                                .fetchAs(String.class).one().ifPresent(heartbeats::add);
                    }
                }
            }));
            known.countDown();
            awaitThat(() -> slow.status(id.get()).orElseThrow(), JobStatus::finished);
        } finally {
            slow.destroy();
        }
        // two seconds of continuous reports, one write per 400 ms: the creation stamp and about five throttled writes
        assertThat(heartbeats).hasSizeBetween(3, 7);
    }

    /** Polls {@code read} every 50 ms until {@code condition} holds, for 30 s at most. */
    static <T> T awaitThat(Supplier<T> read, java.util.function.Predicate<T> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T value = read.get();
        while (!condition.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s; last value: " + value);
            }
            Thread.sleep(50);
            value = read.get();
        }
        return value;
    }
}
