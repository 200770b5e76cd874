package org.qualigraph.quality.rules;

import static org.qualigraph.quality.Severity.ERROR;
import static org.qualigraph.quality.Severity.INFO;
import static org.qualigraph.quality.Severity.WARNING;
import static org.qualigraph.quality.StandardGroup.EQF;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qualigraph.curriculum.QualificationSummary;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.curriculum.WorkBasedLearningDocument;
import org.qualigraph.quality.QualityInput;
import org.qualigraph.quality.RuleResultCollector;

/** STRUCT-01..03: the prerequisite graph and shared units. */
final class StructRules {

    private StructRules() {
    }

    static Map<String, UnitDocument> byCode(List<UnitDocument> units) {
        var map = new LinkedHashMap<String, UnitDocument>();
        units.forEach(u -> map.putIfAbsent(u.code(), u));
        return map;
    }

    static final class Struct01 extends BaseRule {
        Struct01() {
            super("STRUCT-01", ERROR, EQF, "The prerequisites between units have no cycle",
                    "Curriculum design (progression, ESG 1.2 guideline 5); CASE precedes graph acyclic");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            Map<String, UnitDocument> units = byCode(in.document().units());
            var state = new HashMap<String, Integer>();
            var reported = new HashSet<Set<String>>();
            for (String start : units.keySet()) {
                if (!state.containsKey(start)) {
                    dfs(start, units, state, new ArrayDeque<>(), reported, out);
                }
            }
        }

        private void dfs(String code, Map<String, UnitDocument> units, Map<String, Integer> state, Deque<String> path,
                         Set<Set<String>> reported, RuleResultCollector out) {
            state.put(code, 1);
            path.addLast(code);
            for (String next : units.get(code).prerequisites()) {
                if (!units.containsKey(next)) {
                    continue;
                }
                Integer s = state.get(next);
                if (s == null) {
                    dfs(next, units, state, path, reported, out);
                } else if (s == 1) {
                    var cycle = new ArrayList<String>();
                    boolean in = false;
                    for (String p : path) {
                        in |= p.equals(next);
                        if (in) {
                            cycle.add(p);
                        }
                    }
                    if (reported.add(Set.copyOf(cycle))) {
                        var shown = new ArrayList<>(cycle);
                        shown.add(next);
                        out.fail(finding("STRUCT-01", String.join(" → ", shown)), cycle.toArray(String[]::new));
                    }
                }
            }
            path.removeLast();
            state.put(code, 2);
        }
    }

    static final class Struct02 extends BaseRule {
        Struct02() {
            super("STRUCT-02", WARNING, EQF, "Work-based learning does not come before the units it depends on",
                    "Apprenticeship framework 2018 (criterion 2); curriculum sequencing");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            List<UnitDocument> units = in.document().units();
            Map<String, UnitDocument> byCode = byCode(units);
            var position = new HashMap<String, Integer>();
            for (int i = 0; i < units.size(); i++) {
                position.putIfAbsent(units.get(i).code(), i);
            }
            for (UnitDocument unit : units) {
                if (unit.workBasedLearning().isEmpty()) {
                    continue;
                }
                for (String required : requiredTransitively(unit, byCode)) {
                    if (position.get(required) > position.get(unit.code())) {
                        for (WorkBasedLearningDocument period : unit.workBasedLearning()) {
                            out.fail(finding("STRUCT-02", period.code(), unit.code(), required), period.code(), required);
                        }
                    }
                }
            }
        }

        private static Set<String> requiredTransitively(UnitDocument unit, Map<String, UnitDocument> byCode) {
            var seen = new java.util.LinkedHashSet<String>();
            var pending = new ArrayDeque<>(unit.prerequisites());
            while (!pending.isEmpty()) {
                String code = pending.pop();
                if (byCode.containsKey(code) && !code.equals(unit.code()) && seen.add(code)) {
                    pending.addAll(byCode.get(code).prerequisites());
                }
            }
            return seen;
        }
    }

    static final class Struct03 extends BaseRule {
        Struct03() {
            super("STRUCT-03", INFO, EQF, "Units shared with other qualifications are listed",
                    "Modular design for European vocational core profiles (Council Recommendation on VET 2020, Osnabrück Declaration 2020): impact of a change");
        }

        @Override
        public void evaluate(QualityInput in, RuleResultCollector out) {
            if (in.document().id() == null) {
                out.notApplicable(note("STRUCT-03.unsaved"));
                return;
            }
            for (UnitDocument unit : in.document().units()) {
                List<QualificationSummary> others = unit.id() == null ? null : in.sharedUnits().get(unit.id());
                if (others != null && !others.isEmpty()) {
                    var titles = others.stream().map(q -> org.qualigraph.base.Message.of("quality.sharedWith",
                            org.qualigraph.curriculum.Texts.display(q.title()), q.status())).toList();
                    out.fail(finding("STRUCT-03", unitName(unit), titles), unit.code());
                }
            }
        }
    }
}
