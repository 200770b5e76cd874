package org.qualigraph.base.neo4j;

import org.neo4j.dbms.api.DatabaseManagementService;

/**
 * The running in-process database, the loopback port of its Bolt connector and the password of user neo4j; shut down
 * with the application only if the application started it ({@code owned}), not if it was {@link ProvidedDatabase provided}.
 */
record EmbeddedNeo4j(DatabaseManagementService service, int boltPort, String password, boolean owned) {

    void shutdown() {
        if (owned) {
            service.shutdown();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedNeo4j[boltPort=" + boltPort + "]";
    }
}
