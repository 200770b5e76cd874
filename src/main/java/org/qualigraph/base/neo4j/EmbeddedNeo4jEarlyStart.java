package org.qualigraph.base.neo4j;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.qualigraph.base.QualigraphProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Starts the embedded database on its own thread as soon as the configuration is known, so that its start (several
 * seconds on a fresh store) runs while Spring builds the web layer and Vaadin; the database bean then takes the running
 * database instead of starting one ({@link EmbeddedNeo4jConfiguration}). {@code QualigraphApplication.main} adds it;
 * applications built otherwise (the tests) start the database in the bean as before. Does nothing when
 * {@code spring.neo4j.uri} names a server. If the application fails before the bean takes the database, it is shut
 * down here.
 */
public final class EmbeddedNeo4jEarlyStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jEarlyStart.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String uri = context.getEnvironment().getProperty("spring.neo4j.uri");
        if ((uri != null && !"embedded".equalsIgnoreCase(uri)) || !(context instanceof GenericApplicationContext generic)) {
            return;
        }
        QualigraphProperties properties;
        try {
            properties = Binder.get(context.getEnvironment()).bindOrCreate("qualigraph", QualigraphProperties.class);
        } catch (RuntimeException e) {
            // the bean binds them again and reports what is wrong; start there
            return;
        }
        var starting = new Starting(properties);
        generic.registerBean(Starting.class, () -> starting);
        context.addApplicationListener(event -> {
            if (event instanceof ApplicationFailedEvent) {
                starting.destroy();
            }
        });
    }

    /** The database starting on its thread, until the database bean takes it. */
    static final class Starting implements DisposableBean {

        private final QualigraphProperties properties;
        private final CompletableFuture<EmbeddedNeo4j> database = new CompletableFuture<>();
        private boolean taken;

        Starting(QualigraphProperties properties) {
            this.properties = properties;
            Thread thread = new Thread(() -> {
                try {
                    database.complete(new EmbeddedNeo4jConfiguration().start(properties));
                } catch (Throwable e) {
                    database.completeExceptionally(e);
                }
            }, "embedded-neo4j-start");
            thread.setDaemon(true);
            thread.start();
        }

        /**
         * The started database, once it runs, if it was started with these settings; null (and the early one shut
         * down) if the bean's settings differ, so that the bean starts its own.
         */
        synchronized EmbeddedNeo4j take(QualigraphProperties expected) throws Exception {
            EmbeddedNeo4j started = await();
            if (!properties.equals(expected)) {
                log.warn("The database started early used other settings than the application's; starting it again");
                started.shutdown();
                taken = true;
                return null;
            }
            taken = true;
            return started;
        }

        private EmbeddedNeo4j await() throws Exception {
            try {
                return database.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
        }

        /** Shuts the database down if no bean took it (the application failed or stopped before). */
        @Override
        public synchronized void destroy() {
            if (taken) {
                return;
            }
            taken = true;
            try {
                await().shutdown();
            } catch (Exception e) {
                // it did not start: nothing to shut down
            }
        }
    }
}
