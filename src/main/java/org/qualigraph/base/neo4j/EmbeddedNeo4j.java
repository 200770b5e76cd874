package org.qualigraph.base.neo4j;

import org.neo4j.dbms.api.DatabaseManagementService;

/** The running in-process database and the loopback port of its Bolt connector. */
record EmbeddedNeo4j(DatabaseManagementService service, int boltPort) {

    void shutdown() {
        service.shutdown();
    }
}
