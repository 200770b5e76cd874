package org.qualigraph.base.neo4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.IndexCreator;
import org.neo4j.graphdb.schema.IndexSetting;
import org.neo4j.graphdb.schema.IndexType;
import org.neo4j.graphdb.schema.Schema;
import org.qualigraph.base.graph.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema of every pending migration applied to a new, empty embedded store in one go, without Cypher: the
 * migrations' constraints and indexes (after their drops) are created through the database's schema API in one
 * transaction, statements that start with {@code MATCH} are left out while nothing has been written (on an empty
 * store they match nothing and so change nothing), and the remaining data statements run as Cypher after them. On a
 * fresh store that saves compiling every schema statement once (58 at the time of writing, seconds of a start on two
 * cores). Any statement it does not understand makes it decline before anything is written, and the ordinary
 * versioned migrations run instead; existing stores always take that path. {@code SchemaMigrationsFreshStoreTest}
 * checks that both paths give the same schema.
 */
final class FreshStoreSchema {

    private static final Logger log = LoggerFactory.getLogger(FreshStoreSchema.class);

    private static final String NAME = "`?(\\w+)`?";
    private static final String FOR = "\\s+IF\\s+NOT\\s+EXISTS\\s+FOR\\s*\\(\\s*(\\w+)\\s*:\\s*`?(\\w+)`?\\s*\\)\\s+";
    private static final Pattern UNIQUE = Pattern.compile(
            "(?is)CREATE\\s+CONSTRAINT\\s+" + NAME + FOR + "REQUIRE\\s+(\\w+)\\.`?(\\w+)`?\\s+IS\\s+UNIQUE");
    private static final Pattern RANGE = Pattern.compile(
            "(?is)CREATE\\s+(?:RANGE\\s+)?INDEX\\s+" + NAME + FOR + "ON\\s*\\(([^)]*)\\)");
    private static final Pattern FULLTEXT = Pattern.compile("(?is)CREATE\\s+FULLTEXT\\s+INDEX\\s+" + NAME + FOR
            + "ON\\s+EACH\\s*\\[([^\\]]*)\\]"
            + "(?:\\s+OPTIONS\\s*\\{\\s*indexConfig\\s*:\\s*\\{\\s*`fulltext\\.analyzer`\\s*:\\s*'([\\w-]+)'\\s*}\\s*})?");
    private static final Pattern VECTOR = Pattern.compile("(?is)CREATE\\s+VECTOR\\s+INDEX\\s+" + NAME + FOR
            + "ON\\s*\\(?\\s*(\\w+)\\.`?(\\w+)`?\\s*\\)?\\s+OPTIONS\\s*\\{\\s*indexConfig\\s*:\\s*\\{\\s*"
            + "`vector\\.dimensions`\\s*:\\s*(\\d+)\\s*,\\s*`vector\\.similarity_function`\\s*:\\s*'(\\w+)'\\s*}\\s*}");
    private static final Pattern DROP = Pattern.compile("(?is)DROP\\s+(?:CONSTRAINT|INDEX)\\s+" + NAME + "\\s+IF\\s+EXISTS");
    private static final Pattern MATCH_FIRST = Pattern.compile("(?is)MATCH\\b.*");
    /**
     * Clauses after which a statement can produce a row though its first MATCH found none ({@code MATCH (n) WITH
     * count(n) AS c CREATE ...} writes on an empty store): such a statement is always kept.
     */
    private static final Pattern ROW_MAKING = Pattern.compile("(?is).*\\b(WITH|RETURN|UNION|CALL|FOREACH)\\b.*");

    private FreshStoreSchema() {
    }

    /** What a fresh store needs: schema rules by name, in order, and the data statements that must still run. */
    record Plan(Map<String, Consumer<Schema>> rules, List<String> data) {
    }

    /**
     * The plan for these migrations on an empty store, or null if a schema statement is not one of the forms this
     * class knows (then the versioned path must run).
     */
    static Plan plan(List<SchemaMigrations.Migration> migrations) {
        Map<String, Consumer<Schema>> rules = new LinkedHashMap<>();
        List<String> data = new ArrayList<>();
        for (SchemaMigrations.Migration migration : migrations) {
            for (String statement : migration.statements()) {
                if (SchemaMigrations.isSchema(statement)) {
                    Matcher drop = DROP.matcher(statement);
                    if (drop.matches()) {
                        rules.remove(drop.group(1));
                        continue;
                    }
                    Rule rule = rule(statement);
                    if (rule == null) {
                        return null;
                    }
                    // IF NOT EXISTS: a second rule of one name changes nothing
                    rules.putIfAbsent(rule.name(), rule.create());
                } else if (!(data.isEmpty() && findsNothingOnAnEmptyStore(statement))) {
                    data.add(statement);
                }
            }
        }
        return new Plan(rules, data);
    }

    /**
     * A statement that starts with MATCH and only acts on the rows it matched: on an empty graph it has no row, so it
     * changes nothing; it only matters once a statement before it has written.
     */
    static boolean findsNothingOnAnEmptyStore(String statement) {
        return MATCH_FIRST.matcher(statement).matches() && !ROW_MAKING.matcher(statement).matches();
    }

    /**
     * Applies the migrations' schema and data to the store if it is empty; false (nothing done) if it holds any node or
     * a statement is not understood, or if the schema API refuses the rules (an index equivalent to another under a
     * second name, which Cypher's {@code IF NOT EXISTS} would skip): its transaction is then rolled back, nothing is
     * written and the versioned path runs.
     */
    static boolean applyIfEmpty(GraphDatabaseService database, Graph graph, List<SchemaMigrations.Migration> migrations) {
        Plan plan = plan(migrations);
        if (plan == null) {
            return false;
        }
        try (Transaction tx = database.beginTx()) {
            boolean empty;
            try (ResourceIterator<Node> nodes = tx.getAllNodes().iterator()) {
                empty = !nodes.hasNext();
            }
            if (!empty || hasOwnIndexes(tx.schema())) {
                return false;
            }
            plan.rules().values().forEach(rule -> rule.accept(tx.schema()));
            tx.commit();
        } catch (RuntimeException e) {
            log.warn("The new store's schema could not be created directly ({}); the migration files run one by one",
                    e.getMessage());
            return false;
        }
        // each in its own transaction, as the versioned path runs them
        plan.data().forEach(statement -> graph.inNewTransaction(() -> {
            graph.query(statement).run();
        }));
        return true;
    }

    /** Any index other than the token lookup indexes every new store has. */
    private static boolean hasOwnIndexes(Schema schema) {
        for (var index : schema.getIndexes()) {
            if (index.getIndexType() != IndexType.LOOKUP) {
                return true;
            }
        }
        return false;
    }

    private record Rule(String name, Consumer<Schema> create) {
    }

    private static Rule rule(String statement) {
        Matcher m = UNIQUE.matcher(statement);
        if (m.matches() && m.group(2).equals(m.group(4))) {
            String name = m.group(1);
            Label label = Label.label(m.group(3));
            String property = m.group(5);
            return new Rule(name, schema -> schema.constraintFor(label).assertPropertyIsUnique(property).withName(name).create());
        }
        m = RANGE.matcher(statement);
        if (m.matches()) {
            List<String> properties = properties(m.group(2), m.group(4));
            return properties == null ? null : index(m.group(1), m.group(3), properties, IndexType.RANGE, Map.of());
        }
        m = FULLTEXT.matcher(statement);
        if (m.matches()) {
            List<String> properties = properties(m.group(2), m.group(4));
            Map<IndexSetting, Object> config = m.group(5) == null ? Map.of() : Map.of(IndexSetting.fulltext_Analyzer(), m.group(5));
            return properties == null ? null : index(m.group(1), m.group(3), properties, IndexType.FULLTEXT, config);
        }
        m = VECTOR.matcher(statement);
        if (m.matches() && m.group(2).equals(m.group(4))) {
            return index(m.group(1), m.group(3), List.of(m.group(5)), IndexType.VECTOR, Map.of(
                    IndexSetting.vector_Dimensions(), Integer.parseInt(m.group(6)),
                    IndexSetting.vector_Similarity_Function(), m.group(7).toUpperCase(java.util.Locale.ROOT)));
        }
        return null;
    }

    private static Rule index(String name, String label, List<String> properties, IndexType type,
                              Map<IndexSetting, Object> config) {
        return new Rule(name, schema -> {
            IndexCreator creator = schema.indexFor(Label.label(label));
            for (String property : properties) {
                creator = creator.on(property);
            }
            creator = creator.withIndexType(type).withName(name);
            if (!config.isEmpty()) {
                creator = creator.withIndexConfiguration(config);
            }
            creator.create();
        });
    }

    /** {@code n.a, n.b} of variable {@code n}: [a, b]; null if any item is not a property of that variable. */
    private static List<String> properties(String variable, String list) {
        List<String> properties = new ArrayList<>();
        for (String item : list.split(",")) {
            Matcher m = Pattern.compile("\\s*" + Pattern.quote(variable) + "\\.`?(\\w+)`?\\s*").matcher(item);
            if (!m.matches()) {
                return null;
            }
            properties.add(m.group(1));
        }
        return properties;
    }
}
