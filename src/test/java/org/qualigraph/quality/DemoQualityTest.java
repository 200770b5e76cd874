package org.qualigraph.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.qualigraph.support.Documents;

/** The demo core curriculum passes every error-severity rule; its warnings and infos are plausible. */
class DemoQualityTest {

    private final QualityEngine engine = new QualityEngine();

    @Test
    void demoHasNoErrorFindings() {
        var report = engine.evaluate(QualityInput.of(Documents.demo(new ObjectMapper().findAndRegisterModules())));
        assertThat(report.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(report.rules()).hasSize(44);
    }
}
