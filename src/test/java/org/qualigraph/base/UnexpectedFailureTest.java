package org.qualigraph.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * An unexpected failure of a REST call is logged at ERROR with its stack trace under an id, and the client gets the
 * contract's JSON error naming that id, without the exception's class or message.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedFailureTest {

    @Test
    void theClientGetsAPlainMessageWithTheIdAndTheLogHasTheStackTraceUnderIt(CapturedOutput output) {
        var request = new MockHttpServletRequest("GET", "/api/qualifications/q1/export/pdf");
        var failure = new NoClassDefFoundError("org/apache/pdfbox/pdmodel/PDDocument");
        var answer = new ApiExceptionHandler().unexpected(new IllegalStateException("export broke", failure), request);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        ApiError body = answer.getBody();
        assertThat(body).isNotNull();
        assertThat(body.path()).isEqualTo("/api/qualifications/q1/export/pdf");
        var id = Pattern.compile("E-[0-9a-f]{8}").matcher(body.message());
        assertThat(id.find()).as("an id in \"%s\"", body.message()).isTrue();
        assertThat(body.message()).doesNotContain("IllegalStateException", "NoClassDefFoundError", "pdfbox", "export broke");

        String logged = output.getAll();
        String line = logged.lines().filter(l -> l.contains(id.group())).findFirst().orElseThrow();
        assertThat(line).contains("ERROR").contains("GET /api/qualifications/q1/export/pdf");
        assertThat(logged).contains("java.lang.IllegalStateException: export broke")
                .contains("Caused by: java.lang.NoClassDefFoundError: org/apache/pdfbox/pdmodel/PDDocument")
                .contains("at org.qualigraph.base.UnexpectedFailureTest");
    }

    @Test
    void aBrowserThatLeftIsNotAnErrorButAFailureOfOursIs() {
        assertThat(UiErrorHandling.clientWentAway(new RuntimeException(new java.io.IOException("Broken pipe")))).isTrue();
        assertThat(UiErrorHandling.clientWentAway(new IllegalStateException("export broke"))).isFalse();
        assertThat(UiErrorHandling.clientWentAway(new java.io.UncheckedIOException(new java.io.IOException("disk full")))).isFalse();
    }

    @Test
    void idsDiffer() {
        assertThat(FailureId.next()).matches("E-[0-9a-f]{8}").isNotEqualTo(FailureId.next());
    }
}
