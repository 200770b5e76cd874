// Stored quality reports (docs/architecture.md, "Quality reports"): one snapshot per qualification, derived instance
// state that any instance serves while its key still matches the qualification's inputs.
CREATE CONSTRAINT quality_report_snapshot_qualification IF NOT EXISTS
FOR (s:QualityReportSnapshot) REQUIRE s.qualificationId IS UNIQUE;
