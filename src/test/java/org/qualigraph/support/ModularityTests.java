package org.qualigraph.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void writesModuleDocumentation() throws java.io.IOException {
        Path folder = Files.createTempDirectory("modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

        String overview = Files.readString(folder.resolve("components.puml"));
        for (String module : List.of("account", "base", "curriculum", "esco", "exchange", "jobs", "quality", "workspace")) {
            assertThat(overview).as("the overview names module %s", module).containsIgnoringCase(module);
            assertThat(folder.resolve("module-" + module + ".puml")).as("a diagram of module %s", module).isRegularFile();
        }
        // the dependencies drawn are the real ones: the features use the curriculum, which knows nothing of them; the
        // curriculum asks the account module which partner organisation a user belongs to (ownership), nothing more
        var uses = java.util.regex.Pattern.compile("Rel\\(\\S*\\.(\\w+), \\S*\\.(\\w+),").matcher(overview).results()
                .map(m -> m.group(1).toLowerCase() + "->" + m.group(2).toLowerCase()).toList();
        assertThat(uses).contains("esco->curriculum", "quality->curriculum", "exchange->curriculum", "curriculum->base");
        assertThat(uses).filteredOn(use -> use.startsWith("curriculum->") || use.startsWith("base->"))
                .as("the curriculum and the base depend on no feature").containsOnly("curriculum->base", "curriculum->account");
    }
}
