package org.qualigraph.base.graph;

import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.kernel.api.exceptions.Status;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * The embedded database's failures as the exceptions Spring Data Neo4j's translator gives for the same status codes
 * over the driver, so callers and {@code TransientRetry} see the same thing from both adapters.
 */
final class GraphExceptions {

    private GraphExceptions() {
    }

    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof DataAccessException) {
            return failure;
        }
        String code = code(failure);
        String message = code == null ? failure.getMessage() : code + ": " + failure.getMessage();
        if (code == null) {
            if (isTransient(failure)) {
                return new TransientDataAccessResourceException(message, failure);
            }
            return new NonTransientDataAccessResourceException(message, failure);
        }
        if (code.startsWith("Neo.TransientError.")) {
            return new TransientDataAccessResourceException(message, failure);
        }
        if (code.equals("Neo.ClientError.Schema.ConstraintValidationFailed")
                || code.startsWith("Neo.ClientError.Schema.Constraint")) {
            return new DataIntegrityViolationException(message, failure);
        }
        if (code.startsWith("Neo.ClientError.Statement.")) {
            return new InvalidDataAccessResourceUsageException(message, failure);
        }
        return new NonTransientDataAccessResourceException(message, failure);
    }

    /** The Neo4j status code in the failure or its causes, e.g. {@code Neo.TransientError.Transaction.DeadlockDetected}. */
    static String code(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof QueryExecutionException q && q.getStatusCode() != null) {
                return q.getStatusCode();
            }
            if (t instanceof Status.HasStatus s && s.status() != null) {
                return s.status().code().serialize();
            }
        }
        return null;
    }

    private static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.neo4j.graphdb.TransientFailureException) {
                return true;
            }
        }
        return false;
    }
}
