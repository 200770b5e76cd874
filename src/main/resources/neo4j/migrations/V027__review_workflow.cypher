// Review workflow: transition records, comments, audit entries and governance evidence are looked up per qualification.
CREATE CONSTRAINT review_id IF NOT EXISTS FOR (r:Review) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT comment_id IF NOT EXISTS FOR (c:Comment) REQUIRE c.id IS UNIQUE;
CREATE INDEX review_qualification IF NOT EXISTS FOR (r:Review) ON (r.qualificationId);
CREATE INDEX comment_qualification IF NOT EXISTS FOR (c:Comment) ON (c.qualificationId);
CREATE INDEX audit_qualification IF NOT EXISTS FOR (a:AuditEntry) ON (a.qualificationId);
CREATE INDEX evidence_qualification IF NOT EXISTS FOR (e:Evidence) ON (e.qualificationId);
