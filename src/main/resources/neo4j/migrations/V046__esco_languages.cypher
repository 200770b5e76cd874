// ESCO in more languages: a language package adds label_<lang>, searchText_<lang> (alternative labels, one a line),
// altLabels_<lang> and description_<lang> to the concepts already loaded; each language is searched through its own
// full-text index with Neo4j's analyzer for that language (Polish has none among Neo4j's analyzers: standard-folding).
// Adding a language here is what makes its packages importable (esco/EscoLanguages lists the same codes).
CREATE CONSTRAINT esco_language_code IF NOT EXISTS FOR (l:EscoLanguage) REQUIRE l.code IS UNIQUE;
CREATE FULLTEXT INDEX esco_skill_search_de IF NOT EXISTS FOR (n:EscoSkill) ON EACH [n.label_de, n.searchText_de]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'german'}};
CREATE FULLTEXT INDEX esco_occupation_search_de IF NOT EXISTS FOR (n:EscoOccupation) ON EACH [n.label_de, n.searchText_de]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'german'}};
CREATE FULLTEXT INDEX esco_skill_search_fr IF NOT EXISTS FOR (n:EscoSkill) ON EACH [n.label_fr, n.searchText_fr]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'french'}};
CREATE FULLTEXT INDEX esco_occupation_search_fr IF NOT EXISTS FOR (n:EscoOccupation) ON EACH [n.label_fr, n.searchText_fr]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'french'}};
CREATE FULLTEXT INDEX esco_skill_search_it IF NOT EXISTS FOR (n:EscoSkill) ON EACH [n.label_it, n.searchText_it]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'italian'}};
CREATE FULLTEXT INDEX esco_occupation_search_it IF NOT EXISTS FOR (n:EscoOccupation) ON EACH [n.label_it, n.searchText_it]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'italian'}};
CREATE FULLTEXT INDEX esco_skill_search_es IF NOT EXISTS FOR (n:EscoSkill) ON EACH [n.label_es, n.searchText_es]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'spanish'}};
CREATE FULLTEXT INDEX esco_occupation_search_es IF NOT EXISTS FOR (n:EscoOccupation) ON EACH [n.label_es, n.searchText_es]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'spanish'}};
CREATE FULLTEXT INDEX esco_skill_search_pl IF NOT EXISTS FOR (n:EscoSkill) ON EACH [n.label_pl, n.searchText_pl]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE FULLTEXT INDEX esco_occupation_search_pl IF NOT EXISTS FOR (n:EscoOccupation) ON EACH [n.label_pl, n.searchText_pl]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE FULLTEXT INDEX esco_skill_search_nl IF NOT EXISTS FOR (n:EscoSkill) ON EACH [n.label_nl, n.searchText_nl]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'dutch'}};
CREATE FULLTEXT INDEX esco_occupation_search_nl IF NOT EXISTS FOR (n:EscoOccupation) ON EACH [n.label_nl, n.searchText_nl]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'dutch'}};
CREATE FULLTEXT INDEX esco_skill_search_pt IF NOT EXISTS FOR (n:EscoSkill) ON EACH [n.label_pt, n.searchText_pt]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'portuguese'}};
CREATE FULLTEXT INDEX esco_occupation_search_pt IF NOT EXISTS FOR (n:EscoOccupation) ON EACH [n.label_pt, n.searchText_pt]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'portuguese'}};
