package org.qualigraph.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the official material lives: {@code ../shared} beside the project (overridable with the system property
 * {@code qualigraph.shared-dir}). Tests that need it call {@link #requireEsco()} or {@link #requireElm()} and are
 * skipped with a clear message in a clone without it.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path sharedDir() {
        return Path.of(System.getProperty("qualigraph.shared-dir", "../shared")).toAbsolutePath().normalize();
    }

    public static Optional<Path> escoDir() {
        Path dir = sharedDir().resolve("data/esco/v1.1.1");
        return Files.isRegularFile(dir.resolve("esco-v1.1.1-classification-en-csv.zip")) ? Optional.of(dir) : Optional.empty();
    }

    public static Optional<Path> elmDir() {
        Path dir = sharedDir().resolve("standards/elm");
        return Files.isRegularFile(dir.resolve("loq/loq.xsd")) ? Optional.of(dir) : Optional.empty();
    }

    public static Path requireEsco() {
        var dir = escoDir();
        Assumptions.assumeTrue(dir.isPresent(), "Skipped: the official ESCO v1.1.1 packages are not at "
                + sharedDir().resolve("data/esco/v1.1.1") + " (they come with ../shared, not with the project)");
        return dir.get();
    }

    public static Path requireElm() {
        var dir = elmDir();
        Assumptions.assumeTrue(dir.isPresent(), "Skipped: the official ELM/LOQ schemas are not at "
                + sharedDir().resolve("standards/elm") + " (they come with ../shared, not with the project)");
        return dir.get();
    }
}
