package org.qualigraph.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #21's figures over HTTP from one start of the packaged jar and one ESCO import (with its embedding job), so that
 * measuring all of them costs one start-up and one import instead of one per benchmark: skill suggestions, the title-only
 * save and GET of a 100 × 10 document, eight writers against one, and the 50-client mix, in that order (or the order of
 * {@code -Dbench.suite=load,writers}). Each section writes its own raw output under docs/benchmarks/ and its own section
 * of docs/benchmarks.md, exactly as its benchmark run alone does, with a line saying which sections ran before it on the
 * same application; every option of those benchmarks applies ({@code -Dload.seconds}, {@code -Dbench.graph=driver}, ...).
 * <p>
 * The sections share the application: each creates its own qualifications, so the mix's "GET list" lists the ones of
 * the sections before it too (9 more with the default order), and the application log's counts are since its start.
 * With {@code -Dbench.during-embedding=true} only the first section(s) overlap the embedding job; each says the job's
 * state before and after, and the separate benchmarks are the ones to use for that comparison.
 * <p>
 * Run: {@code ./mvnw -B -ntp -Pproduction package -DskipTests && ./mvnw -B -ntp -Pbench test -Dtest=Issue21Benchmark}.
 */
class Issue21Benchmark {

    static final String COMMAND = "./mvnw -B -ntp -Pproduction package -DskipTests && ./mvnw -B -ntp -Pbench test "
            + "-Dtest=Issue21Benchmark";
    static final List<String> DEFAULT = List.of("suggestions", "large-save", "writers", "load");

    private interface Section {
        void measure(BenchApp app, RawOutput raw) throws Exception;
    }

    private static final Map<String, Section> SECTIONS = Map.of(
            "suggestions", (app, raw) -> new SuggestionHttpBenchmark().measure(app, raw),
            "large-save", (app, raw) -> new LargeDocumentSaveBenchmark().measure(app, raw),
            "writers", (app, raw) -> new ParallelWritersBenchmark().measure(app, raw),
            "load", (app, raw) -> new LoadBenchmark().measure(app, raw));
    private static final Map<String, String> RAW_NAMES = Map.of("suggestions", "suggestions-http", "large-save", "large-save",
            "writers", "writers", "load", "load");

    @Test
    void issue21FiguresOnOneApplication() throws Exception {
        String chosen = System.getProperty("bench.suite", "").strip();
        List<String> sections = chosen.isEmpty() ? DEFAULT : List.of(chosen.split("\\s*,\\s*"));
        for (String section : sections) {
            if (!SECTIONS.containsKey(section)) {
                throw new IllegalArgumentException("-Dbench.suite: unknown section \"" + section + "\"; the sections are " + DEFAULT);
            }
        }
        long started = System.nanoTime();
        try (var app = BenchApp.start("issue21")) {
            double startSeconds = (System.nanoTime() - started) / 1e9;
            String imported = app.importEscoAndSay();
            var done = new ArrayList<String>();
            var failures = new ArrayList<String>();
            for (String section : sections) {
                var raw = new RawOutput(BenchApp.variant(RAW_NAMES.get(section)), COMMAND);
                raw.line("application: " + app.command());
                raw.line(String.format(java.util.Locale.ROOT, "suite run (Issue21Benchmark, sections %s): one application, started "
                        + "in %.1f s; %s", sections, startSeconds, imported));
                raw.line("sections measured before this one on the same application: " + (done.isEmpty() ? "none" : done));
                try {
                    SECTIONS.get(section).measure(app, raw);
                } catch (AssertionError failed) {
                    // a failed check (5xx, lost update) is reported after the other sections ran, which still measure
                    failures.add(section + ": " + failed.getMessage());
                    raw.line("FAILED: " + failed.getMessage());
                    raw.write();
                }
                done.add(section);
            }
            if (!failures.isEmpty()) {
                throw new AssertionError("sections failed: " + failures);
            }
        }
    }
}
