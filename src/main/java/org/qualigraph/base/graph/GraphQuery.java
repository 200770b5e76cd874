package org.qualigraph.base.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.dao.IncorrectResultSizeDataAccessException;

/** One statement and its parameters; nothing runs until {@code fetch..one/first/all}, {@link #rows()} or {@link #run()}. */
public final class GraphQuery {

    private final GraphExecutor executor;
    private final String cypher;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private boolean withHeldBackWrites;

    GraphQuery(GraphExecutor executor, String cypher) {
        this.executor = executor;
        this.cypher = cypher;
    }

    /** Binds a value; name it with {@link Binding#to(String)}. */
    public Binding bind(Object value) {
        return new Binding(value);
    }

    /** Binds every entry of the map as a parameter. */
    public GraphQuery bindAll(Map<String, ?> values) {
        parameters.putAll(values);
        return this;
    }

    /** Rows as maps of plain Java values (see {@link GraphValue} for what each type becomes). */
    public Fetch<Map<String, Object>> fetch() {
        return new Fetch<>(GraphRow::asMap);
    }

    /** Rows mapped to {@code type}: by {@link Fetch#mappedBy} or, without it, the row's only column converted. */
    public <T> Fetch<T> fetchAs(Class<T> type) {
        return new Fetch<>(row -> row.size() == 0 ? null : row.get(0).as(type));
    }

    /**
     * Runs this read in one statement with the writes its transaction held back ({@link #runLater()}), after them,
     * instead of sending them as a statement of their own first: one round trip, and the read sees the writes. For a
     * read of one query (no top-level {@code UNION}) whose parameters do not start with {@code w<digit>_}.
     */
    public GraphQuery afterHeldBackWrites() {
        withHeldBackWrites = true;
        return this;
    }

    /** All rows, for code that reads several columns by name. */
    public List<GraphRow> rows() {
        if (withHeldBackWrites) {
            var statement = DeferredWrites.before(executor, cypher, parameters);
            return executor.rows(statement.cypher(), statement.parameters());
        }
        DeferredWrites.flush(executor);
        return executor.rows(cypher, parameters);
    }

    /** Runs the statement for its effect (after the writes this transaction held back, {@link #runLater()}). */
    public GraphSummary run() {
        DeferredWrites.flush(executor);
        return executor.run(cypher, parameters);
    }

    /**
     * Runs the statement for its effect together with the transaction's other held-back writes, in one statement
     * before the transaction's next statement or its commit ({@link DeferredWrites}); at once outside a transaction.
     * For writes whose outcome nobody reads: what they fail with (a constraint, a deadlock) surfaces at that statement
     * or at commit, and rolls the transaction back as it would have here.
     */
    public void runLater() {
        DeferredWrites.add(executor, cypher, parameters);
    }

    public final class Binding {

        private final Object value;

        private Binding(Object value) {
            this.value = value;
        }

        public GraphQuery to(String name) {
            parameters.put(name, value);
            return GraphQuery.this;
        }
    }

    public final class Fetch<T> {

        private final Function<GraphRow, T> mapper;

        private Fetch(Function<GraphRow, T> mapper) {
            this.mapper = mapper;
        }

        public Fetch<T> mappedBy(Function<GraphRow, T> rowMapper) {
            return new Fetch<>(rowMapper);
        }

        /** The only row, if any; more than one is a mistake in the statement. */
        public Optional<T> one() {
            List<GraphRow> rows = rows();
            if (rows.size() > 1) {
                throw new IncorrectResultSizeDataAccessException(1, rows.size());
            }
            return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(mapper.apply(rows.get(0)));
        }

        public Optional<T> first() {
            List<GraphRow> rows = rows();
            return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(mapper.apply(rows.get(0)));
        }

        public Collection<T> all() {
            List<GraphRow> rows = rows();
            List<T> result = new ArrayList<>(rows.size());
            for (GraphRow row : rows) {
                result.add(mapper.apply(row));
            }
            return result;
        }
    }
}
