package org.qualigraph.ops;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Qualigraph started as a separate operating-system process with the test's class path, so a test can kill it with
 * SIGKILL the way a power cut or the OOM killer would, and start it again on the same data directory.
 */
final class AppProcess implements AutoCloseable {

    static final String PASSWORD = "process-test-admin-1";

    private final Process process;
    final int port;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AppProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static AppProcess start(Path dataDir, Path log) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), "org.qualigraph.QualigraphApplication",
                "--server.port=" + port, "--qualigraph.data-dir=" + dataDir, "--qualigraph.demo=false",
                "--vaadin.launch-browser=false"));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("QUALIGRAPH_ADMIN_PASSWORD", PASSWORD);
        builder.directory(new File(System.getProperty("user.dir")));
        var app = new AppProcess(builder.start(), port);
        app.awaitHealthy(Duration.ofMinutes(6));
        return app;
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application process exited with " + process.exitValue());
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the application did not become healthy within " + timeout);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        var builder = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes()));
        if (body != null) {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: no shutdown hooks, no clean close of the store. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
