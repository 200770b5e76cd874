// Units are versioned (docs/architecture.md, "Unit versions"): units stored before have version 0.
MATCH (u:Unit) WHERE u.version IS NULL SET u.version = 0;
