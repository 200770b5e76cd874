// Curriculum graph: every node a designer edits has a server-assigned UUID, unique per label.
CREATE CONSTRAINT qualification_id IF NOT EXISTS FOR (q:Qualification) REQUIRE q.id IS UNIQUE;
CREATE CONSTRAINT unit_id IF NOT EXISTS FOR (u:Unit) REQUIRE u.id IS UNIQUE;
CREATE CONSTRAINT outcome_id IF NOT EXISTS FOR (o:LearningOutcome) REQUIRE o.id IS UNIQUE;
CREATE CONSTRAINT wbl_id IF NOT EXISTS FOR (w:WorkBasedLearning) REQUIRE w.id IS UNIQUE;
CREATE CONSTRAINT assessment_id IF NOT EXISTS FOR (a:Assessment) REQUIRE a.id IS UNIQUE;
// Reference data keyed by natural keys.
CREATE CONSTRAINT esco_skill_uri IF NOT EXISTS FOR (s:EscoSkill) REQUIRE s.uri IS UNIQUE;
CREATE CONSTRAINT esco_occupation_uri IF NOT EXISTS FOR (o:EscoOccupation) REQUIRE o.uri IS UNIQUE;
CREATE CONSTRAINT isced_code IF NOT EXISTS FOR (f:IscedField) REQUIRE f.code IS UNIQUE;
CREATE CONSTRAINT key_competence_code IF NOT EXISTS FOR (k:KeyCompetence) REQUIRE k.code IS UNIQUE;
CREATE CONSTRAINT organisation_key IF NOT EXISTS FOR (o:Organisation) REQUIRE o.key IS UNIQUE;
CREATE CONSTRAINT nqf_level_key IF NOT EXISTS FOR (n:NqfLevel) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT user_username IF NOT EXISTS FOR (u:User) REQUIRE u.username IS UNIQUE;
// Lookups used by the qualification list filters.
CREATE INDEX qualification_status IF NOT EXISTS FOR (q:Qualification) ON (q.status);
CREATE INDEX qualification_eqf IF NOT EXISTS FOR (q:Qualification) ON (q.eqfLevel);
CREATE INDEX unit_code IF NOT EXISTS FOR (u:Unit) ON (u.code);
