package org.qualigraph.exchange.elm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.Shapes;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.QualigraphProperties;
import org.qualigraph.base.SafeZip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.xml.sax.SAXException;

/**
 * The official Europass schemas (LOQ XSD with its code lists, the two LOQ SHACL shape files) as reference data: an
 * administrator uploads the ELM release and it is kept with the data under {@code <qualigraph.data-dir>/elm-schemas},
 * validated first (the XSD compiles, both SHACL files parse), switched to atomically and used at once, without a
 * restart. The setting {@code qualigraph.elm.schema-dir} still wins when set, for installations that manage the
 * files themselves. Without either, the release that ships inside the application ({@code elm-schemas/} on the class
 * path, EUPL-1.2 like Qualigraph) is used, so the pre-flight check works on a fresh installation: it is copied once
 * into {@code <data-dir>/elm-schemas/bundled-<commit>} because the XSD resolves its imports as files.
 */
@Service
public class ElmSchemaLibrary {

    private static final Logger log = LoggerFactory.getLogger(ElmSchemaLibrary.class);

    /** The form field of the upload, named in every refusal. */
    public static final String FIELD = "release";

    /** The release is 42 files and 4.4 MB; far below these, far above a zip bomb. */
    private static final SafeZip.Limits LIMITS = new SafeZip.Limits(2_000, 20L * 1024 * 1024, 100L * 1024 * 1024, 100);

    static final List<String> REQUIRED = List.of(ElmValidation.XSD, "loq/cv/nqf.xsd", ElmValidation.SHACL,
            ElmValidation.SHACL_MDR);

    /** The class-path folder of the bundled release; {@code files.txt} lists its files (a jar cannot be listed). */
    static final String BUNDLED = "elm-schemas/";

    private final Optional<Path> override;
    private final Path library;
    private volatile Path bundled;

    public ElmSchemaLibrary(QualigraphProperties properties) {
        this.override = ElmValidation.configuredDir(properties);
        Path dataDir = properties.dataDir() == null ? Path.of("data") : properties.dataDir();
        this.library = dataDir.toAbsolutePath().normalize().resolve("elm-schemas");
    }

    /** Where the schemas in use are and where they came from. */
    public record Installed(Path dir, boolean fromSetting, String source, Instant installedAt) {
    }

    /** The folder in use: the setting when given, else the last uploaded release, else the bundled one. */
    public Optional<Path> activeDir() {
        if (override.isPresent()) {
            return override;
        }
        return uploadedDir().or(this::bundledDir);
    }

    private Optional<Path> uploadedDir() {
        Path pointer = library.resolve("active");
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        try {
            String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
            Path dir = library.resolve(name).normalize();
            return dir.startsWith(library) && Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
        } catch (IOException e) {
            log.warn("Cannot read {}: {}", pointer, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The release shipped in the jar, copied once into the data folder (a new application version with another
     * release gets a folder of its own). Empty only when the class path lacks it or the folder cannot be written.
     */
    Optional<Path> bundledDir() {
        Path dir = bundled;
        if (dir != null && Files.isRegularFile(dir.resolve(ElmValidation.XSD))) {
            return Optional.of(dir);
        }
        synchronized (this) {
            try {
                String commit = resource("SOURCE-COMMIT.txt");
                List<String> files = resource("files.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
                if (commit == null || files.isEmpty()) {
                    return Optional.empty();
                }
                String name = "bundled-" + commit.strip().split("\\s+")[0].substring(0, 12);
                Path target = library.resolve(name);
                if (!Files.isRegularFile(target.resolve(".complete"))) {
                    Path staging = library.resolve(name + ".tmp-" + UUID.randomUUID().toString().substring(0, 8));
                    for (String file : files) {
                        Path to = staging.resolve(file).normalize();
                        if (!to.startsWith(staging)) {
                            continue;
                        }
                        Files.createDirectories(to.getParent());
                        try (var in = ElmSchemaLibrary.class.getClassLoader().getResourceAsStream(BUNDLED + file)) {
                            if (in == null) {
                                throw new IOException("the bundled schema file " + file + " is missing from the application");
                            }
                            Files.copy(in, to);
                        }
                    }
                    Files.writeString(staging.resolve(".complete"), commit, StandardCharsets.UTF_8);
                    try {
                        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException raced) {
                        // another instance on the same data folder was quicker; its copy is the same
                        deleteTree(staging);
                    }
                }
                bundled = target;
                return Optional.of(target);
            } catch (IOException | RuntimeException e) {
                log.warn("Cannot use the Europass schemas bundled with the application: {}", e.getMessage());
                return Optional.empty();
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (var in = ElmSchemaLibrary.class.getClassLoader().getResourceAsStream(BUNDLED + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** What is in use, for the Reference data page. */
    public Optional<Installed> installed() {
        return activeDir().map(dir -> new Installed(dir, override.isPresent(), source(dir), modified(dir)));
    }

    /** Whether the schemas in use are the ones shipped with the application (no upload, no setting). */
    public boolean usesBundled() {
        return override.isEmpty() && uploadedDir().isEmpty() && bundledDir().isPresent();
    }

    /**
     * Installs an uploaded release (a zip laid out like {@code ../shared/standards/elm}: {@code loq/loq.xsd} with
     * {@code loq/cv/}, {@code shacl/LOQ-constraints.ttl}, {@code shacl/LOQ-constraints-mdr.ttl}; optionally inside one
     * top folder). A bad upload is a 400 naming the file and changes nothing; a good one is used from the next check on.
     */
    public synchronized Installed install(Path zip) {
        try {
            Files.createDirectories(library);
            Path staging = library.resolve("upload-" + UUID.randomUUID());
            Files.createDirectories(staging);
            try {
                SafeZip.extract(zip, staging, LIMITS, FIELD);
                Path root = findRoot(staging);
                verify(root);
                String name = "release-" + Instant.now().toString().replace(":", "").replace(".", "") + "-"
                        + UUID.randomUUID().toString().substring(0, 8);
                Path target = library.resolve(name);
                Files.move(root, target, StandardCopyOption.ATOMIC_MOVE);
                Path pointer = library.resolve("active.tmp");
                Files.writeString(pointer, name, StandardCharsets.UTF_8);
                Files.move(pointer, library.resolve("active"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                log.info("Europass schemas installed in {} ({})", target, source(target));
                removeOlderReleases(name);
                return new Installed(target, false, source(target), Instant.now());
            } finally {
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the Europass schemas under " + library, e);
        }
    }

    /** Whether a setting decides the folder (then uploads are stored but not used). */
    public boolean overridden() {
        return override.isPresent();
    }

    private static Path findRoot(Path staging) throws IOException {
        if (Files.isRegularFile(staging.resolve(ElmValidation.XSD))) {
            return staging;
        }
        try (Stream<Path> children = Files.list(staging)) {
            var dirs = children.filter(Files::isDirectory).toList();
            if (dirs.size() == 1 && Files.isRegularFile(dirs.get(0).resolve(ElmValidation.XSD))) {
                return dirs.get(0);
            }
        }
        throw problem("problem.elm.layout", ElmValidation.XSD);
    }

    /** Every required file is there, the XSD compiles (imports from its own folder only), both SHACL files parse. */
    static void verify(Path root) {
        var missing = new ArrayList<String>();
        for (String file : REQUIRED) {
            if (!Files.isRegularFile(root.resolve(file))) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            throw problem("problem.elm.lacks", String.join(", ", missing));
        }
        try {
            compile(root);
        } catch (SAXException | RuntimeException e) {
            throw problem("problem.elm.xsd", ElmValidation.XSD, String.valueOf(e.getMessage()));
        }
        for (String file : List.of(ElmValidation.SHACL, ElmValidation.SHACL_MDR)) {
            try {
                Shapes.parse(RDFDataMgr.loadGraph(root.resolve(file).toString()));
            } catch (RuntimeException e) {
                throw problem("problem.elm.shacl", file, String.valueOf(e.getMessage()));
            }
        }
    }

    /** A refused upload as a sentence of the bundles ({@code problem.elm.*}); the API answers it in English. */
    private static BadInputException problem(String key, Object... args) {
        return new BadInputException(List.of(org.qualigraph.base.FieldProblem.of(FIELD, key, args)));
    }

    /**
     * Compiles the LOQ schema; its imports must stay inside its own folder, so an uploaded schema cannot make the
     * server read other files.
     */
    static Schema compile(Path root) throws SAXException {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        Path base = root.toAbsolutePath().normalize();
        factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
            if (systemId == null) {
                return null;
            }
            try {
                var from = baseUri == null ? base.toUri() : java.net.URI.create(baseUri);
                Path resolved = Path.of(from.resolve(systemId)).toAbsolutePath().normalize();
                if (!resolved.startsWith(base)) {
                    throw new IllegalArgumentException("the schema refers to " + systemId + ", outside its own folder");
                }
                return null;
            } catch (java.nio.file.FileSystemNotFoundException | IllegalArgumentException e) {
                throw new IllegalArgumentException("the schema refers to " + systemId + ", outside its own folder", e);
            }
        });
        return factory.newSchema(base.resolve(ElmValidation.XSD).toFile());
    }

    private void removeOlderReleases(String keep) {
        try (Stream<Path> children = Files.list(library)) {
            children.filter(Files::isDirectory).filter(p -> p.getFileName().toString().startsWith("release-"))
                    .filter(p -> !p.getFileName().toString().equals(keep)).forEach(ElmSchemaLibrary::deleteTree);
        } catch (IOException e) {
            log.warn("Cannot tidy {}: {}", library, e.getMessage());
        }
    }

    private static String source(Path dir) {
        Path commit = dir.resolve("SOURCE-COMMIT.txt");
        try {
            return Files.isRegularFile(commit) ? Files.readString(commit, StandardCharsets.UTF_8).lines().findFirst()
                    .map(String::strip).orElse("") : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static Instant modified(Path dir) {
        try {
            return Files.getLastModifiedTime(dir).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.warn("Cannot delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", dir, e.getMessage());
        }
    }
}
