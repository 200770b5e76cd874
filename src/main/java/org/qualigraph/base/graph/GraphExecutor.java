package org.qualigraph.base.graph;

import java.util.List;
import java.util.Map;

/** What an adapter does for {@link GraphQuery}: run one statement, all rows materialised as plain Java. */
interface GraphExecutor {

    List<GraphRow> rows(String cypher, Map<String, Object> parameters);

    GraphSummary run(String cypher, Map<String, Object> parameters);
}
