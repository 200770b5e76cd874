// The workflow stamp (docs/architecture.md, "Menu counts"): one node whose counter every status change advances, so
// that each instance learns of another's transitions by reading one number.
CREATE CONSTRAINT status_stamp_id IF NOT EXISTS FOR (s:StatusStamp) REQUIRE s.id IS UNIQUE;
MERGE (s:StatusStamp {id: 'workflow'}) ON CREATE SET s.tick = 0;
