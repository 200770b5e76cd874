package org.qualigraph.base.graph;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Graph#inNewTransaction}: a transaction of its own, run again on a transient failure (a deadlock with a
 * save), as the driver's managed transactions ({@code session.executeWrite}) did for the code that used them.
 */
final class NewTransactions {

    private static final int ATTEMPTS = 10;

    private final TransactionTemplate template;

    NewTransactions(PlatformTransactionManager transactions) {
        template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    <T> T run(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return template.execute(status -> work.get());
            } catch (TransientDataAccessException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
