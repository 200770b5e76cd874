package org.qualigraph.bench;

import static org.qualigraph.esco.SkillSuggestions.PHASES;
import static org.qualigraph.esco.SkillSuggestions.PHASE_TIMER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.qualigraph.esco.SuggestionEvaluation;

/**
 * Skill suggestions as the editor asks for them (issue #21 target: p95 ≤ 30 ms over HTTP): {@code POST
 * /api/esco/skill-suggestions} {@code {"text": statement, "limit": 10}} from one client against the packaged application
 * with the full ESCO v1.1.1 imported and its embedding job finished. The statements are the distinct outcome statements
 * of the labelled evaluation set (src/test/resources/evaluation/skill-suggestions.tsv, both parts: the quality of the
 * answers is not measured here, only their time). The application keeps no cache of answers, so a statement sent twice
 * costs as much as a new one.
 * <p>
 * Besides the client's latency the run reads the server's own timer of that endpoint ({@code http.server.requests},
 * Spring's observation filter: security, JSON and the suggestion work, without the client and the loopback), whose
 * difference over the measured calls gives the server's mean time per call and its share of the client's mean.
 * <p>
 * Run: {@code ./mvnw -B -ntp -Pproduction package -DskipTests && ./mvnw -B -ntp -Pbench test -Dtest=SuggestionHttpBenchmark}
 * ({@code -Dsuggest.statements} uses only the first n statements, {@code -Dsuggest.rounds} the passes over them (2),
 * {@code -Dsuggest.warmup} the unmeasured calls before (50); {@code -Dbench.graph=driver} as for {@link LoadBenchmark}).
 */
class SuggestionHttpBenchmark {

    static final String COMMAND = "./mvnw -B -ntp -Pproduction package -DskipTests && ./mvnw -B -ntp -Pbench test "
            + "-Dtest=SuggestionHttpBenchmark";
    static final String PATH = "/api/esco/skill-suggestions";
    private static final int STATEMENTS = Integer.getInteger("suggest.statements", Integer.MAX_VALUE);
    private static final int ROUNDS = Integer.getInteger("suggest.rounds", 2);
    private static final int WARM_UP = Integer.getInteger("suggest.warmup", 50);

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void suggestionsOverHttp() throws Exception {
        var raw = new RawOutput(BenchApp.variant("suggestions-http"), COMMAND);
        try (var app = BenchApp.start("suggestions-http")) {
            raw.line("application: " + app.command());
            raw.line(app.importEscoAndSay());
            measure(app, raw);
        }
    }

    /** Times the calls, writes the raw output and the section of docs/benchmarks.md. Also a section of {@link Issue21Benchmark}. */
    void measure(BenchApp app, RawOutput raw) throws Exception {
        List<String> statements = distinctStatements();
        raw.line(statements.size() + " distinct outcome statements of the labelled set, " + ROUNDS + " passes in the same order, "
                + "after " + WARM_UP + " unmeasured calls; limit 10, one client, one call at a time");
        for (int i = 0; i < WARM_UP; i++) {
            call(app, statements.get(i % statements.size()));
        }
        app.sayEmbeddingJob(raw, "when the measured calls start");
        BenchApp.Timer before = app.timer("http.server.requests", "uri:" + PATH, "method:POST");
        var phasesBefore = phaseTimers(app);
        var latencies = new RawOutput.Series();
        int byMeaning = 0;
        int empty = 0;
        var byPass = new ArrayList<RawOutput.Series>();
        for (int round = 0; round < ROUNDS; round++) {
            var pass = new RawOutput.Series();
            byPass.add(pass);
            for (String statement : statements) {
                long start = System.nanoTime();
                var response = app.send("POST", PATH, body(statement));
                long elapsed = System.nanoTime() - start;
                latencies.add(elapsed, response.statusCode());
                pass.add(elapsed, response.statusCode());
                if (response.statusCode() != 200) {
                    throw new AssertionError("POST " + PATH + " answered " + response.statusCode() + " for \"" + statement + "\": "
                            + response.body());
                }
                JsonNode answer = json.readTree(response.body());
                if (answer.isEmpty()) {
                    empty++;
                }
                for (JsonNode skill : answer) {
                    if (skill.path("matchedBy").toString().contains("meaning")) {
                        byMeaning++;
                        break;
                    }
                }
            }
        }
        BenchApp.Timer after = app.timer("http.server.requests", "uri:" + PATH, "method:POST");
        var phasesAfter = phaseTimers(app);
        app.sayEmbeddingJob(raw, "when the measured calls end");
        int calls = latencies.count();
        var figures = new ArrayList<String>();
        figures.add(String.format(Locale.ROOT, "POST %s, %d calls (%d distinct statements × %d), one client: p50 %.1f ms, "
                        + "p95 %.1f ms, p99 %.1f ms, max %.1f ms (target p95 ≤ 30 ms).", PATH, calls, statements.size(), ROUNDS,
                latencies.percentile(0.50), latencies.percentile(0.95), latencies.percentile(0.99), latencies.percentile(1.0)));
        if (byPass.size() > 1) {
            var passes = new ArrayList<String>();
            for (int i = 0; i < byPass.size(); i++) {
                passes.add(String.format(Locale.ROOT, "pass %d p50 %.1f ms, p95 %.1f ms", i + 1, byPass.get(i).percentile(0.50),
                        byPass.get(i).percentile(0.95)));
            }
            figures.add("By pass over the statements (the application caches no answer, so a later pass differs only by "
                    + "what the JVM has compiled and the machine): " + String.join("; ", passes) + ".");
        }
        figures.add(server(before, after, calls, latencies));
        figures.add(phases(phasesBefore, phasesAfter));
        figures.add(byMeaning + " of " + calls + " answers hold at least one skill found by meaning; " + empty + " answers are empty.");
        raw.line("");
        figures.forEach(raw::line);
        var file = raw.write();
        var section = new ArrayList<String>();
        section.add("Packaged application (`" + app.command() + "`), full ESCO v1.1.1. " + app.importSummary()
                + ". Raw output and load averages: `" + file + "`.");
        section.add("");
        figures.forEach(line -> {
            section.add(line);
            section.add("");
        });
        BenchReport.append("Skill suggestions over HTTP"
                + (app.overDriver() ? ", driver adapter over a separate database process" : "")
                + BenchApp.headingVariant() + " (raw: " + file.getFileName() + ")", section);
        if (byMeaning == 0 && !BenchApp.DURING_EMBEDDING) {
            throw new AssertionError("no answer used meaning: the embedding job or the model did not work, so the figures "
                    + "measure suggestions by words only");
        }
    }

    private static List<String> distinctStatements() {
        var all = new ArrayList<>(new LinkedHashSet<>(SuggestionEvaluation.cases().stream()
                .map(SuggestionEvaluation.Case::statement).toList()));
        return all.subList(0, Math.min(STATEMENTS, all.size()));
    }

    private String body(String statement) {
        return json.createObjectNode().put("text", statement).put("limit", 10).toString();
    }

    private void call(BenchApp app, String statement) throws Exception {
        var response = app.send("POST", PATH, body(statement));
        if (response.statusCode() != 200) {
            throw new AssertionError("POST " + PATH + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** The application's timer of each suggestion phase now (null for a phase it has no timer of). */
    private static java.util.Map<String, BenchApp.Timer> phaseTimers(BenchApp app) throws Exception {
        var timers = new java.util.LinkedHashMap<String, BenchApp.Timer>();
        for (String phase : PHASES) {
            timers.put(phase, app.timer(PHASE_TIMER, "phase:" + phase));
        }
        return timers;
    }

    /**
     * The suggestion's phases over the measured calls from the application's own timers: the statement's encoding, the
     * vector query, the words query (on another thread, beside those two) and the wait for it afterwards.
     */
    private static String phases(java.util.Map<String, BenchApp.Timer> before, java.util.Map<String, BenchApp.Timer> after) {
        var parts = new ArrayList<String>();
        for (String phase : PHASES) {
            BenchApp.Timer b = before.get(phase);
            BenchApp.Timer a = after.get(phase);
            if (b == null || a == null) {
                return "Phases: the application has no " + PHASE_TIMER + " timer (a build before it was added).";
            }
            long counted = a.count() - b.count();
            parts.add(String.format(Locale.ROOT, "%s %.1f ms (%d)", phase,
                    (a.totalSeconds() - b.totalSeconds()) * 1000 / Math.max(1, counted), counted));
        }
        return "Phases inside the server (" + PHASE_TIMER + ", mean per measured call, count in brackets; the words query "
                + "runs beside the encoding and the vector query): " + String.join(", ", parts) + ".";
    }

    /** The server's mean time per call over the measured calls, from its own timer, and its share of the client's mean. */
    private static String server(BenchApp.Timer before, BenchApp.Timer after, int calls, RawOutput.Series latencies) {
        if (before == null || after == null) {
            return "Server-side time: the application exposes no http.server.requests timer for " + PATH + ".";
        }
        long counted = after.count() - before.count();
        double serverMeanMs = (after.totalSeconds() - before.totalSeconds()) * 1000 / Math.max(1, counted);
        double clientMeanMs = latencies.mean();
        return String.format(Locale.ROOT, "Server-side (http.server.requests of %s, POST: filters, security, JSON and the "
                        + "suggestion work): %d calls counted (%d sent), mean %.1f ms per call against the client's mean %.1f ms, "
                        + "i.e. %.0f %% of the client's time; the rest is the client, loopback and Tomcat's connector. Timer's "
                        + "max over its last two minutes (warm-up calls included when they fall in it): %.1f ms.", PATH, counted, calls, serverMeanMs, clientMeanMs,
                100 * serverMeanMs / clientMeanMs, after.maxSeconds() * 1000);
    }
}
