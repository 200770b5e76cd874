// ESCO reference data: natural keys and the full-text indexes behind the skill and occupation search.
CREATE CONSTRAINT isco_group_uri IF NOT EXISTS FOR (g:IscoGroup) REQUIRE g.uri IS UNIQUE;
CREATE CONSTRAINT esco_release_version IF NOT EXISTS FOR (r:EscoRelease) REQUIRE r.version IS UNIQUE;
// searchText holds the alternative labels, one a line; label is the preferred label (boosted in queries).
CREATE FULLTEXT INDEX esco_skill_search IF NOT EXISTS FOR (n:EscoSkill) ON EACH [n.label, n.searchText];
CREATE FULLTEXT INDEX esco_occupation_search IF NOT EXISTS FOR (n:EscoOccupation) ON EACH [n.label, n.searchText];
CREATE INDEX esco_skill_reuse_level IF NOT EXISTS FOR (n:EscoSkill) ON (n.reuseLevel);
CREATE INDEX esco_skill_type IF NOT EXISTS FOR (n:EscoSkill) ON (n.skillType);
CREATE INDEX esco_occupation_isco IF NOT EXISTS FOR (n:EscoOccupation) ON (n.iscoGroup);
CREATE INDEX esco_release_current IF NOT EXISTS FOR (r:EscoRelease) ON (r.current);
