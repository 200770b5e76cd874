package org.qualigraph.esco;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The labelled set of outcome statements (src/test/resources/evaluation/skill-suggestions.tsv) and the measures of a
 * ranking on it: recall@k is the share of statements with at least one of their correct skills among the first k
 * suggestions, MRR the mean of 1/rank of the first correct one (0 when none is in the ranking).
 *
 * <p>The set is split once and for all by its {@code part} column: settings are chosen on {@link #tuning()} only, and
 * figures are reported and guarded on {@link #heldOut()} only, so that no figure measures the set it was tuned on.
 */
public final class SuggestionEvaluation {

    /** One labelled statement: its ecosystem (a constant of curriculum/Ecosystem) and part ("tune" or "held-out"). */
    public record Case(String ecosystem, String part, String statement, Set<String> correct) {
    }

    public static final String TUNE = "tune";
    public static final String HELD_OUT = "held-out";

    /** Measures of one method over the set. */
    public record Metrics(String method, int cases, double recallAt1, double recallAt5, double recallAt10, double mrr) {

        public String row() {
            return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.3f |", method, cases, recallAt1, recallAt5,
                    recallAt10, mrr);
        }
    }

    private SuggestionEvaluation() {
    }

    public static List<Case> cases() {
        var cases = new ArrayList<Case>();
        try (InputStream in = SuggestionEvaluation.class.getResourceAsStream("/evaluation/skill-suggestions.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length < 4 || !(TUNE.equals(cols[1]) || HELD_OUT.equals(cols[1]))) {
                    throw new IllegalStateException("not a labelled statement (ecosystem, part, statement, URIs, labels): " + line);
                }
                cases.add(new Case(cols[0], cols[1], cols[2], Set.of(cols[3].strip().split(" "))));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return cases;
    }

    /** The statements the fusion settings may be chosen on. */
    public static List<Case> tuning() {
        return cases().stream().filter(c -> TUNE.equals(c.part())).toList();
    }

    /** The statements no setting was chosen on: the figures in docs/benchmarks.md and the test's floor. */
    public static List<Case> heldOut() {
        return cases().stream().filter(c -> HELD_OUT.equals(c.part())).toList();
    }

    /** URIs of every skill in the official classification package. */
    public static Set<String> skillUris(Path classificationZip) throws IOException {
        Set<String> uris = new HashSet<>();
        try (var zip = new ZipFile(classificationZip.toFile());
             var reader = new InputStreamReader(zip.getInputStream(zip.getEntry("skills_en.csv")), StandardCharsets.UTF_8);
             var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord r : parser) {
                uris.add(r.get("conceptUri"));
            }
        }
        return uris;
    }

    /** Runs the ranking (statement to URIs, best first, at least 10 deep) over every case. */
    public static Metrics measure(String method, List<Case> cases, Function<String, List<String>> ranking) {
        int at1 = 0;
        int at5 = 0;
        int at10 = 0;
        double reciprocal = 0;
        for (Case c : cases) {
            List<String> ranked = ranking.apply(c.statement());
            int first = -1;
            for (int i = 0; i < ranked.size(); i++) {
                if (c.correct().contains(ranked.get(i))) {
                    first = i;
                    break;
                }
            }
            if (first >= 0) {
                reciprocal += 1.0 / (first + 1);
                at1 += first < 1 ? 1 : 0;
                at5 += first < 5 ? 1 : 0;
                at10 += first < 10 ? 1 : 0;
            }
        }
        double n = cases.size();
        return new Metrics(method, cases.size(), at1 / n, at5 / n, at10 / n, reciprocal / n);
    }
}
