/**
 * Background jobs: long work (reference-data imports, large checks) runs off the request and UI threads, and anyone
 * may follow it by id through {@code GET /api/jobs/{id}}, in the log, or live in a view through a listener. It exists
 * so that no feature has to invent its own progress reporting. Jobs are kept in the graph, so every application
 * instance over one database knows every job.
 */
package org.qualigraph.jobs;
