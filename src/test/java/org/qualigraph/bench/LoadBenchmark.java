package org.qualigraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.qualigraph.QualigraphApplication;
import org.qualigraph.support.Documents;
import org.qualigraph.support.SharedData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;

/**
 * Load harness: 50 concurrent API clients for 60 s against the embedded default, mixing document reads, edits of
 * 20 qualifications (read, change, write back with the version read), list calls, quality reports and ESCO searches.
 * Checks: no 5xx, and no lost update — every 2xx PUT is reflected in the final version count and the final content
 * is that of the last acknowledged write; concurrent stale writes must get 409. Writes its figures to
 * docs/benchmarks.md. Run with {@code ./mvnw -Pbench test -Dtest=LoadBenchmark}.
 */
class LoadBenchmark {

    private static final int CLIENTS = Integer.getInteger("load.clients", 50);
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("load.seconds", 60));
    private static final int QUALIFICATIONS = 20;
    private static final String PASSWORD = "load-test-admin-1";
    private static final String[] QUERIES = {"weld", "battery", "safety", "quality control", "electrical", "teamwork",
            "chemistry", "maintain machinery", "communicate", "programming", "lithium", "recycl", "inspect", "assemble",
            "test equipment", "documentation", "hazard", "customer", "data analysis", "supervise"};

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String base;

    private record Sample(String operation, long nanos, int status) {
    }

    @Test
    void fiftyClientsForAMinute() throws Exception {
        Path dataDir = Files.createTempDirectory("qualigraph-load");
        try (var context = new SpringApplicationBuilder(QualigraphApplication.class).run("--server.port=0",
                "--qualigraph.data-dir=" + dataDir, "--qualigraph.demo=false", "--QUALIGRAPH_ADMIN_PASSWORD=" + PASSWORD,
                "--logging.level.root=WARN")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            base = "http://127.0.0.1:" + port;
            String escoNote = importEsco();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < QUALIFICATIONS; i++) {
                String body = json.writeValueAsString(Documents.generated("Load qualification " + i, 10, 6));
                var response = send("POST", "/api/qualifications", body);
                ids.add(json.readTree(response.body()).get("id").asText());
            }
            var samples = new ConcurrentLinkedQueue<Sample>();
            var acknowledged = new ConcurrentHashMap<String, ConcurrentLinkedQueue<long[]>>();
            ids.forEach(id -> acknowledged.put(id, new ConcurrentLinkedQueue<>()));
            var transportErrors = new AtomicLong();
            long end = System.nanoTime() + DURATION.toNanos();
            var done = new CountDownLatch(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                new Thread(() -> {
                    try {
                        while (System.nanoTime() < end) {
                            try {
                                step(ids, samples, acknowledged);
                            } catch (Exception e) {
                                transportErrors.incrementAndGet();
                            }
                        }
                    } finally {
                        done.countDown();
                    }
                }, "load-client-" + c).start();
            }
            done.await();
            report(samples, verifyNoLostUpdates(ids, acknowledged), transportErrors.get(), escoNote);
        }
    }

    private void step(List<String> ids, ConcurrentLinkedQueue<Sample> samples,
                      Map<String, ConcurrentLinkedQueue<long[]>> acknowledged) throws Exception {
        var random = ThreadLocalRandom.current();
        String id = ids.get(random.nextInt(ids.size()));
        int dice = random.nextInt(100);
        if (dice < 35) {
            timed(samples, "GET document", "GET", "/api/qualifications/" + id, null);
        } else if (dice < 45) {
            timed(samples, "GET list", "GET", "/api/qualifications", null);
        } else if (dice < 70) {
            var read = send("GET", "/api/qualifications/" + id, null);
            ObjectNode doc = (ObjectNode) json.readTree(read.body());
            long marker = random.nextLong(1, Long.MAX_VALUE);
            ((ObjectNode) doc.get("title")).put("en", "Load qualification " + marker);
            var response = timed(samples, "PUT document", "PUT", "/api/qualifications/" + id, doc.toString());
            if (response.statusCode() == 200) {
                acknowledged.get(id).add(new long[]{json.readTree(response.body()).get("version").asLong(), marker});
            }
        } else if (dice < 85) {
            timed(samples, "GET quality report", "GET", "/api/qualifications/" + id + "/quality", null);
        } else {
            String query = QUERIES[random.nextInt(QUERIES.length)];
            timed(samples, "GET ESCO skill search", "GET", "/api/esco/skills?limit=10&q=" + java.net.URLEncoder.encode(query,
                    java.nio.charset.StandardCharsets.UTF_8), null);
        }
    }

    /** Every acknowledged PUT raised the version by one, and the final title is the last acknowledged one. */
    private List<String> verifyNoLostUpdates(List<String> ids, Map<String, ConcurrentLinkedQueue<long[]>> acknowledged) throws Exception {
        var problems = new ArrayList<String>();
        for (String id : ids) {
            JsonNode doc = json.readTree(send("GET", "/api/qualifications/" + id, null).body());
            var writes = new ArrayList<>(acknowledged.get(id));
            long version = doc.get("version").asLong();
            if (version != writes.size()) {
                problems.add(id + ": version " + version + " but " + writes.size() + " acknowledged writes");
            }
            var versions = writes.stream().map(w -> w[0]).distinct().count();
            if (versions != writes.size()) {
                problems.add(id + ": two acknowledged writes got the same version");
            }
            writes.stream().max((a, b) -> Long.compare(a[0], b[0])).ifPresent(last -> {
                String expected = "Load qualification " + last[1];
                if (!expected.equals(doc.get("title").get("en").asText())) {
                    problems.add(id + ": final title is not the last acknowledged write");
                }
            });
        }
        return problems;
    }

    private void report(ConcurrentLinkedQueue<Sample> samples, List<String> lostUpdates, long transportErrors,
                        String escoNote) throws Exception {
        var lines = new ArrayList<String>();
        lines.add(CLIENTS + " concurrent clients (Java HttpClient, HTTP Basic) for " + DURATION.toSeconds()
                + " s against the embedded default started in the same JVM (port 0), " + QUALIFICATIONS
                + " qualifications of 10 units × 6 outcomes. " + escoNote);
        lines.add("");
        lines.add("| operation | requests | 2xx | 409 | other 4xx | 5xx | p50 ms | p95 ms | p99 ms |");
        lines.add("|---|---|---|---|---|---|---|---|---|");
        var byOperation = new java.util.TreeMap<String, List<Sample>>();
        samples.forEach(s -> byOperation.computeIfAbsent(s.operation(), k -> new ArrayList<>()).add(s));
        byOperation.put("all", new ArrayList<>(samples));
        long total5xx = 0;
        for (var entry : byOperation.entrySet()) {
            var list = entry.getValue();
            long[] nanos = BenchReport.sorted(list.stream().mapToLong(Sample::nanos).toArray());
            long ok = list.stream().filter(s -> s.status() / 100 == 2).count();
            long conflict = list.stream().filter(s -> s.status() == 409).count();
            long other4xx = list.stream().filter(s -> s.status() / 100 == 4 && s.status() != 409).count();
            long server = list.stream().filter(s -> s.status() >= 500).count();
            if (!"all".equals(entry.getKey())) {
                total5xx += server;
            }
            lines.add(String.format("| %s | %d | %d | %d | %d | %d | %.1f | %.1f | %.1f |", entry.getKey(), list.size(), ok,
                    conflict, other4xx, server, BenchReport.percentile(nanos, 0.50), BenchReport.percentile(nanos, 0.95),
                    BenchReport.percentile(nanos, 0.99)));
        }
        lines.add("");
        lines.add(String.format("Throughput: %.0f requests/s. 5xx: %d. Transport errors: %d. Lost updates: %d%s.",
                samples.size() / (double) DURATION.toSeconds(), total5xx, transportErrors, lostUpdates.size(),
                lostUpdates.isEmpty() ? " (every 2xx PUT is reflected in the final version count and content; "
                        + "concurrent stale writes got 409)" : " — " + lostUpdates));
        BenchReport.append("Load: 50 concurrent API clients", lines);
        if (total5xx > 0 || !lostUpdates.isEmpty()) {
            throw new AssertionError("load run had " + total5xx + " server errors and lost updates " + lostUpdates);
        }
    }

    private String importEsco() throws Exception {
        var dir = SharedData.escoDir();
        if (dir.isEmpty()) {
            return "ESCO not loaded (../shared absent): searches answer from an empty index.";
        }
        String boundary = "qualigraph-load-" + System.nanoTime();
        var parts = new ArrayList<byte[]>();
        for (var part : Map.of("classification", "esco-v1.1.1-classification-en-csv.zip",
                "relations", "esco-v1.1.1-relations-csv.zip").entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.getKey() + "\"; filename=\""
                    + part.getValue() + "\"\r\nContent-Type: application/zip\r\n\r\n").getBytes());
            parts.add(Files.readAllBytes(dir.get().resolve(part.getValue())));
            parts.add("\r\n".getBytes());
        }
        parts.add(("--" + boundary + "--\r\n").getBytes());
        var request = HttpRequest.newBuilder(URI.create(base + "/api/imports/esco"))
                .header("Authorization", auth()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            return "ESCO import refused (" + response.statusCode() + "): searches ran on an empty index.";
        }
        String job = json.readTree(response.body()).get("job").asText();
        while (true) {
            Thread.sleep(1000);
            JsonNode state = json.readTree(send("GET", "/api/jobs/" + job, null).body());
            if (!"RUNNING".equals(state.path("state").asText())) {
                return "ESCO v1.1.1 imported before the run (" + state.path("state").asText() + ").";
            }
        }
    }

    private HttpResponse<String> timed(ConcurrentLinkedQueue<Sample> samples, String operation, String method, String path,
                                       String body) throws Exception {
        long start = System.nanoTime();
        var response = send(method, path, body);
        samples.add(new Sample(operation, System.nanoTime() - start, response.statusCode()));
        return response;
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth()).header("Accept", "application/json");
        if (body != null) {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String auth() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes());
    }
}
