package org.qualigraph.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The writer that stores computed reports after the request has its answer: a qualification has at most one write
 * waiting (the newest report replaces the one before it), a report whose key this instance no longer holds is not
 * written, and a written snapshot is the report as computed.
 */
class QualityReportWriterTest extends IntegrationTest {

    @Autowired
    QualityService quality;
    @Autowired
    QualificationService qualifications;
    @Autowired
    ObjectMapper json;

    @Test
    void aWaitingWriteIsReplacedByTheNewerOneAndAReportNoLongerHeldIsNotWritten() throws Exception {
        var first = qualifications.create(Documents.minimal("First"), TestUsers.DESIGNER);
        var second = qualifications.create(Documents.minimal("Second"), TestUsers.DESIGNER);
        var report = quality.report(first.id());
        var codec = new QualityReportJson(json);
        var written = new CopyOnWriteArrayList<String>();
        var store = new QualityReportStore(graph) {
            @Override
            void save(String qualificationId, String key, String text) {
                written.add(qualificationId + " " + key);
                super.save(qualificationId, key, text);
            }
        };
        var busy = new CountDownLatch(1);
        var go = new CountDownLatch(1);
        var writer = QualityReportWriter.inBackground(store, codec, (id, key) -> {
            if (key.equals("blocking")) {
                busy.countDown();
                await(go);
            }
            return !key.equals("replaced in memory");
        });
        try {
            writer.submit(second.id(), "blocking", report);
            assertThat(busy.await(30, TimeUnit.SECONDS)).isTrue();
            // the writer thread is busy: these wait
            writer.submit(first.id(), "older", report);
            writer.submit(first.id(), "newer", report);
            writer.submit(second.id(), "replaced in memory", report);
            go.countDown();
            writer.awaitIdle(Duration.ofSeconds(30));

            assertThat(written).containsExactly(second.id() + " blocking", first.id() + " newer");
            assertThat(storedKey(first.id())).isEqualTo("newer");
            assertThat(storedKey(second.id())).isEqualTo("blocking");
            assertThat(codec.read(storedJson(first.id()))).isEqualTo(report);
        } finally {
            go.countDown();
            writer.shutdown();
        }
    }

    @Test
    void theWriteOfADeletedQualificationIsForgotten() throws Exception {
        var gone = qualifications.create(Documents.minimal("Gone"), TestUsers.DESIGNER);
        var report = quality.check(qualifications.get(gone.id()));
        var written = new CopyOnWriteArrayList<String>();
        var store = new QualityReportStore(graph) {
            @Override
            void save(String qualificationId, String key, String text) {
                written.add(key);
                super.save(qualificationId, key, text);
            }
        };
        var busy = new CountDownLatch(1);
        var go = new CountDownLatch(1);
        var writer = QualityReportWriter.inBackground(store, new QualityReportJson(json), (id, key) -> {
            if (key.equals("blocking")) {
                busy.countDown();
                await(go);
            }
            return true;
        });
        try {
            var other = qualifications.create(Documents.minimal("Other"), TestUsers.DESIGNER);
            writer.submit(other.id(), "blocking", report);
            assertThat(busy.await(30, TimeUnit.SECONDS)).isTrue();
            writer.submit(gone.id(), "waiting", report);
            writer.cancel(gone.id());
            go.countDown();
            writer.awaitIdle(Duration.ofSeconds(30));

            assertThat(written).isEqualTo(List.of("blocking"));
            assertThat(storedKey(gone.id())).isNull();
        } finally {
            go.countDown();
            writer.shutdown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String storedKey(String id) {
        return graph.query("MATCH (s:QualityReportSnapshot {qualificationId: $id}) RETURN s.key")
                .bind(id).to("id").fetchAs(String.class).one().orElse(null);
    }

    private String storedJson(String id) {
        return graph.query("MATCH (s:QualityReportSnapshot {qualificationId: $id}) RETURN s.json")
                .bind(id).to("id").fetchAs(String.class).one().orElseThrow();
    }
}
