package org.qualigraph.support;

import org.junit.jupiter.api.Test;
import org.qualigraph.QualigraphApplication;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the feature modules' boundaries honest: no cycles, no use of another module's internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(QualigraphApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
