package org.qualigraph.esco;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.Texts;
import org.qualigraph.curriculum.UnitDocument;
import org.springframework.stereotype.Service;

/**
 * Recognition between two qualifications, such as two partners' national variants or a foreign qualification imported
 * from LOQ XML: outcomes are paired one to one by how close their statements are in meaning and by the ESCO skills
 * they share, so that differently worded curricula still line up. For each pair it gives both EQF levels; for units
 * with paired outcomes their credits and hours; and it lists what each side has that the other lacks. A service of
 * its own so that other views (e.g. "changes from core") can reuse it.
 */
@Service
public class RecognitionService {

    /** Pairs below this score are not considered the same outcome. */
    public static final double PAIR_THRESHOLD = 0.55;

    /** Two outcomes judged to be the same learning; {@code eqfLevels} is [a, b], each null when unknown. */
    public record Pair(String a, String b, double score, List<String> sharedSkills, List<Integer> eqfLevels,
                       String statementA, String statementB, String unitA, String unitB) {
    }

    /** Two units that hold paired outcomes; {@code credits} and {@code hours} are [a, b]. */
    public record UnitPair(String a, String b, List<BigDecimal> credits, List<Integer> hours, int pairedOutcomes) {
    }

    /** The whole comparison. {@code onlyInA}/{@code onlyInB} are outcome codes without a partner. */
    public record Comparison(String a, String b, String titleA, String titleB, List<Pair> pairs, List<String> onlyInA,
                             List<String> onlyInB, List<UnitPair> units) {
    }

    private final QualificationService qualifications;
    private final SentenceEncoder encoder;

    RecognitionService(QualificationService qualifications, SentenceEncoder encoder) {
        this.qualifications = qualifications;
        this.encoder = encoder;
    }

    /** Compares two stored qualifications (404 when either is unknown). */
    public Comparison compare(String a, String b) {
        return compare(qualifications.get(a), qualifications.get(b));
    }

    /** Compares two documents, e.g. a working copy with its core profile. */
    public Comparison compare(QualificationDocument a, QualificationDocument b) {
        List<Item> left = items(a);
        List<Item> right = items(b);
        List<float[]> vectors = encoder.encodeAll(java.util.stream.Stream.concat(left.stream(), right.stream())
                .map(Item::statement).toList());
        var candidates = new ArrayList<Candidate>();
        for (int i = 0; i < left.size(); i++) {
            for (int j = 0; j < right.size(); j++) {
                Item x = left.get(i);
                Item y = right.get(j);
                double meaning = SentenceEncoder.cosine(vectors.get(i), vectors.get(left.size() + j));
                List<String> shared = x.outcome().skills().stream().filter(y.outcome().skills()::contains).distinct().toList();
                double score = score(meaning, shared.size(), x.outcome().skills().size(), y.outcome().skills().size());
                if (score >= PAIR_THRESHOLD) {
                    candidates.add(new Candidate(x, y, score, shared));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        Set<String> takenA = new HashSet<>();
        Set<String> takenB = new HashSet<>();
        var pairs = new ArrayList<Pair>();
        for (Candidate c : candidates) {
            if (takenA.contains(c.a().outcome().code()) || takenB.contains(c.b().outcome().code())) {
                continue;
            }
            takenA.add(c.a().outcome().code());
            takenB.add(c.b().outcome().code());
            pairs.add(new Pair(c.a().outcome().code(), c.b().outcome().code(), Math.round(c.score() * 1000) / 1000.0,
                    c.shared(), java.util.Arrays.asList(c.a().level(), c.b().level()), c.a().statement(), c.b().statement(),
                    c.a().unit().code(), c.b().unit().code()));
        }
        return new Comparison(a.id(), b.id(), Texts.display(a.title()), Texts.display(b.title()), pairs,
                left.stream().map(i -> i.outcome().code()).filter(code -> !takenA.contains(code)).toList(),
                right.stream().map(i -> i.outcome().code()).filter(code -> !takenB.contains(code)).toList(),
                units(a, b, pairs));
    }

    /**
     * Meaning counts most; shared ESCO skills raise the score (a mapping to the same skill is strong evidence) but
     * never pair two outcomes on their own when the statements are far apart.
     */
    static double score(double meaning, int shared, int skillsA, int skillsB) {
        if (shared == 0) {
            return Math.max(0, meaning);
        }
        double overlap = shared / (double) (skillsA + skillsB - shared);
        return Math.min(1.0, Math.max(0, meaning) * 0.7 + 0.3 * overlap + 0.1);
    }

    private static List<UnitPair> units(QualificationDocument a, QualificationDocument b, List<Pair> pairs) {
        var counts = new LinkedHashMap<String, LinkedHashMap<String, Integer>>();
        for (Pair p : pairs) {
            counts.computeIfAbsent(p.unitA(), k -> new LinkedHashMap<>()).merge(p.unitB(), 1, Integer::sum);
        }
        Map<String, UnitDocument> unitsB = byCode(b);
        var result = new ArrayList<UnitPair>();
        Set<String> usedB = new LinkedHashSet<>();
        for (UnitDocument unit : a.units()) {
            var partners = counts.get(unit.code());
            if (partners == null) {
                continue;
            }
            var best = partners.entrySet().stream().filter(e -> !usedB.contains(e.getKey()))
                    .max(Map.Entry.comparingByValue());
            if (best.isEmpty()) {
                continue;
            }
            usedB.add(best.get().getKey());
            UnitDocument other = unitsB.get(best.get().getKey());
            result.add(new UnitPair(unit.code(), other.code(), java.util.Arrays.asList(unit.credits(), other.credits()),
                    java.util.Arrays.asList(unit.hours(), other.hours()), best.get().getValue()));
        }
        return result;
    }

    private static Map<String, UnitDocument> byCode(QualificationDocument doc) {
        var map = new LinkedHashMap<String, UnitDocument>();
        doc.units().forEach(u -> map.put(u.code(), u));
        return map;
    }

    private static List<Item> items(QualificationDocument doc) {
        var items = new ArrayList<Item>();
        for (UnitDocument unit : doc.units()) {
            for (OutcomeDocument outcome : unit.outcomes()) {
                String statement = Texts.in(outcome.statement(), "en");
                if (statement == null || statement.isBlank()) {
                    statement = Texts.display(outcome.statement());
                }
                Integer level = outcome.eqfLevel() != null ? outcome.eqfLevel()
                        : unit.eqfLevel() != null ? unit.eqfLevel() : doc.eqfLevel();
                items.add(new Item(unit, outcome, statement == null ? "" : statement, level));
            }
        }
        return items;
    }

    private record Item(UnitDocument unit, OutcomeDocument outcome, String statement, Integer level) {
    }

    private record Candidate(Item a, Item b, double score, List<String> shared) {
    }
}
