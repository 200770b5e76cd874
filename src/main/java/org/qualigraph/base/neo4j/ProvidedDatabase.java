package org.qualigraph.base.neo4j;

import org.neo4j.dbms.api.DatabaseManagementService;

/**
 * A database already running in this JVM that the application uses instead of starting its own, for example the
 * tests' neo4j-harness: a bean of this type makes the embedded configuration adopt it (and leave its shutdown to its
 * owner). Its Bolt connector, on {@code boltPort}, must not require a password other than the configured one.
 */
public record ProvidedDatabase(DatabaseManagementService service, int boltPort) {
}
