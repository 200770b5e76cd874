package org.qualigraph.base.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** One result row: its columns by name and position, values already plain Java (see {@link GraphValue}). */
public final class GraphRow {

    private final Map<String, Object> columns;

    /** Columns in the statement's order, values normalised by {@link GraphValues#normalise(Object)}. */
    GraphRow(Map<String, Object> columns) {
        this.columns = Collections.unmodifiableMap(columns);
    }

    public GraphValue get(String column) {
        return new GraphValue(columns.get(column));
    }

    public GraphValue get(int index) {
        return new GraphValue(new ArrayList<>(columns.values()).get(index));
    }

    public boolean containsKey(String column) {
        return columns.containsKey(column);
    }

    public List<String> keys() {
        return List.copyOf(columns.keySet());
    }

    public int size() {
        return columns.size();
    }

    public Map<String, Object> asMap() {
        return columns;
    }

    @Override
    public String toString() {
        return columns.toString();
    }
}
