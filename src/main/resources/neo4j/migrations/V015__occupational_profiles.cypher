// Occupational profiles and their local (non-ESCO) skills, keyed by server-assigned UUIDs.
CREATE CONSTRAINT occupational_profile_id IF NOT EXISTS FOR (p:OccupationalProfile) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT local_skill_id IF NOT EXISTS FOR (l:LocalSkill) REQUIRE l.id IS UNIQUE;
