package org.qualigraph.base.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes whose results nobody reads, held back by the transaction that made them ({@link GraphQuery#runLater()}) and
 * sent as one statement: before the next statement of that transaction runs (so every read, lock and write sees them,
 * in the order they were made), or just before it commits. A save's diff and its audit entry thus reach the database
 * in one round trip, while each module keeps writing only its own labels with its own Cypher. Each write becomes a
 * unit subquery {@code CALL () { ... }} of the combined statement, run in order with its parameters renamed apart; so
 * a held-back write must not end in {@code RETURN} and must not write {@code $} inside a string literal.
 * <p>
 * Bound to the transaction as a resource and a synchronization, so that a transaction suspended for a new one
 * ({@code REQUIRES_NEW}) keeps its writes for itself, and dropped with it on rollback.
 */
final class DeferredWrites implements TransactionSynchronization {

    private static final Pattern PARAMETER = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

    private record Write(String cypher, Map<String, Object> parameters) {
    }

    private final GraphExecutor executor;
    private final List<Write> writes = new ArrayList<>();

    private DeferredWrites(GraphExecutor executor) {
        this.executor = executor;
    }

    /** Holds the write back when the thread is in a transaction; runs it now otherwise. */
    static void add(GraphExecutor executor, String cypher, Map<String, Object> parameters) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            executor.run(cypher, parameters);
            return;
        }
        var pending = (DeferredWrites) TransactionSynchronizationManager.getResource(executor);
        if (pending == null) {
            pending = new DeferredWrites(executor);
            TransactionSynchronizationManager.bindResource(executor, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.writes.add(new Write(cypher, new HashMap<>(parameters)));
    }

    /** Sends the writes this thread's transaction holds back, if any, as one statement. */
    static void flush(GraphExecutor executor) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        var pending = (DeferredWrites) TransactionSynchronizationManager.getResource(executor);
        if (pending != null) {
            pending.send();
        }
    }

    /**
     * The read {@code cypher} with this thread's held-back writes in front of it, as one statement whose rows are the
     * read's: the writes run first, in order, and the read sees them (a statement sees its own writes). Without
     * held-back writes (or outside a transaction) the read as it is. The read's parameters must not start with
     * {@code w<digit>}; it must be one query (no top-level {@code UNION}), not a schema or administration command.
     */
    static Statement before(GraphExecutor executor, String cypher, Map<String, Object> parameters) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new Statement(cypher, parameters);
        }
        var pending = (DeferredWrites) TransactionSynchronizationManager.getResource(executor);
        if (pending == null || pending.writes.isEmpty()) {
            return new Statement(cypher, parameters);
        }
        var batch = List.copyOf(pending.writes);
        pending.writes.clear();
        var combined = combined(batch);
        var all = new HashMap<>(combined.parameters());
        parameters.forEach((name, value) -> {
            if (all.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("parameter " + name + " of the read clashes with a held-back write's");
            }
        });
        return new Statement(combined.cypher() + cypher, all);
    }

    /** A statement and its parameters. */
    record Statement(String cypher, Map<String, Object> parameters) {
    }

    private void send() {
        if (writes.isEmpty()) {
            return;
        }
        var batch = List.copyOf(writes);
        writes.clear();
        if (batch.size() == 1) {
            executor.run(batch.get(0).cypher(), batch.get(0).parameters());
            return;
        }
        var combined = combined(batch);
        executor.run(combined.cypher(), combined.parameters());
    }

    /** The writes as unit subqueries {@code CALL () { ... }}, run in order, with their parameters renamed apart. */
    private static Statement combined(List<Write> batch) {
        var cypher = new StringBuilder();
        var parameters = new HashMap<String, Object>();
        for (int i = 0; i < batch.size(); i++) {
            String prefix = "w" + i + "_";
            var write = batch.get(i);
            Matcher m = PARAMETER.matcher(write.cypher());
            cypher.append("CALL () {\n").append(m.replaceAll(r -> Matcher.quoteReplacement("$" + prefix + r.group(1))))
                    .append("\n}\n");
            write.parameters().forEach((name, value) -> parameters.put(prefix + name, value));
        }
        return new Statement(cypher.toString(), parameters);
    }

    @Override
    public void flush() {
        send();
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        send();
    }

    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResourceIfPossible(executor);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(executor, this);
    }

    @Override
    public void afterCompletion(int status) {
        writes.clear();
        TransactionSynchronizationManager.unbindResourceIfPossible(executor);
    }
}
