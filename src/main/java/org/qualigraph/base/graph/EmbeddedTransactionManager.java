package org.qualigraph.base.graph;

import java.util.concurrent.TimeUnit;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.ResourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's transactions over the embedded database's own: {@code @Transactional} begins a Neo4j {@link Transaction}
 * and binds it to the thread, every statement of {@link EmbeddedGraph} on that thread runs in it, and the method's end
 * commits or rolls it back. Nested {@code REQUIRES_NEW} suspends the bound transaction (Spring unbinds and rebinds it).
 * Failures on commit come out translated like those of statements (see {@link GraphExceptions}).
 */
public final class EmbeddedTransactionManager extends AbstractPlatformTransactionManager implements ResourceTransactionManager {

    private final GraphDatabaseService database;

    public EmbeddedTransactionManager(GraphDatabaseService database) {
        this.database = database;
        setNestedTransactionAllowed(false);
    }

    /**
     * The transaction bound to this thread for the database, or null outside a Spring transaction and once it has
     * ended (a statement from an {@code afterCommit} callback then runs in a transaction of its own).
     */
    static Transaction current(GraphDatabaseService database) {
        var holder = (Holder) TransactionSynchronizationManager.getResource(database);
        return holder == null || holder.completed ? null : holder.transaction;
    }

    @Override
    public Object getResourceFactory() {
        return database;
    }

    @Override
    protected Object doGetTransaction() {
        return new TxObject((Holder) TransactionSynchronizationManager.getResource(database));
    }

    @Override
    protected boolean isExistingTransaction(Object transaction) {
        return ((TxObject) transaction).holder != null;
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        Transaction tx;
        try {
            int timeout = determineTimeout(definition);
            tx = timeout > 0 ? database.beginTx(timeout, TimeUnit.SECONDS) : database.beginTx();
        } catch (RuntimeException e) {
            throw new CannotCreateTransactionException("could not begin a Neo4j transaction", e);
        }
        var holder = new Holder(tx);
        ((TxObject) transaction).holder = holder;
        TransactionSynchronizationManager.bindResource(database, holder);
    }

    @Override
    protected Object doSuspend(Object transaction) {
        ((TxObject) transaction).holder = null;
        return TransactionSynchronizationManager.unbindResource(database);
    }

    @Override
    protected void doResume(Object transaction, Object suspendedResources) {
        TransactionSynchronizationManager.bindResource(database, suspendedResources);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) throws TransactionException {
        var holder = ((TxObject) status.getTransaction()).holder;
        try {
            holder.transaction.commit();
        } catch (RuntimeException e) {
            throw GraphExceptions.translate(e);
        } finally {
            holder.completed = true;
        }
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) throws TransactionException {
        var holder = ((TxObject) status.getTransaction()).holder;
        try {
            holder.transaction.rollback();
        } catch (RuntimeException e) {
            throw GraphExceptions.translate(e);
        } finally {
            holder.completed = true;
        }
    }

    @Override
    protected void doSetRollbackOnly(DefaultTransactionStatus status) throws TransactionException {
        ((TxObject) status.getTransaction()).holder.rollbackOnly = true;
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        var tx = (TxObject) transaction;
        TransactionSynchronizationManager.unbindResourceIfPossible(database);
        if (tx.holder != null) {
            try {
                tx.holder.transaction.close();
            } catch (RuntimeException ignored) {
                // already committed or rolled back: closing only releases what is left
            }
        }
        tx.holder = null;
    }

    private static final class Holder {

        final Transaction transaction;
        boolean rollbackOnly;
        boolean completed;

        Holder(Transaction transaction) {
            this.transaction = transaction;
        }
    }

    private static final class TxObject implements org.springframework.transaction.support.SmartTransactionObject {

        Holder holder;

        TxObject(Holder holder) {
            this.holder = holder;
        }

        @Override
        public boolean isRollbackOnly() {
            return holder != null && holder.rollbackOnly;
        }

        @Override
        public void flush() {
        }
    }
}
