package org.qualigraph.base.neo4j;

import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Method;
import java.util.function.Supplier;
import java.util.concurrent.ThreadLocalRandom;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.springframework.aop.ProxyMethodInvocation;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a write transaction again when the database refused it for a transient reason, above all a deadlock. Two
 * designers saving qualifications that map the same ESCO skills or share awarding bodies take locks on the same
 * nodes in different orders; Neo4j then aborts one of the transactions with {@code DeadlockDetected}, rolled back
 * completely, and the right answer is to run it again rather than to show the user an error.
 * <p>
 * Reads are run again too: in-process, a read-only transaction that traverses relationships a save is changing can be
 * refused with {@code Neo.TransientError.Transaction.Outdated}, and a read is always safe to repeat.
 * <p>
 * Applies to every {@code @Transactional} method of Qualigraph's beans (read-only ones included), outside the transaction:
 * each attempt is a whole new transaction. A method called from within a running transaction is not retried on its
 * own (the outer transaction is already spoiled and is retried as a whole). After {@link #ATTEMPTS} attempts the
 * failure goes to the caller (the API answers 503, try again).
 */
public final class TransientRetry extends StaticMethodMatcherPointcutAdvisor implements MethodInterceptor {

    static final int ATTEMPTS = 10;
    /** The Micrometer counter of attempts run again; a healthy run needs almost none (see docs/architecture.md). */
    public static final String METRIC = "qualigraph.tx.retries";
    private static final Logger log = LoggerFactory.getLogger(TransientRetry.class);

    private final Supplier<MeterRegistry> registry;

    public TransientRetry() {
        this(() -> null);
    }

    /** With the registry that counts retries in {@link #METRIC}, looked up when the first retry happens. */
    public TransientRetry(Supplier<MeterRegistry> registry) {
        this.registry = registry;
        setAdvice(this);
        // before (outside) the transaction interceptor, which runs at the lowest precedence
        setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    }

    @Override
    public boolean matches(Method method, Class<?> targetClass) {
        if (!targetClass.getName().startsWith("org.qualigraph.")) {
            return false;
        }
        Transactional tx = AnnotatedElementUtils.findMergedAnnotation(method, Transactional.class);
        if (tx == null) {
            tx = AnnotatedElementUtils.findMergedAnnotation(targetClass, Transactional.class);
        }
        return tx != null;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return invocation.proceed();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                // every attempt runs the rest of the interceptor chain (the transaction first) from the start
                return invocation instanceof ProxyMethodInvocation proxied ? proxied.invocableClone().proceed() : invocation.proceed();
            } catch (RuntimeException e) {
                if (!isTransient(e) || attempt >= ATTEMPTS) {
                    if (isTransient(e)) {
                        log.warn("{} failed {} times for a transient reason; giving up", invocation.getMethod().getName(), attempt);
                    }
                    throw e;
                }
                String method = invocation.getMethod().getDeclaringClass().getSimpleName() + "." + invocation.getMethod().getName();
                log.warn("{} hit a transient failure (attempt {}), running it again: {}", method, attempt, cause(e));
                MeterRegistry meters = registry.get();
                if (meters != null) {
                    meters.counter(METRIC, "method", method).increment();
                }
                Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
            }
        }
    }

    /** The innermost message, which names what Neo4j refused (e.g. the deadlock and the locks involved). */
    private static String cause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** Whether this failure says "try again": a deadlock, a lock timeout or another transient database error. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // the driver's and Spring's (both adapters of the graph port translate to the latter) and, should one
            // escape untranslated, the embedded database's own (DeadlockDetectedException is one)
            if (t instanceof TransientException || t instanceof TransientDataAccessException
                    || t instanceof ConcurrencyFailureException || t instanceof org.neo4j.graphdb.TransientFailureException) {
                return true;
            }
            if (t instanceof Neo4jException neo4j && neo4j.code() != null && neo4j.code().startsWith("Neo.TransientError")) {
                return true;
            }
        }
        return false;
    }
}
