package org.qualigraph.base.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.annotation.Transactional;

class TransientRetryTest {

    /** Stands in for a service: writes fail with a deadlock the given number of times, then succeed. */
    public static class Writer {
        final AtomicInteger calls = new AtomicInteger();
        int deadlocks;

        @Transactional
        public String write() {
            if (calls.incrementAndGet() <= deadlocks) {
                throw new TransientDataAccessResourceException("deadlock",
                        new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "ForsetiClient waits"));
            }
            return "stored";
        }

        @Transactional
        public String refuse() {
            calls.incrementAndGet();
            throw new IllegalStateException("not transient");
        }

        @Transactional(readOnly = true)
        public String read() {
            if (calls.incrementAndGet() <= deadlocks) {
                throw new TransientDataAccessResourceException("outdated",
                        new TransientException("Neo.TransientError.Transaction.Outdated", "read outdated data"));
            }
            return "read";
        }
    }

    private Writer proxy(Writer target) {
        var factory = new ProxyFactory(target);
        factory.setProxyTargetClass(true);
        factory.addAdvisor(new TransientRetry());
        return (Writer) factory.getProxy();
    }

    @Test
    void aDeadlockedWriteRunsAgainUntilItGoesThrough() {
        var target = new Writer();
        target.deadlocks = 3;
        assertThat(proxy(target).write()).isEqualTo("stored");
        assertThat(target.calls).hasValue(4);
    }

    @Test
    void afterTheLastAttemptTheFailureReachesTheCaller() {
        var target = new Writer();
        target.deadlocks = 100;
        assertThatThrownBy(() -> proxy(target).write()).isInstanceOf(TransientDataAccessResourceException.class);
        assertThat(target.calls).hasValue(TransientRetry.ATTEMPTS);
    }

    @Test
    void otherFailuresAreNotRetried() {
        var target = new Writer();
        assertThatThrownBy(() -> proxy(target).refuse()).isInstanceOf(IllegalStateException.class);
        assertThat(target.calls).hasValue(1);
        assertThat(new TransientRetry().matches(methodNamed("read"), Writer.class)).isTrue();
        assertThat(new TransientRetry().matches(methodNamed("write"), Writer.class)).isTrue();
        assertThat(new TransientRetry().matches(methodNamed("write"), String.class)).isFalse();
    }

    @Test
    void aReadRefusedForAnOutdatedViewRunsAgain() {
        var target = new Writer();
        target.deadlocks = 2;
        assertThat(proxy(target).read()).isEqualTo("read");
        assertThat(target.calls).hasValue(3);
    }

    @Test
    void recognisesTransientFailuresThroughTheirCauses() {
        assertThat(TransientRetry.isTransient(new RuntimeException(new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "x")))).isTrue();
        assertThat(TransientRetry.isTransient(new RuntimeException("no"))).isFalse();
    }

    private static java.lang.reflect.Method methodNamed(String name) {
        try {
            return Writer.class.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
