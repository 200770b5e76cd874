package org.qualigraph.base.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.graphdb.GraphDatabaseService;
import org.qualigraph.base.graph.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies the versioned schema files {@code classpath:neo4j/migrations/V<n>__<name>.cypher} once each, in version
 * order, and records them as {@code (:__Migration)} nodes. Statements are written with {@code IF NOT EXISTS}, so a
 * crash between a statement and its record is repaired by simply running again. A changed file that was already
 * applied is reported, not silently re-run. A new, empty embedded store gets the schema of all files in one go
 * ({@link FreshStoreSchema}) and is recorded as having applied them.
 */
@Component
public class SchemaMigrations implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([\\w-]+)\\.cypher");

    private final Graph graph;
    /** The embedded database when the stores reach it in-process; null with the driver adapter. */
    private final GraphDatabaseService database;

    @Autowired
    SchemaMigrations(Graph graph, ObjectProvider<GraphDatabaseService> database) {
        this(graph, "embedded".equals(graph.access()) ? database.getIfAvailable() : null);
    }

    SchemaMigrations(Graph graph, GraphDatabaseService database) {
        this.graph = graph;
        this.database = database;
    }

    @Override
    public void afterPropertiesSet() {
        apply();
    }

    /**
     * Applies what is missing; returns the number of files applied now. One read finds what is applied; the pending
     * statements then run in as few transactions as Neo4j allows: each run of consecutive schema statements (across
     * files) in one transaction, each data statement in its own (the two cannot share a transaction), and one write
     * records every file applied. A crash before that record re-runs the statements next time, which they allow.
     */
    public int apply() {
        List<Migration> pending = new ArrayList<>();
        Map<Integer, String> applied = new HashMap<>();
        graph.query("MATCH (m:__Migration) RETURN m.version AS version, m.checksum AS checksum").rows()
                .forEach(row -> applied.put((int) row.get("version").asLong(), row.get("checksum").asString()));
        for (Migration migration : migrations()) {
            String checksum = applied.get(migration.version());
            if (checksum == null) {
                pending.add(migration);
            } else if (!checksum.equals(migration.checksum())) {
                log.warn("Schema migration V{} ({}) changed after it was applied; not re-applied",
                        migration.version(), migration.name());
            }
        }
        if (pending.isEmpty()) {
            return 0;
        }
        // a new store gets the schema of all files at once through the embedded database's schema API (no Cypher to
        // compile); every other store runs the files' statements
        boolean fresh = applied.isEmpty() && database != null && FreshStoreSchema.applyIfEmpty(database, graph, pending);
        if (!fresh) {
            for (List<String> batch : transactions(pending)) {
                graph.inNewTransaction(() -> batch.forEach(statement -> graph.query(statement).run()));
            }
        }
        List<Map<String, Object>> records = pending.stream().map(migration -> Map.<String, Object>of(
                "version", migration.version(), "name", migration.name(), "checksum", migration.checksum())).toList();
        graph.query("UNWIND $records AS r MERGE (m:__Migration {version: r.version}) "
                + "SET m.name = r.name, m.checksum = r.checksum, m.appliedAt = datetime()")
                .bindAll(Map.of("records", records)).run();
        pending.forEach(migration -> log.info("Applied schema migration V{} {}{}", migration.version(), migration.name(),
                fresh ? " (new store: its schema created directly)" : ""));
        return pending.size();
    }

    private static final Pattern SCHEMA = Pattern.compile(
            "(?is)(CREATE|DROP)\\s+(OR\\s+REPLACE\\s+)?((RANGE|TEXT|POINT|LOOKUP|FULLTEXT|VECTOR)\\s+)?(INDEX|CONSTRAINT)\\b.*");

    static boolean isSchema(String statement) {
        return SCHEMA.matcher(statement).matches();
    }

    /** The statements in order, grouped into transactions: consecutive schema statements together, data alone. */
    static List<List<String>> transactions(List<Migration> migrations) {
        List<List<String>> transactions = new ArrayList<>();
        List<String> schema = new ArrayList<>();
        for (Migration migration : migrations) {
            for (String statement : migration.statements()) {
                if (isSchema(statement)) {
                    schema.add(statement);
                    continue;
                }
                if (!schema.isEmpty()) {
                    transactions.add(schema);
                    schema = new ArrayList<>();
                }
                transactions.add(List.of(statement));
            }
        }
        if (!schema.isEmpty()) {
            transactions.add(schema);
        }
        return transactions;
    }

    static List<Migration> migrations() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:neo4j/migrations/*.cypher");
            return inOrder(Arrays.stream(resources).map(SchemaMigrations::read).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the schema migrations", e);
        }
    }

    /**
     * The migrations by version, refusing two files with one version: the runner records a version once, so the second
     * file would be reported as "changed" and never applied (a renamed file left behind in a build folder did that).
     */
    static List<Migration> inOrder(List<Migration> migrations) {
        var byVersion = new java.util.TreeMap<Integer, Migration>();
        for (Migration migration : migrations) {
            Migration other = byVersion.putIfAbsent(migration.version(), migration);
            if (other != null) {
                throw new IllegalStateException("Two schema files have version V" + migration.version() + ": "
                        + other.name() + " and " + migration.name() + "; give each file its own number");
            }
        }
        return List.copyOf(byVersion.values());
    }

    private static Migration read(Resource resource) {
        Matcher matcher = NAME.matcher(String.valueOf(resource.getFilename()));
        if (!matcher.matches()) {
            throw new IllegalStateException("Schema file " + resource.getFilename() + " is not named V<n>__<name>.cypher");
        }
        try {
            String text = resource.getContentAsString(StandardCharsets.UTF_8);
            List<String> statements = Arrays.stream(text.split(";\\s*(\\r?\\n|$)"))
                    .map(s -> s.lines().filter(l -> !l.strip().startsWith("//")).reduce("", (a, b) -> a + "\n" + b).strip())
                    .filter(s -> !s.isEmpty()).toList();
            return new Migration(Integer.parseInt(matcher.group(1)), matcher.group(2), statements, sha256(text));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema file " + resource.getFilename(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Migration(int version, String name, List<String> statements, String checksum) {
    }
}
