package org.qualigraph.quality;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.qualigraph.curriculum.QualificationStatus;
import org.qualigraph.base.graph.Graph;
import org.springframework.stereotype.Repository;

/**
 * The review workflow's graph: transition records, approvals, comment threads, audit entries and the governance
 * record, each hung off its qualification and also carrying {@code qualificationId} so that the audit survives the
 * qualification's deletion. Callers run every method inside a transaction.
 */
@Repository
class WorkflowStore {

    private final Graph client;

    WorkflowStore(Graph client) {
        this.client = client;
    }

    boolean exists(String id) {
        return client.query("MATCH (q:Qualification {id: $id}) RETURN count(q) > 0").bind(id).to("id")
                .fetchAs(Boolean.class).one().orElse(false);
    }

    long version(String id) {
        return client.query("MATCH (q:Qualification {id: $id}) RETURN q.version").bind(id).to("id")
                .fetchAs(Long.class).one().orElse(-1L);
    }

    // ---- transitions and approvals

    void addReview(String qualificationId, QualificationStatus from, QualificationStatus to, String by, String comment) {
        client.query("""
                MATCH (q:Qualification {id: $q})
                CREATE (q)-[:HAS_REVIEW]->(:Review {id: $id, qualificationId: $q, from: $from, to: $to, by: $by,
                        at: datetime(), comment: $comment})
                """).bindAll(map("q", qualificationId, "id", UUID.randomUUID().toString(), "from", from.name(),
                "to", to.name(), "by", by, "comment", comment)).run();
    }

    /**
     * Records a transition together with the document as it was at that moment (JSON), so a later reader can see what
     * changed since, e.g. since a reviewer requested changes.
     */
    void addReview(String qualificationId, QualificationStatus from, QualificationStatus to, String by, String comment,
                   String snapshot) {
        client.query("""
                MATCH (q:Qualification {id: $q})
                CREATE (q)-[:HAS_REVIEW]->(:Review {id: $id, qualificationId: $q, from: $from, to: $to, by: $by,
                        at: datetime(), comment: $comment, snapshot: $snapshot})
                """).bindAll(map("q", qualificationId, "id", UUID.randomUUID().toString(), "from", from.name(),
                "to", to.name(), "by", by, "comment", comment, "snapshot", snapshot)).run();
    }

    /** The latest transition into this status that kept a snapshot of the document: by, at, snapshot. */
    Optional<Map<String, Object>> latestSnapshot(String qualificationId, QualificationStatus to) {
        return client.query("""
                MATCH (r:Review {qualificationId: $q, to: $to}) WHERE r.snapshot IS NOT NULL
                RETURN r.by AS by, r.at AS at, r.snapshot AS snapshot ORDER BY r.at DESC LIMIT 1
                """).bindAll(map("q", qualificationId, "to", to.name())).fetch().one();
    }

    List<ReviewRecord> reviews(String qualificationId) {
        return client.query("""
                MATCH (r:Review {qualificationId: $q})
                RETURN r.id AS id, r.from AS from, r.to AS to, r.by AS by, r.at AS at, r.comment AS comment
                ORDER BY r.at, r.id
                """).bind(qualificationId).to("q").fetch().all().stream().map(row -> new ReviewRecord(
                (String) row.get("id"), QualificationStatus.valueOf((String) row.get("from")),
                QualificationStatus.valueOf((String) row.get("to")), (String) row.get("by"), time(row.get("at")),
                (String) row.get("comment"))).toList();
    }

    void addApproval(String qualificationId, Governance.Approval approval) {
        client.query("""
                MATCH (q:Qualification {id: $q})
                OPTIONAL MATCH (q)-[:HAS_APPROVAL]->(old:Approval) WHERE old.revoked = false
                SET old.revoked = true
                WITH DISTINCT q
                CREATE (q)-[:HAS_APPROVAL]->(:Evidence:Approval {id: $id, qualificationId: $q, body: $body, date: $date,
                        decision: $decision, approvedBy: $by, at: datetime(), revoked: false})
                """).bindAll(map("q", qualificationId, "id", UUID.randomUUID().toString(), "body", approval.body(),
                "date", approval.date(), "decision", approval.decision(), "by", approval.approvedBy())).run();
    }

    /** The approving body of the latest approval of this qualification, revoked or not. */
    Optional<String> lastApprovingBody(String qualificationId) {
        return client.query("""
                MATCH (:Qualification {id: $q})-[:HAS_APPROVAL]->(a:Approval)
                RETURN a.body ORDER BY a.at DESC LIMIT 1
                """).bind(qualificationId).to("q").fetchAs(String.class).one();
    }

    void revokeApproval(String qualificationId) {
        client.query("MATCH (:Qualification {id: $q})-[:HAS_APPROVAL]->(a:Approval) SET a.revoked = true")
                .bind(qualificationId).to("q").run();
    }

    Optional<Governance.Approval> approval(String qualificationId) {
        return client.query("""
                MATCH (:Qualification {id: $q})-[:HAS_APPROVAL]->(a:Approval) WHERE a.revoked = false
                RETURN a.body AS body, a.date AS date, a.decision AS decision, a.approvedBy AS approvedBy
                ORDER BY a.at DESC LIMIT 1
                """).bind(qualificationId).to("q").fetch().one().map(row -> new Governance.Approval(
                (String) row.get("body"), (LocalDate) row.get("date"), (String) row.get("decision"),
                (String) row.get("approvedBy")));
    }

    // ---- comments

    /** The node a comment is about, by id or code within the qualification; empty when there is no such node. */
    Optional<String> resolveTarget(String qualificationId, ReviewComment.TargetKind kind, String ref) {
        String query = switch (kind) {
            case QUALIFICATION -> "MATCH (t:Qualification {id: $q}) RETURN t.id";
            case UNIT -> "MATCH (:Qualification {id: $q})-[:HAS_UNIT]->(t:Unit) WHERE t.id = $ref OR t.code = $ref RETURN t.code LIMIT 1";
            case OUTCOME -> """
                    MATCH (:Qualification {id: $q})-[:HAS_UNIT]->(:Unit)-[:HAS_OUTCOME]->(t:LearningOutcome)
                    WHERE t.id = $ref OR t.code = $ref RETURN t.code LIMIT 1""";
        };
        return client.query(query).bindAll(map("q", qualificationId, "ref", ref)).fetchAs(String.class).one();
    }

    /** The ids of the units (of this qualification) that a comment on this unit or outcome code is about. */
    List<String> targetUnits(String qualificationId, ReviewComment.TargetKind kind, String code) {
        String query = switch (kind) {
            case QUALIFICATION -> "RETURN null AS id LIMIT 0";
            case UNIT -> "MATCH (:Qualification {id: $q})-[:HAS_UNIT]->(u:Unit {code: $code}) RETURN u.id";
            case OUTCOME -> "MATCH (:Qualification {id: $q})-[:HAS_UNIT]->(u:Unit)-[:HAS_OUTCOME]->(:LearningOutcome {code: $code}) RETURN u.id";
        };
        return List.copyOf(client.query(query).bindAll(map("q", qualificationId, "code", code)).fetchAs(String.class).all());
    }

    String addComment(String qualificationId, ReviewComment.TargetKind kind, String code, String text, String author) {
        String id = UUID.randomUUID().toString();
        String target = switch (kind) {
            case QUALIFICATION -> "MATCH (t:Qualification {id: $q})";
            case UNIT -> "MATCH (:Qualification {id: $q})-[:HAS_UNIT]->(t:Unit {code: $code})";
            case OUTCOME -> "MATCH (:Qualification {id: $q})-[:HAS_UNIT]->(:Unit)-[:HAS_OUTCOME]->(t:LearningOutcome {code: $code})";
        };
        client.query(target + """
                
                WITH t LIMIT 1
                CREATE (c:Comment {id: $id, qualificationId: $q, text: $text, author: $author, at: datetime(),
                        resolved: false, targetKind: $kind, targetCode: $code})-[:ON]->(t)
                """).bindAll(map("q", qualificationId, "id", id, "text", text, "author", author, "kind", kind.name(),
                "code", code)).run();
        return id;
    }

    Optional<Map<String, Object>> comment(String qualificationId, String commentId) {
        return client.query("""
                MATCH (c:Comment {id: $id, qualificationId: $q})
                RETURN c.targetKind AS kind, c.targetCode AS code, c.author AS author
                """).bindAll(map("q", qualificationId, "id", commentId)).fetch().one();
    }

    String addReply(String qualificationId, String parentId, String text, String author) {
        String id = UUID.randomUUID().toString();
        client.query("""
                MATCH (p:Comment {id: $parent, qualificationId: $q})
                CREATE (c:Comment {id: $id, qualificationId: $q, text: $text, author: $author, at: datetime(),
                        resolved: false, targetKind: p.targetKind, targetCode: p.targetCode})-[:REPLY_TO]->(p)
                """).bindAll(map("q", qualificationId, "parent", parentId, "id", id, "text", text, "author", author)).run();
        return id;
    }

    void setResolved(String qualificationId, String commentId, boolean resolved, String user) {
        client.query("""
                MATCH (c:Comment {id: $id, qualificationId: $q})
                SET c.resolved = $resolved, c.resolvedBy = CASE WHEN $resolved THEN $user ELSE null END,
                    c.resolvedAt = CASE WHEN $resolved THEN datetime() ELSE null END
                """).bindAll(map("q", qualificationId, "id", commentId, "resolved", resolved, "user", user)).run();
    }

    /** All comments of a qualification as threads (roots oldest first, replies nested oldest first). */
    List<ReviewComment> comments(String qualificationId) {
        var rows = client.query("""
                MATCH (c:Comment {qualificationId: $q})
                RETURN c.id AS id, c.text AS text, c.author AS author, c.at AS at, c.resolved AS resolved,
                       c.resolvedBy AS resolvedBy, c.targetKind AS kind, c.targetCode AS code,
                       head([(c)-[:REPLY_TO]->(p) | p.id]) AS replyTo
                ORDER BY c.at, c.id
                """).bind(qualificationId).to("q").fetch().all();
        Map<String, List<String>> children = new HashMap<>();
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        var roots = new ArrayList<String>();
        for (var row : rows) {
            String id = (String) row.get("id");
            byId.put(id, row);
            String parent = (String) row.get("replyTo");
            if (parent == null) {
                roots.add(id);
            } else {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(id);
            }
        }
        return roots.stream().map(id -> thread(id, byId, children)).toList();
    }

    private static ReviewComment thread(String id, Map<String, Map<String, Object>> byId, Map<String, List<String>> children) {
        var row = byId.get(id);
        var replies = children.getOrDefault(id, List.of()).stream().map(c -> thread(c, byId, children)).toList();
        return new ReviewComment(id, (String) row.get("text"), (String) row.get("author"), time(row.get("at")),
                Boolean.TRUE.equals(row.get("resolved")), (String) row.get("resolvedBy"),
                ReviewComment.TargetKind.valueOf((String) row.get("kind")), (String) row.get("code"),
                (String) row.get("replyTo"), replies);
    }

    // ---- audit

    void addAudit(String qualificationId, String user, String action, String detail, long version) {
        addAudit(qualificationId, user, action, detail, null, version);
    }

    /**
     * An entry whose detail is also kept as words ({@link RevisionDiff.Words}), read in each reader's language. Written
     * with the transaction's held-back writes ({@code runLater}): a save's entry reaches the database in the statement
     * that writes the save's diff, and commits or rolls back with it.
     */
    void addAudit(String qualificationId, String user, String action, String detail, Object words, long version) {
        client.query("""
                OPTIONAL MATCH (q:Qualification {id: $q})
                CREATE (a:AuditEntry {qualificationId: $q, at: datetime(), user: $user, action: $action, detail: $detail,
                        words: $words, version: $version})
                FOREACH (x IN CASE WHEN q IS NULL THEN [] ELSE [q] END | CREATE (a)-[:ABOUT]->(x))
                """).bindAll(map("q", qualificationId, "user", user, "action", action, "detail", detail,
                "words", AuditEntry.json(words), "version", version)).runLater();
    }

    /**
     * Who wrote this revision: the users who created (or derived, duplicated, revised) it, edited its content or
     * submitted it for review. Restoring a workspace copies what others wrote and makes no one an author.
     */
    java.util.Set<String> authors(String qualificationId) {
        return new java.util.HashSet<>(client.query("""
                MATCH (a:AuditEntry {qualificationId: $q})
                WHERE a.action IN ['CREATED', 'DERIVED', 'DUPLICATED', 'REVISED', 'UPDATED']
                  AND NOT coalesce(a.detail, '') STARTS WITH 'restored'
                RETURN a.user AS user
                UNION
                MATCH (r:Review {qualificationId: $q, to: 'IN_REVIEW'})
                RETURN r.by AS user
                """).bind(qualificationId).to("q").fetchAs(String.class).all());
    }

    List<AuditEntry> audit(String qualificationId) {
        return client.query("""
                MATCH (a:AuditEntry {qualificationId: $q})
                RETURN a.at AS at, a.user AS user, a.action AS action, a.detail AS detail, a.version AS version,
                       a.words AS words
                ORDER BY a.at, a.version
                """).bind(qualificationId).to("q").fetch().all().stream().map(row -> new AuditEntry(time(row.get("at")),
                (String) row.get("user"), (String) row.get("action"), (String) row.get("detail"),
                ((Number) row.get("version")).longValue(), (String) row.get("words"))).toList();
    }

    /** Removes what hangs off a deleted qualification, except its audit entries. */
    void forget(String qualificationId) {
        client.query("""
                MATCH (n) WHERE (n:Review OR n:Comment OR n:Evidence) AND n.qualificationId = $q
                DETACH DELETE n
                """).bind(qualificationId).to("q").run();
    }

    // ---- governance

    Governance governance(String qualificationId) {
        // one statement (a report computed again after every save reads it): each part in its stored order
        var row = client.query("""
                RETURN COLLECT { MATCH (s:Evidence:Stakeholder {qualificationId: $q}) WITH s ORDER BY s.position
                                 RETURN s {.id, .name, .organisation, .kind} } AS stakeholders,
                       COLLECT { MATCH (e:Evidence:EvidenceItem {qualificationId: $q}) WITH e ORDER BY e.position
                                 RETURN e {.id, .phase, .text, .link, .date} } AS evidence,
                       COLLECT { MATCH (i:Evidence:IndicatorValue {qualificationId: $q}) WITH i ORDER BY i.position
                                 RETURN i {.indicator, .value, period: i.referencePeriod} } AS indicators,
                       COLLECT { MATCH (a:Evidence:ReviewAction {qualificationId: $q}) WITH a ORDER BY a.position
                                 RETURN a {.id, .text, finding: head([(a)-[:RESPONDS_TO]->(f) | f.id]), .done} } AS actions,
                       COLLECT { MATCH (g:GovernanceRecord {qualificationId: $q}) RETURN {date: g.nextReviewDate} } AS records,
                       COLLECT { MATCH (:Qualification {id: $q})-[:HAS_APPROVAL]->(a:Approval) WHERE a.revoked = false
                                 WITH a ORDER BY a.at DESC LIMIT 1
                                 RETURN a {.body, .date, .decision, .approvedBy} } AS approvals
                """).bind(qualificationId).to("q").fetch().one().orElseThrow();
        var stakeholders = maps(row.get("stakeholders")).stream().map(s -> new Governance.Stakeholder(
                (String) s.get("id"), (String) s.get("name"), (String) s.get("organisation"),
                Governance.StakeholderKind.valueOf((String) s.get("kind")))).toList();
        var evidence = maps(row.get("evidence")).stream().map(e -> new Governance.EvidenceItem(
                (String) e.get("id"), Governance.QualityPhase.valueOf((String) e.get("phase")),
                (String) e.get("text"), (String) e.get("link"), (LocalDate) e.get("date"))).toList();
        var indicators = maps(row.get("indicators")).stream().map(i -> new Governance.IndicatorValue(
                ((Number) i.get("indicator")).intValue(), (String) i.get("value"), (String) i.get("period"))).toList();
        var actions = maps(row.get("actions")).stream().map(a -> new Governance.ReviewAction(
                (String) a.get("id"), (String) a.get("text"), (String) a.get("finding"),
                Boolean.TRUE.equals(a.get("done")))).toList();
        var records = maps(row.get("records"));
        if (records.size() > 1) {
            throw new org.springframework.dao.IncorrectResultSizeDataAccessException(
                    "more than one governance record for " + qualificationId, 1, records.size());
        }
        LocalDate nextReview = records.isEmpty() ? null : (LocalDate) records.get(0).get("date");
        var approval = maps(row.get("approvals")).stream().findFirst().map(a -> new Governance.Approval(
                (String) a.get("body"), (LocalDate) a.get("date"), (String) a.get("decision"),
                (String) a.get("approvedBy"))).orElse(null);
        return new Governance(stakeholders, evidence, approval, nextReview, indicators, actions);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object list) {
        return list == null ? List.of() : (List<Map<String, Object>>) list;
    }

    /**
     * Replaces the record (all but the approval, which only the approve transition writes). Ids must be set. Raises
     * the record's version, which the key of the stored quality report reads ({@link QualityReportStore}).
     */
    void writeGovernance(String qualificationId, Governance g) {
        client.query("""
                MATCH (n:Evidence {qualificationId: $q}) WHERE n:Stakeholder OR n:EvidenceItem OR n:IndicatorValue OR n:ReviewAction
                DETACH DELETE n
                """).bind(qualificationId).to("q").run();
        var stakeholders = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < g.stakeholders().size(); i++) {
            var s = g.stakeholders().get(i);
            stakeholders.add(map("id", s.id(), "name", s.name(), "organisation", s.organisation(), "kind", s.kind().name(), "position", i));
        }
        var evidence = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < g.evidence().size(); i++) {
            var e = g.evidence().get(i);
            evidence.add(map("id", e.id(), "phase", e.phase().name(), "text", e.text(), "link", e.link(), "date", e.date(), "position", i));
        }
        var indicators = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < g.indicators().size(); i++) {
            var v = g.indicators().get(i);
            indicators.add(map("indicator", v.indicator(), "value", v.value(), "period", v.referencePeriod(), "position", i));
        }
        var actions = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < g.actions().size(); i++) {
            var a = g.actions().get(i);
            actions.add(map("id", a.id(), "text", a.text(), "finding", a.findingId(), "done", a.done(), "position", i));
        }
        client.query("""
                MATCH (q:Qualification {id: $q})
                MERGE (g:Evidence:GovernanceRecord {qualificationId: $q})
                MERGE (q)-[:HAS_GOVERNANCE]->(g)
                SET g.nextReviewDate = $next, g.version = coalesce(g.version, 0) + 1
                WITH q
                CALL (q) {
                  UNWIND $stakeholders AS s
                  CREATE (q)-[:HAS_STAKEHOLDER]->(:Evidence:Stakeholder {id: s.id, qualificationId: $q, name: s.name,
                          organisation: s.organisation, kind: s.kind, position: s.position})
                }
                CALL (q) {
                  UNWIND $evidence AS e
                  CREATE (q)-[:HAS_EVIDENCE]->(:Evidence:EvidenceItem {id: e.id, qualificationId: $q, phase: e.phase,
                          text: e.text, link: e.link, date: e.date, position: e.position})
                }
                CALL (q) {
                  UNWIND $indicators AS i
                  CREATE (q)-[:HAS_INDICATOR]->(:Evidence:IndicatorValue {qualificationId: $q, indicator: i.indicator,
                          value: i.value, referencePeriod: i.period, position: i.position})
                }
                CALL (q) {
                  UNWIND $actions AS a
                  CREATE (q)-[:HAS_ACTION]->(x:Evidence:ReviewAction {id: a.id, qualificationId: $q, text: a.text,
                          done: a.done, position: a.position})
                  WITH x, a
                  OPTIONAL MATCH (f:EvidenceItem {qualificationId: $q, id: a.finding})
                  FOREACH (y IN CASE WHEN f IS NULL THEN [] ELSE [f] END | CREATE (x)-[:RESPONDS_TO]->(y))
                }
                """).bindAll(map("q", qualificationId, "next", g.nextReviewDate(), "stakeholders", stakeholders,
                "evidence", evidence, "indicators", indicators, "actions", actions)).run();
    }

    private static ZonedDateTime time(Object value) {
        return value instanceof ZonedDateTime at ? at : null;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        var result = new HashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            result.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return result;
    }
}
