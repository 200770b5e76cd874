package org.qualigraph;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Qualigraph keeps modular curricula as a Neo4j graph and lets alliances of schools, universities and employers
 * design, check and publish qualifications. The shell enables server push so long jobs can report progress.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@Push
@Theme(variant = Lumo.LIGHT)
@PWA(name = "Qualigraph", shortName = "Qualigraph")
public class QualigraphApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(QualigraphApplication.class, args);
    }
}
