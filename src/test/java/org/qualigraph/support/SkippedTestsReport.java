package org.qualigraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Makes skipped tests visible: every test class or method that the JUnit Platform skips ({@code @Disabled}) or aborts
 * (an assumption failed, e.g. Chromium, the ESCO packages or the Europass schemas are missing) is appended, with its
 * reason, to {@code target/skipped-tests.txt}. Registered through META-INF/services, so it runs in surefire and in
 * failsafe alike; the build prints the file at the end of {@code verify} and, with {@code CI=true}, fails when it is
 * not empty (pom.xml, execution {@code skipped-tests-report}).
 */
public class SkippedTestsReport implements TestExecutionListener {

    /** The report, relative to the module (surefire and failsafe run with the module as working directory). */
    public static final Path FILE = Path.of("target", "skipped-tests.txt");

    private final Map<String, String> skipped = new LinkedHashMap<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        record(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            record(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        var lines = new ArrayList<String>();
        skipped.forEach((test, reason) -> lines.add(line(test, reason)));
        write(lines);
    }

    private synchronized void record(TestIdentifier test, String reason) {
        String name = name(test.getSource().orElse(null));
        if (name != null) {
            skipped.putIfAbsent(name, reason == null || reason.isBlank() ? "no reason given" : reason);
        }
    }

    static String line(String test, String reason) {
        String runner = test.replaceAll("#.*", "").endsWith("IT") ? "failsafe" : "surefire";
        return runner + "\t" + test + "\t" + reason.replaceAll("\\s+", " ").strip();
    }

    private static String name(TestSource source) {
        if (source instanceof ClassSource type) {
            return type.getClassName();
        }
        if (source instanceof MethodSource method) {
            return method.getClassName() + "#" + method.getMethodName();
        }
        return null;
    }

    private static void write(List<String> lines) {
        try {
            Files.createDirectories(FILE.toAbsolutePath().getParent());
            // append: surefire and failsafe (and several forks) each add their own lines; the build deletes the file first
            Files.write(FILE, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE.toAbsolutePath(), e);
        }
    }
}
