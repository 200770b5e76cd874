/**
 * The graph-access port every module's store uses ({@link org.qualigraph.base.graph.Graph}) and its two adapters: the
 * embedded database's own transaction API in-process, and the Neo4j driver for a server or cluster. It exists so that
 * Qualigraph running embedded pays nothing for Bolt, while the same Cypher still runs against a remote database.
 */
package org.qualigraph.base.graph;
