package org.qualigraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualigraph.QualigraphApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The size limits as a client meets them on the real server (Tomcat), where MockMvc cannot go: a JSON body sent
 * without a Content-Length (chunked) that grows past the limit, and an ESCO upload larger than the multipart limit.
 * Each is refused with 413 and the contract's JSON error, nothing is stored, and the server stays healthy.
 */
class RealServerLimitsIT {

    private static final String PASSWORD = "limits-test-admin-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext app;
    static String base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(QualigraphApplication.class).run("--server.port=0",
                "--qualigraph.data-dir=" + dataDir, "--qualigraph.demo=false", "--QUALIGRAPH_ADMIN_PASSWORD=" + PASSWORD,
                "--vaadin.productionMode=false");
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aChunkedJsonBodyPastTheLimitIsA413AndStoresNothing() throws Exception {
        // a valid beginning, then 20 MB of title: the server cannot know the size in advance
        InputStream body = new SequenceInputStream(
                new java.io.ByteArrayInputStream("{\"title\":{\"en\":\"".getBytes(StandardCharsets.UTF_8)),
                new RepeatingStream((byte) 'a', 20L * 1024 * 1024));
        var request = HttpRequest.newBuilder(URI.create(base + "/api/qualifications")).timeout(Duration.ofSeconds(120))
                .header("Authorization", auth()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();

        var response = sendTolerantOfEarlyClose(request);

        if (response != null) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(413);
        }
        assertNothingStoredAndHealthy();
    }

    @Test
    void anEscoUploadPastTheMultipartLimitIsA413AndImportsNothing() throws Exception {
        String boundary = "limits-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"classification\"; filename=\"big.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        long filler = 230L * 1024 * 1024;
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        InputStream body = new SequenceInputStream(java.util.Collections.enumeration(java.util.List.of(
                new java.io.ByteArrayInputStream(head), new RepeatingStream((byte) 'z', filler),
                new java.io.ByteArrayInputStream(tail))));
        long length = head.length + filler + tail.length;
        var request = HttpRequest.newBuilder(URI.create(base + "/api/imports/esco")).timeout(Duration.ofSeconds(180))
                .header("Authorization", auth()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), length))
                .build();

        var response = sendTolerantOfEarlyClose(request);

        if (response != null) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(413);
        }
        var status = http.send(get("/api/esco/status"), HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(status.body()).path("skills").asLong(0)).isZero();
        assertNothingStoredAndHealthy();
    }

    /**
     * Admin-only uploads are refused on path and credentials before the body is read: the client announces 200 MB,
     * sends 64 KB and waits; a server that parsed the multipart body first would wait for the rest, this one answers
     * 403 at once. The same for a request without credentials (401).
     */
    @Test
    void adminOnlyUploadsAreRefusedBeforeTheBodyIsRead() throws Exception {
        var create = HttpRequest.newBuilder(URI.create(base + "/api/admin/users")).header("Authorization", auth())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"uploader\",\"password\":\"uploader-pass-1\",\"roles\":[\"DESIGNER\",\"REVIEWER\"]}"))
                .build();
        assertThat(http.send(create, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
        String designer = "Basic " + Base64.getEncoder().encodeToString("uploader:uploader-pass-1".getBytes(StandardCharsets.UTF_8));
        for (String path : new String[] {"/api/imports/esco", "/api/imports/elm-schemas"}) {
            assertThat(statusOfStalledUpload(path, designer)).as(path + " as a designer").startsWith("HTTP/1.1 403");
            assertThat(statusOfStalledUpload(path, null)).as(path + " without credentials").startsWith("HTTP/1.1 401");
        }
        assertNothingStoredAndHealthy();
    }

    /** The status line the server answers to a 200 MB multipart upload of which only 64 KB ever arrive. */
    private String statusOfStalledUpload(String path, String authorization) throws IOException {
        var uri = URI.create(base);
        try (var socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            String boundary = "stalled-" + System.nanoTime();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + 200L * 1024 * 1024
                    + "\r\n\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"classification\"; "
                    + "filename=\"big.zip\"\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(new byte[64 * 1024]);
            out.flush();
            // the rest of the body never comes: only an answer given without it arrives before the timeout
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            return String.valueOf(in.readLine());
        }
    }

    /**
     * Sends a request whose body the server may refuse before it has all been sent. Tomcat answers 413 and may then
     * close the connection: the client sees either the answer or a connection closed mid-upload. Either way the body
     * was refused; what the server then holds is checked by the caller. Returns null when the connection was closed.
     */
    private HttpResponse<String> sendTolerantOfEarlyClose(HttpRequest request) throws InterruptedException {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            System.out.println(request.uri().getPath() + ": answered " + response.statusCode());
            return response;
        } catch (IOException closed) {
            System.out.println(request.uri().getPath() + ": connection closed while sending (" + closed + ")");
            return null;
        }
    }

    private void assertNothingStoredAndHealthy() throws Exception {
        var list = http.send(get("/api/qualifications"), HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).size()).isZero();
        var health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth()).GET().build();
    }

    private static String auth() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code length} copies of one byte, produced on demand so the test never holds the body in memory. */
    private static final class RepeatingStream extends InputStream {
        private final byte value;
        private long remaining;

        RepeatingStream(byte value, long length) {
            this.value = value;
            this.remaining = length;
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            java.util.Arrays.fill(buffer, offset, offset + n, value);
            remaining -= n;
            return n;
        }
    }
}
