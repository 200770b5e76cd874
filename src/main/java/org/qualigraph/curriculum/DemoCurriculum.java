package org.qualigraph.curriculum;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.qualigraph.base.QualigraphProperties;
import org.qualigraph.base.neo4j.SchemaMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Loads the demo curriculum from {@code graph-seed/} into an empty database on first start, through the same
 * validation and write path the REST API uses. A document may name the seed file it derives from
 * ({@code "derivedFromSeed"}); it is then linked to it as a national variant. Runs once: a marker node remembers it,
 * so deleting the demo later does not bring it back.
 */
@Component
class DemoCurriculum {

    private static final Logger log = LoggerFactory.getLogger(DemoCurriculum.class);

    private final QualigraphProperties properties;
    private final QualificationService service;
    private final Neo4jClient client;
    private final ObjectMapper json;

    DemoCurriculum(QualigraphProperties properties, QualificationService service, Neo4jClient client, ObjectMapper json,
                   SchemaMigrations migrated) {
        this.properties = properties;
        this.service = service;
        this.client = client;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadOnFirstStart() {
        if (!properties.demo()) {
            return;
        }
        boolean seeded = client.query("MATCH (m:__Demo) RETURN count(m) > 0").fetchAs(Boolean.class).one().orElse(false);
        if (seeded || service.countAll() > 0) {
            return;
        }
        Path dir = properties.seedDir();
        if (!Files.isDirectory(dir)) {
            log.warn("Demo curriculum not loaded: folder {} not found", dir.toAbsolutePath());
            return;
        }
        try {
            int loaded = load(dir);
            client.query("CREATE (:__Demo {loadedAt: datetime(), documents: $n})").bind(loaded).to("n").run();
            log.info("Loaded {} demo qualifications from {}", loaded, dir.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            log.error("Demo curriculum could not be loaded from {}: {}", dir.toAbsolutePath(), e.getMessage());
        }
    }

    /** Loads every {@code *.json} document of the folder; cores first, then the variants derived from them. */
    int load(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        Map<String, String> idByFile = new HashMap<>();
        var variants = new java.util.ArrayList<Map.Entry<Path, ObjectNode>>();
        for (Path file : files) {
            ObjectNode node = (ObjectNode) json.readTree(file.toFile());
            if (node.has("derivedFromSeed")) {
                variants.add(Map.entry(file, node));
                continue;
            }
            var created = service.create(json.treeToValue(node, QualificationDocument.class), "demo");
            idByFile.put(file.getFileName().toString(), created.id());
        }
        for (var variant : variants) {
            ObjectNode node = variant.getValue();
            String source = idByFile.get(node.remove("derivedFromSeed").asText());
            var doc = json.treeToValue(node, QualificationDocument.class);
            if (source == null) {
                service.create(doc, "demo");
            } else {
                var derived = service.derive(source, doc.title(), "demo");
                service.update(derived.id(), doc.withIdentity(derived.id(), derived.version(), null, null), "demo");
            }
        }
        return files.size();
    }
}
