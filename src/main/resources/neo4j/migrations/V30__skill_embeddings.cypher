// Skills by meaning: sentence vectors (all-MiniLM-L6-v2, 384 dimensions, unit length) on ESCO skills and occupations,
// written by the embedding job after an import; embeddingHash identifies the model and the text that was embedded.
CREATE VECTOR INDEX esco_skill_embedding IF NOT EXISTS FOR (n:EscoSkill) ON n.embedding
OPTIONS {indexConfig: {`vector.dimensions`: 384, `vector.similarity_function`: 'cosine'}};
CREATE VECTOR INDEX esco_occupation_embedding IF NOT EXISTS FOR (n:EscoOccupation) ON n.embedding
OPTIONS {indexConfig: {`vector.dimensions`: 384, `vector.similarity_function`: 'cosine'}};
