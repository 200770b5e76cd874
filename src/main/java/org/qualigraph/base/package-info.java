/**
 * Shared infrastructure only: the embedded Neo4j lifecycle and schema migrations, security, error answers and the
 * main layout. It exists so that feature modules stay about their capability and never about plumbing; nothing here
 * knows a feature.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.qualigraph.base;
