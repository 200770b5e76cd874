package org.qualigraph.base.graph;

/** Counts the statements each thread runs, whichever adapter runs them (see {@link Graph#statementsOnThisThread()}). */
final class StatementCounter {

    private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);

    private StatementCounter() {
    }

    static void increment() {
        COUNT.get()[0]++;
    }

    static long current() {
        return COUNT.get()[0];
    }
}
