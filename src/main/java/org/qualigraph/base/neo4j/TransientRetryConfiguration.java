package org.qualigraph.base.neo4j;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

/** Installs {@link TransientRetry} around every write transaction of the application. */
@Configuration(proxyBeanMethods = false)
class TransientRetryConfiguration {

    /** An infrastructure advisor, so the auto-proxy creator that applies the transaction advisor applies it too. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static TransientRetry transientRetry(ObjectProvider<MeterRegistry> registry) {
        return new TransientRetry(registry::getIfAvailable);
    }
}
