package org.qualigraph.curriculum;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.qualigraph.base.QualigraphProperties;
import org.qualigraph.base.neo4j.SchemaMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.qualigraph.base.graph.Graph;
import org.springframework.stereotype.Component;

/**
 * Loads the demo curriculum into an empty database on first start, through the same validation and write path the
 * REST API uses. The documents come from the jar ({@code graph-seed/} is packaged as classpath resources), so
 * {@code java -jar} brings its demo from any folder; {@code qualigraph.seed-dir} names a folder to use instead.
 * A document may name the seed file it derives from ({@code "derivedFromSeed"}); it is then linked to it as a
 * national variant. Runs once: a marker node remembers it, so deleting the demo later does not bring it back.
 *
 * <p>It runs as an {@link ApplicationRunner} because Spring Boot reports the application ready (readiness state
 * ACCEPTING_TRAFFIC, health UP) only after the runners: a client that starts at the first UP finds the demo listed.
 * Work that may take long must not run here, or readiness waits for it.
 */
@Component
class DemoCurriculum implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCurriculum.class);
    private static final String PACKAGED = "classpath*:graph-seed/*.json";

    private final QualigraphProperties properties;
    private final QualificationService service;
    private final Graph client;
    private final ObjectMapper json;
    private volatile boolean stopping;

    DemoCurriculum(QualigraphProperties properties, QualificationService service, Graph client, ObjectMapper json,
                   SchemaMigrations migrated) {
        this.properties = properties;
        this.service = service;
        this.client = client;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            loadOnFirstStart();
        } catch (RuntimeException e) {
            if (!stopping) {
                throw e;
            }
            // the database closed under the look-up of the marker or the count: a stop, not an error of the demo
            log.info("The application stopped before the demo curriculum was checked; it will be loaded on the next start");
        }
    }

    /** A stop during the load closes the database under it; that is not an error of the demo. */
    @EventListener(ContextClosedEvent.class)
    void stopping() {
        stopping = true;
    }

    void loadOnFirstStart() {
        if (!properties.demo()) {
            return;
        }
        boolean seeded = client.query("MATCH (m:__Demo) RETURN count(m) > 0").fetchAs(Boolean.class).one().orElse(false);
        if (seeded || service.countAll() > 0) {
            return;
        }
        String source;
        List<SeedDocument> documents;
        try {
            if (properties.seedDir() != null) {
                Path dir = properties.seedDir();
                source = dir.toAbsolutePath().toString();
                if (!Files.isDirectory(dir)) {
                    log.warn("Demo curriculum not loaded: the folder qualigraph.seed-dir={} does not exist", source);
                    return;
                }
                documents = folder(dir);
            } else {
                source = "the documents packaged in the application (graph-seed/)";
                documents = packaged();
            }
        } catch (IOException e) {
            log.error("Demo curriculum could not be read", e);
            return;
        }
        if (documents.isEmpty()) {
            log.warn("Demo curriculum not loaded: no *.json documents in {}", source);
            return;
        }
        try {
            int loaded = load(documents);
            client.query("CREATE (:__Demo {loadedAt: datetime(), documents: $n})").bind(loaded).to("n").run();
            log.info("Loaded {} demo qualifications from {}", loaded, source);
        } catch (IOException | RuntimeException e) {
            if (stopping) {
                log.info("The application stopped while the demo curriculum was loading; it was not completed");
            } else {
                log.error("Demo curriculum could not be loaded from {}", source, e);
            }
        }
    }

    /** Loads every {@code *.json} document of the folder; cores first, then the variants derived from them. */
    int load(Path dir) throws IOException {
        return load(folder(dir));
    }

    private int load(List<SeedDocument> documents) throws IOException {
        Map<String, String> idByFile = new HashMap<>();
        var variants = new ArrayList<ObjectNode>();
        for (SeedDocument document : documents) {
            ObjectNode node = (ObjectNode) json.readTree(document.content());
            if (node.has("derivedFromSeed")) {
                variants.add(node);
                continue;
            }
            var created = service.create(json.treeToValue(node, QualificationDocument.class), "demo");
            idByFile.put(document.name(), created.id());
        }
        for (ObjectNode node : variants) {
            String source = idByFile.get(node.remove("derivedFromSeed").asText());
            var doc = json.treeToValue(node, QualificationDocument.class);
            if (source == null) {
                service.create(doc, "demo");
            } else {
                var derived = service.derive(source, doc.title(), "demo");
                service.update(derived.id(), doc.withIdentity(derived.id(), derived.version(), null, null), "demo");
            }
        }
        return documents.size();
    }

    private static List<SeedDocument> folder(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            List<SeedDocument> documents = new ArrayList<>();
            for (Path file : list.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                documents.add(new SeedDocument(file.getFileName().toString(), Files.readAllBytes(file)));
            }
            return documents;
        }
    }

    private static List<SeedDocument> packaged() throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver(DemoCurriculum.class.getClassLoader()).getResources(PACKAGED);
        List<SeedDocument> documents = new ArrayList<>();
        for (Resource resource : Arrays.stream(resources).sorted(Comparator.comparing(Resource::getFilename)).toList()) {
            try (InputStream in = resource.getInputStream()) {
                documents.add(new SeedDocument(resource.getFilename(), in.readAllBytes()));
            }
        }
        return documents;
    }

    private record SeedDocument(String name, byte[] content) {
    }
}
