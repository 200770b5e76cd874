package org.qualigraph;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import org.qualigraph.base.neo4j.EmbeddedNeo4jEarlyStart;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Qualigraph keeps modular curricula as a Neo4j graph and lets alliances of schools, universities and employers
 * design, check and publish qualifications. The shell enables server push so long jobs can report progress. It
 * names no @Theme: Lumo light is Vaadin's default, and a @Theme without a name made every page ask for the
 * non-existent {@code /VAADIN/themes//styles.css}. {@code main} starts the embedded database on its own thread as early
 * as the configuration is known ({@link EmbeddedNeo4jEarlyStart}), so that its start overlaps Spring's.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@Push
@PWA(name = "Qualigraph", shortName = "Qualigraph")
public class QualigraphApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        var application = new SpringApplication(QualigraphApplication.class);
        application.addInitializers(new EmbeddedNeo4jEarlyStart());
        application.run(args);
    }
}
