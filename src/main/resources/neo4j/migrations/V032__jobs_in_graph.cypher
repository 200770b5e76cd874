// Background jobs live in the graph so that every application instance answers for every job; one lock node per job
// kind makes "one ESCO import at a time" hold across instances; the login throttle counts failures per username.
CREATE CONSTRAINT job_id IF NOT EXISTS FOR (j:Job) REQUIRE j.id IS UNIQUE;
CREATE CONSTRAINT job_lock_kind IF NOT EXISTS FOR (l:JobLock) REQUIRE l.kind IS UNIQUE;
CREATE INDEX job_state IF NOT EXISTS FOR (j:Job) ON (j.state);
CREATE CONSTRAINT login_attempts_key IF NOT EXISTS FOR (a:LoginAttempts) REQUIRE a.key IS UNIQUE;
CREATE INDEX login_attempts_first IF NOT EXISTS FOR (a:LoginAttempts) ON (a.first);
