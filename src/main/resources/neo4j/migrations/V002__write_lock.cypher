// One node that every qualification write locks first, so concurrent document writes run one after another instead
// of deadlocking on the ESCO skills, key competences and organisations they share (see QualificationStore.lockWrites).
CREATE CONSTRAINT write_lock_name IF NOT EXISTS FOR (l:WriteLock) REQUIRE l.name IS UNIQUE;
