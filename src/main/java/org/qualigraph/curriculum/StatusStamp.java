package org.qualigraph.curriculum;

import org.qualigraph.base.graph.Graph;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Advances the workflow stamp ({@link QualificationService#statusStamp()}) once a status change, deletion or change of
 * ownership is committed. It does so in a transaction of its own, after the change, so that the one node every transition touches
 * is never held together with the locks of a qualification and its units (no lock order to keep, no deadlock); a
 * crash between the two only delays the other instances' counts to their users' next navigation.
 */
@Component
class StatusStamp {

    /** What moves a qualification into or out of someone's inbox: its status, its deletion, who may change it. */
    private static final java.util.Set<String> INBOX_ACTIONS = java.util.Set.of("STATUS", "DELETED", "OWNERSHIP");

    private final QualificationStore store;
    private final Graph graph;

    StatusStamp(QualificationStore store, Graph graph) {
        this.store = store;
        this.graph = graph;
    }

    /**
     * Opens its transaction only for the actions that move the stamp: other changes (the demo's hundreds of creations
     * at start) open none, so that a stop during them finds no transaction beginning on a closing database.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(QualificationChanged event) {
        if (INBOX_ACTIONS.contains(event.action())) {
            graph.inNewTransaction(store::advanceStatusStamp);
        }
    }
}
