package org.qualigraph.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.ZipFile;

/**
 * The packaged jar (target/qualigraph.jar, production mode) started with {@code java -jar} as its own process, the
 * way a user runs it: from a fresh working folder (not the repository, so the demo must come from the jar), with a
 * fresh data directory and the demo on unless the arguments say otherwise. Tests talk to it over HTTP only.
 *
 * <p>The jar is the one {@code package} built (failsafe ITs run after it); the system property
 * {@code qualigraph.jar} points elsewhere. A development-mode jar is refused, because what users get is production mode.
 */
public final class PackagedApp implements AutoCloseable {

    /** QUALIGRAPH_ADMIN_PASSWORD given to the process. */
    public static final String ADMIN_PASSWORD = "packaged-admin-1";

    /** Generous: on a quiet machine the jar is ready in well under a minute, but CI machines can be heavily shared. */
    public static final Duration START_TIMEOUT = Duration.ofMinutes(Long.getLong("qualigraph.start-timeout-minutes", 10));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final Path log;
    private final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PackagedApp(Process process, int port, Path log, Path dataDir) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.dataDir = dataDir;
    }

    /** Fresh data dir, free HTTP port, demo on unless args say otherwise; waits until /actuator/health is UP. */
    public static PackagedApp start(Path dataDir, String... extraArgs) {
        var app = launch(dataDir, extraArgs);
        try {
            app.awaitHealthy(START_TIMEOUT);
        } catch (RuntimeException | Error failed) {
            app.kill();
            throw failed;
        }
        return app;
    }

    /**
     * Starts the process and returns at once, without waiting for health: for tests of what happens while it starts
     * (readiness, a stop during the demo load). Call {@link #awaitHealthy(Duration)} to wait.
     */
    public static PackagedApp launch(Path dataDir, String... extraArgs) {
        return launch(List.of("-Xmx1g"), dataDir, extraArgs);
    }

    /** As {@link #launch(Path, String...)}, with these JVM options (e.g. {@code -Xmx3g} for a benchmark) instead of -Xmx1g. */
    public static PackagedApp launch(List<String> jvmOptions, Path dataDir, String... extraArgs) {
        Path jar = jar();
        try {
            Files.createDirectories(dataDir);
            int port = freePort();
            Path workDir = Files.createTempDirectory("qualigraph-cwd");
            Path logDir = Files.createDirectories(Path.of("target", "packaged-app"));
            Path log = logDir.resolve("app-" + port + ".log").toAbsolutePath();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--qualigraph.data-dir=" + dataDir.toAbsolutePath()));
            if (Arrays.stream(extraArgs).noneMatch(arg -> arg.startsWith("--qualigraph.demo="))) {
                command.add("--qualigraph.demo=true");
            }
            command.addAll(List.of(extraArgs));
            var builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().put("QUALIGRAPH_ADMIN_PASSWORD", ADMIN_PASSWORD);
            var app = new PackagedApp(builder.start(), port, log, dataDir);
            Runtime.getRuntime().addShutdownHook(new Thread(app::kill));
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + jar, e);
        }
    }

    /** The jar under test; fails clearly when it is missing or was built in development mode. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("qualigraph.jar", "target/qualigraph.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build it with ./mvnw -DskipTests package "
                    + "(failsafe ITs run after package, so ./mvnw verify builds it first)");
        }
        try (var zip = new ZipFile(jar.toFile())) {
            // Spring Boot keeps META-INF of the classes at the root of the jar
            var token = zip.getEntry("META-INF/VAADIN/config/flow-build-info.json");
            String info = token == null ? "" : new String(zip.getInputStream(token).readAllBytes(), StandardCharsets.UTF_8);
            if (!info.replace(" ", "").contains("\"productionMode\":true")) {
                throw new IllegalStateException(jar + " is a development-mode build; users get production mode: "
                        + "rebuild without -Pdev (./mvnw -DskipTests package)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
        return jar;
    }

    /** Polls /actuator/health until it answers 200 UP; fails when the process exits or the time is up. */
    public void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + "; log: " + log
                        + "\n" + tail(40));
            }
            var health = health();
            if (health != null && health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException("the application was not healthy within " + timeout + "; log: " + log + "\n" + tail(40));
    }

    /** GET /actuator/health without credentials, or null while nothing listens yet. */
    public HttpResponse<String> health() {
        return get("/actuator/health");
    }

    /** GET without credentials, or null while nothing listens yet. */
    public HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException notListening) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A request without credentials, as a visitor of the public register sends it: {@code headers} are names and values
     * in turn; {@code body} (with its {@code contentType}) may be null. Fails when nothing answers.
     */
    public HttpResponse<byte[]> anonymous(String method, String path, String contentType, String body, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        if (body != null) {
            builder.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** http://127.0.0.1:&lt;port&gt; */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The process's stdout+stderr. */
    public Path log() {
        return log;
    }

    /** The log's text so far. */
    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public Process process() {
        return process;
    }

    /** As admin, HTTP Basic. */
    public HttpResponse<String> api(String method, String path, String jsonBody) {
        return api("admin", ADMIN_PASSWORD, method, path, jsonBody);
    }

    public HttpResponse<String> api(String user, String password, String method, String path, String jsonBody) {
        return send(request(user, password, method, path, jsonBody), HttpResponse.BodyHandlers.ofString());
    }

    /** As admin. */
    public HttpResponse<byte[]> download(String path) {
        return send(request("admin", ADMIN_PASSWORD, "GET", path, null), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POST /api/admin/users; fails unless the account was created (201). */
    public void createUser(String username, String password, String... roles) {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"roles\":["
                + String.join(",", Arrays.stream(roles).map(role -> "\"" + role + "\"").toList()) + "]}";
        var response = api("POST", "/api/admin/users", body);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating user " + username + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /**
     * Takes a qualification through review to PUBLISHED over the REST API, four eyes: the designer submits it, the
     * reviewer approves it for {@code approvingBody} (today) and publishes it. Fails unless every step answers 200.
     */
    public void publishThroughReview(String id, String designer, String designerPassword, String reviewer,
                                     String reviewerPassword, String approvingBody) {
        transition(id, designer, designerPassword, "{\"to\":\"IN_REVIEW\",\"comment\":\"Ready for the quality board\"}");
        transition(id, reviewer, reviewerPassword, "{\"to\":\"APPROVED\",\"comment\":\"Fine\",\"approval\":{\"body\":"
                + JSON.valueToTree(approvingBody) + ",\"date\":\"" + java.time.LocalDate.now() + "\",\"decision\":\"approved\"}}");
        transition(id, reviewer, reviewerPassword, "{\"to\":\"PUBLISHED\"}");
    }

    private void transition(String id, String user, String password, String body) {
        var response = api(user, password, "POST", "/api/qualifications/" + id + "/transitions", body);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(user + ": " + body + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** SIGKILL: no shutdown hooks, no clean close of the store. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Graceful stop (SIGTERM, Spring's shutdown); SIGKILL after a minute. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    private HttpRequest request(String user, String password, String method, String path, String jsonBody) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(180))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (jsonBody != null) {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    /**
     * Uploads the official ESCO packages of this folder through {@code POST /api/imports/esco} as admin and returns the
     * import job's id; fails unless the upload was accepted (202).
     */
    public String startEscoImport(Path escoDir) {
        try {
            var response = send(EscoUpload.request(baseUrl(), ADMIN_PASSWORD, escoDir), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("the ESCO import was refused (" + response.statusCode() + "): " + response.body());
            }
            return JSON.readTree(response.body()).path("job").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls the job (as admin) until it has ended, whatever its end state, and returns that state. */
    public JsonNode awaitJob(String job, Duration timeout) {
        return awaitJob(job, state -> !"RUNNING".equals(state.path("state").asText()), timeout);
    }

    /**
     * Polls {@code GET /api/jobs/{job}} (as admin) until the condition holds and returns that state; fails when an answer
     * is not 200 or the time is up, naming the last state seen.
     */
    public JsonNode awaitJob(String job, Predicate<JsonNode> until, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var response = api("GET", "/api/jobs/" + job, null);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/jobs/" + job + " answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode state;
            try {
                state = JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (until.test(state)) {
                return state;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job " + job + " did not reach the expected state within " + timeout + ": " + state);
            }
            sleep(250);
        }
    }

    /** CPU time the process has used so far (all its threads). */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Sends any request (e.g. a multipart upload built elsewhere) with this instance's client. */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed; log: " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
