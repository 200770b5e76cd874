package org.qualigraph.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.support.Documents;
import org.qualigraph.support.PackagedApp;
import org.qualigraph.support.SharedData;

/**
 * Kills the application with SIGKILL in the middle of a burst of edits and in the middle of an ESCO import, restarts
 * it on the same data directory and checks that the database is consistent: every qualification is exactly one of
 * the versions that were written (each write is one transaction), no unit or outcome is left half-attached, and the
 * import can simply be run again.
 */
class CrashRecoveryIT {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @TempDir
    Path dataDir;

    @Test
    void aKillDuringABurstOfEditsLeavesEveryQualificationWhole() throws Exception {
        List<String> ids = new ArrayList<>();
        try (var app = start()) {
            for (int i = 0; i < 8; i++) {
                var response = app.api("POST", "/api/qualifications", json.writeValueAsString(version("Crash " + i, 3)));
                assertThat(response.statusCode()).isEqualTo(201);
                ids.add(json.readTree(response.body()).get("id").asText());
            }
            var stop = new AtomicBoolean();
            var killed = new AtomicBoolean();
            var writes = new AtomicInteger();
            // every answer but 2xx and 409 (a stale version lost a race), and every exception before the kill, fails the test
            var failures = new ConcurrentLinkedQueue<String>();
            var threads = new ArrayList<Thread>();
            for (int t = 0; t < 4; t++) {
                var thread = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                            var read = app.api("GET", "/api/qualifications/" + id, null);
                            if (read.statusCode() != 200) {
                                failures.add("GET " + id + " answered " + read.statusCode() + ": " + read.body());
                                return;
                            }
                            JsonNode current = json.readTree(read.body());
                            int units = ThreadLocalRandom.current().nextInt(1, 7);
                            var next = version(current.get("title").get("en").asText().replaceAll(" \\[.*", ""), units);
                            var body = (com.fasterxml.jackson.databind.node.ObjectNode) json.valueToTree(next);
                            body.put("version", current.get("version").asLong());
                            var write = app.api("PUT", "/api/qualifications/" + id, body.toString());
                            if (write.statusCode() / 100 == 2) {
                                writes.incrementAndGet();
                            } else if (write.statusCode() != 409) {
                                failures.add("PUT " + id + " answered " + write.statusCode() + ": " + write.body());
                                return;
                            }
                        } catch (Exception e) {
                            if (!killed.get()) {
                                failures.add("writer failed before the kill: " + e);
                            }
                            return;
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
            long writesDeadline = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
            while (writes.get() < 40 && failures.isEmpty()) {
                assertThat(System.nanoTime()).as("40 writes within 5 minutes (%d so far)", writes.get()).isLessThan(writesDeadline);
                Thread.sleep(50);
            }
            assertThat(failures).as("answers of the writers before the kill").isEmpty();
            killed.set(true);
            app.kill();
            stop.set(true);
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(failures).as("answers of the writers").isEmpty();
        }
        try (var app = start()) {
            int units = 0;
            int outcomes = 0;
            for (String id : ids) {
                var response = app.api("GET", "/api/qualifications/" + id, null);
                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode doc = json.readTree(response.body());
                int expectedUnits = Integer.parseInt(doc.get("title").get("en").asText().replaceAll(".*\\[(\\d+) units]", "$1"));
                assertThat(doc.get("units")).as("units of %s", id).hasSize(expectedUnits);
                for (JsonNode unit : doc.get("units")) {
                    assertThat(unit.get("outcomes")).hasSize(3);
                    assertThat(unit.get("assessments").get(0).get("outcomes")).hasSize(3);
                }
                units += expectedUnits;
                outcomes += expectedUnits * 3;
            }
            // nothing half-written hangs around outside the documents
            JsonNode dump = json.readTree(app.api("GET", "/api/admin/workspace", null).body());
            assertThat(count(dump, "Unit")).isEqualTo(units);
            assertThat(count(dump, "LearningOutcome")).isEqualTo(outcomes);
            assertThat(count(dump, "Qualification")).isEqualTo(ids.size());
        }
    }

    @Test
    void aKillDuringAnEscoImportLeavesADatabaseThatImportsAgain() throws Exception {
        Path esco = SharedData.requireEsco();
        try (var app = start()) {
            String job = app.startEscoImport(esco);
            JsonNode state = app.awaitJob(job, s -> s.path("progress").asDouble() >= 0.4 || !"RUNNING".equals(s.path("state").asText()),
                    java.time.Duration.ofMinutes(10));
            assertThat(state.path("state").asText()).as("still running at 40 percent: %s", state).isEqualTo("RUNNING");
            app.kill();
        }
        try (var app = start()) {
            assertThat(app.api("GET", "/api/esco/status", null).statusCode()).isEqualTo(200);
            String job = app.startEscoImport(esco);
            JsonNode state = app.awaitJob(job, java.time.Duration.ofMinutes(15));
            assertThat(state.path("state").asText()).as(state.toString()).isEqualTo("DONE");
            JsonNode status = json.readTree(app.api("GET", "/api/esco/status", null).body());
            assertThat(status.path("skills").asLong()).isEqualTo(EscoCsvCounts.skills(esco));
            assertThat(status.path("occupations").asLong()).isEqualTo(EscoCsvCounts.occupations(esco));
            // rows naming an occupation that is not in occupations_en.csv are skipped and counted by the importer
            long relations = status.path("occupationSkillRelations").asLong();
            long rows = EscoCsvCounts.occupationSkillRelations(esco);
            assertThat(relations).isEqualTo(state.path("counts").path("occupationSkillRelations").asLong())
                    .isBetween(rows - state.path("counts").path("skippedRelations").asLong(), rows);
        }
    }

    /** The packaged jar on this test's data directory, without the demo; the same directory after a kill. */
    private PackagedApp start() {
        return PackagedApp.start(dataDir.resolve("store"), "--qualigraph.demo=false");
    }

    private static QualificationDocument version(String title, int units) {
        var doc = Documents.generated(title, units, 3);
        return doc.withTitle(Map.of("en", title + " [" + units + " units]"));
    }

    private static long count(JsonNode dump, String label) {
        long n = 0;
        for (JsonNode node : dump.get("nodes")) {
            for (JsonNode l : node.get("labels")) {
                if (label.equals(l.asText())) {
                    n++;
                }
            }
        }
        return n;
    }
}
