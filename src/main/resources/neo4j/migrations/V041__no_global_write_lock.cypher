// Saves no longer queue on one global lock node (see "Locks" in docs/architecture.md), and the audit trail records
// changes rather than a JSON snapshot of the last audited document: both kinds of node go.
MATCH (l:WriteLock) DELETE l;
DROP CONSTRAINT write_lock_name IF EXISTS;
MATCH (s:AuditSnapshot) DETACH DELETE s;
