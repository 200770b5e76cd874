package org.qualigraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qualigraph.QualigraphApplication;
import org.qualigraph.support.Documents;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;

/**
 * Foundation figures: time from start to {@code /actuator/health} UP on the embedded default, heap after start,
 * and p50/p95 of GET and PUT of a generated 100-unit × 10-outcome document over HTTP.
 */
class FoundationBenchmark {

    private static final String PASSWORD = "bench-admin-1";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void startupAndDocumentRoundTrips() throws Exception {
        var data = Files.createTempDirectory("qualigraph-bench");
        long start = System.nanoTime();
        try (var app = new SpringApplicationBuilder(QualigraphApplication.class).run("--server.port=0",
                "--qualigraph.data-dir=" + data, "--qualigraph.demo=true", "--QUALIGRAPH_ADMIN_PASSWORD=" + PASSWORD,
                "--logging.level.root=WARN")) {
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            while (true) {
                var health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    break;
                }
                Thread.sleep(50);
            }
            double startup = (System.nanoTime() - start) / 1e9;
            System.gc();
            Thread.sleep(500);
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024 / 1024;

            String body = json.writeValueAsString(Documents.generated("Benchmark qualification", 100, 10));
            var created = send(base, "POST", "/api/qualifications", body);
            String id = json.readTree(created.body()).get("id").asText();
            var gets = new ArrayList<Long>();
            var puts = new ArrayList<Long>();
            for (int i = 0; i < 20; i++) {
                send(base, "GET", "/api/qualifications/" + id, null);
            }
            for (int i = 0; i < 200; i++) {
                long t = System.nanoTime();
                var response = send(base, "GET", "/api/qualifications/" + id, null);
                gets.add(System.nanoTime() - t);
                if (i % 2 == 0) {
                    ObjectNode doc = (ObjectNode) json.readTree(response.body());
                    ((ObjectNode) doc.get("title")).put("en", "Benchmark qualification " + i);
                    t = System.nanoTime();
                    var put = send(base, "PUT", "/api/qualifications/" + id, doc.toString());
                    puts.add(System.nanoTime() - t);
                    if (put.statusCode() != 200) {
                        throw new AssertionError("PUT failed: " + put.statusCode() + " " + put.body());
                    }
                }
            }
            long[] g = BenchReport.sorted(gets.stream().mapToLong(Long::longValue).toArray());
            long[] p = BenchReport.sorted(puts.stream().mapToLong(Long::longValue).toArray());
            BenchReport.append("Foundation: start-up, heap, document GET/PUT", List.of(
                    "| measure | value | target |",
                    "|---|---|---|",
                    String.format("| start to /actuator/health UP (embedded Neo4j, demo loaded, in a JVM that already had the classes loaded by Maven) | %.1f s | ≤ 30 s |", startup),
                    String.format("| heap used after start (after a GC) | %d MiB | — |", heap),
                    String.format("| GET of a 100-unit × 10-outcome document, p50 / p95 (200 calls after 20 warm-up) | %.1f / %.1f ms | p95 ≤ 100 ms |",
                            BenchReport.percentile(g, 0.5), BenchReport.percentile(g, 0.95)),
                    String.format("| PUT of the same document, p50 / p95 (100 calls) | %.1f / %.1f ms | p95 ≤ 300 ms |",
                            BenchReport.percentile(p, 0.5), BenchReport.percentile(p, 0.95)),
                    "",
                    "Over HTTP on loopback with HTTP Basic (the password is checked with bcrypt on the first call and then remembered for five minutes by base.VerifiedPasswordCache), one client."));
        }
    }

    private HttpResponse<String> send(String base, String method, String path, String body) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes()));
        if (body != null) {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
