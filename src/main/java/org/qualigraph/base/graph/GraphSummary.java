package org.qualigraph.base.graph;

/** What a statement changed, from either adapter. */
public record GraphSummary(int nodesCreated, int nodesDeleted, int relationshipsCreated, int relationshipsDeleted,
        int propertiesSet, int labelsAdded, int labelsRemoved) {

    /** Whether the statement changed anything at all. */
    public boolean containsUpdates() {
        return nodesCreated + nodesDeleted + relationshipsCreated + relationshipsDeleted + propertiesSet + labelsAdded
                + labelsRemoved > 0;
    }
}
