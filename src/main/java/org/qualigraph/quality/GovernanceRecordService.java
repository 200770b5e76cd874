package org.qualigraph.quality;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.FieldProblem;
import org.qualigraph.curriculum.QualificationNotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each qualification's design and quality-assurance record (stakeholders, EQAVET cycle evidence, indicator
 * values, review actions, next periodic review; the approval comes from the workflow) in the graph, so that the ESG
 * and EQAVET rules have evidence to check and reviewers a place to record it.
 */
@Service
public class GovernanceRecordService implements GovernanceSource {

    private static final Set<Integer> INDICATORS = Set.of(3, 4, 5, 6);
    private static final int MAX_TEXT = 10_000;

    private final WorkflowStore store;
    private final org.qualigraph.curriculum.QualificationService qualifications;

    private final ApplicationEventPublisher events;

    @Autowired
    GovernanceRecordService(WorkflowStore store, org.qualigraph.curriculum.QualificationService qualifications,
                            ApplicationEventPublisher events) {
        this.store = store;
        this.qualifications = qualifications;
        this.events = events;
    }

    GovernanceRecordService(WorkflowStore store, org.qualigraph.curriculum.QualificationService qualifications) {
        this(store, qualifications, event -> { });
    }

    @Override
    @Transactional(readOnly = true)
    public Governance governance(String qualificationId) {
        return store.governance(qualificationId);
    }

    /** The record of an existing qualification (404 otherwise). */
    @Transactional(readOnly = true)
    public Governance get(String qualificationId) {
        requireExists(qualificationId);
        return store.governance(qualificationId);
    }

    /**
     * Replaces the record. Every problem is reported with its field ({@code evidence[1].link}) and nothing is stored
     * while any remains. The approval cannot be edited here: it is written by the approve transition.
     */
    @Transactional
    public Governance update(String qualificationId, Governance input, String user) {
        if (input == null) {
            requireExists(qualificationId);
            throw new BadInputException(List.of(FieldProblem.of("", "problem.governance.required")));
        }
        // the qualification's lock first (the lock order): two updates of one record, or an update racing a
        // transition, run one after the other instead of both replacing the same evidence nodes
        qualifications.lock(qualificationId);
        var stored = store.governance(qualificationId);
        var normalised = validate(input, stored);
        store.writeGovernance(qualificationId, normalised);
        events.publishEvent(new GovernanceRecorded(qualificationId));
        store.addAudit(qualificationId, user, "GOVERNANCE", normalised.stakeholders().size() + " stakeholders, "
                + normalised.evidence().size() + " evidence items, " + normalised.indicators().size() + " indicator values, "
                + normalised.actions().size() + " review actions, next review " + (normalised.nextReviewDate() == null
                ? "not set" : normalised.nextReviewDate()), RevisionDiff.Words.key("audit.detail.governance",
                normalised.stakeholders().size(), normalised.evidence().size(), normalised.indicators().size(),
                normalised.actions().size(), normalised.nextReviewDate() == null
                        ? RevisionDiff.Words.key("audit.detail.governance.noReview")
                        : normalised.nextReviewDate().toString()), store.version(qualificationId));
        return store.governance(qualificationId);
    }

    static Governance validate(Governance input, Governance stored) {
        var problems = new ArrayList<FieldProblem>();
        if (input.approval() != null && !Objects.equals(input.approval(), stored.approval())) {
            problems.add(FieldProblem.of("approval", "problem.governance.approval"));
        }
        var ids = new HashSet<String>();
        var stakeholders = new ArrayList<Governance.Stakeholder>();
        for (int i = 0; i < input.stakeholders().size(); i++) {
            var s = input.stakeholders().get(i);
            String f = "stakeholders[" + i + "]";
            if (s == null) {
                problems.add(FieldProblem.of(f, "problem.null"));
                continue;
            }
            required(problems, f + ".name", s.name());
            tooLong(problems, f + ".name", s.name(), 300);
            tooLong(problems, f + ".organisation", s.organisation(), 300);
            if (s.kind() == null) {
                problems.add(FieldProblem.of(f + ".kind", "problem.governance.kind", List.of(Governance.StakeholderKind.values()).toString()));
            }
            stakeholders.add(new Governance.Stakeholder(id(s.id(), f, ids, problems), strip(s.name()),
                    strip(s.organisation()), s.kind()));
        }
        var evidence = new ArrayList<Governance.EvidenceItem>();
        var evaluationIds = new HashSet<String>();
        for (int i = 0; i < input.evidence().size(); i++) {
            var e = input.evidence().get(i);
            String f = "evidence[" + i + "]";
            if (e == null) {
                problems.add(FieldProblem.of(f, "problem.null"));
                continue;
            }
            if (e.phase() == null) {
                problems.add(FieldProblem.of(f + ".phase", "problem.governance.phase", List.of(Governance.QualityPhase.values()).toString()));
            }
            required(problems, f + ".text", e.text());
            tooLong(problems, f + ".text", e.text(), MAX_TEXT);
            if (e.link() != null && !e.link().isBlank() && !isWebAddress(e.link().strip())) {
                problems.add(FieldProblem.of(f + ".link", "problem.governance.link", e.link()));
            }
            String id = id(e.id(), f, ids, problems);
            if (e.phase() == Governance.QualityPhase.EVALUATION) {
                evaluationIds.add(id);
            }
            evidence.add(new Governance.EvidenceItem(id, e.phase(), strip(e.text()),
                    e.link() == null || e.link().isBlank() ? null : e.link().strip(), e.date()));
        }
        var indicators = new ArrayList<Governance.IndicatorValue>();
        for (int i = 0; i < input.indicators().size(); i++) {
            var v = input.indicators().get(i);
            String f = "indicators[" + i + "]";
            if (v == null) {
                problems.add(FieldProblem.of(f, "problem.null"));
                continue;
            }
            if (!INDICATORS.contains(v.indicator())) {
                problems.add(FieldProblem.of(f + ".indicator", "problem.governance.indicator", String.valueOf(v.indicator())));
            }
            required(problems, f + ".value", v.value());
            required(problems, f + ".referencePeriod", v.referencePeriod());
            indicators.add(new Governance.IndicatorValue(v.indicator(), strip(v.value()), strip(v.referencePeriod())));
        }
        var actions = new ArrayList<Governance.ReviewAction>();
        for (int i = 0; i < input.actions().size(); i++) {
            var a = input.actions().get(i);
            String f = "actions[" + i + "]";
            if (a == null) {
                problems.add(FieldProblem.of(f, "problem.null"));
                continue;
            }
            required(problems, f + ".text", a.text());
            tooLong(problems, f + ".text", a.text(), MAX_TEXT);
            String finding = a.findingId() == null || a.findingId().isBlank() ? null : a.findingId().strip();
            if (finding != null && !evaluationIds.contains(finding)) {
                problems.add(FieldProblem.of(f + ".findingId", "problem.governance.finding", finding));
            }
            actions.add(new Governance.ReviewAction(id(a.id(), f, ids, problems), strip(a.text()), finding, a.done()));
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        return new Governance(stakeholders, evidence, null, input.nextReviewDate(), indicators, actions);
    }

    private static String id(String given, String field, Set<String> seen, List<FieldProblem> problems) {
        String id = given == null || given.isBlank() ? UUID.randomUUID().toString() : given.strip();
        if (!seen.add(id)) {
            problems.add(FieldProblem.of(field + ".id", "problem.governance.id", id));
        }
        return id;
    }

    private static void required(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "problem.required"));
        }
    }

    private static void tooLong(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(FieldProblem.of(field, "problem.atMost", max));
        }
    }

    private static boolean isWebAddress(String link) {
        try {
            var uri = new URI(link);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private void requireExists(String id) {
        if (!store.exists(id)) {
            throw new QualificationNotFoundException(id);
        }
    }
}
