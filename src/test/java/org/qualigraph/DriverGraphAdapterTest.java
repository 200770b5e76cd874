package org.qualigraph;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link GraphAdapterContract} through the driver adapter: Spring Data Neo4j's client and transaction manager over the
 * harness's Bolt connector, as a server or cluster is reached. A context of its own (the one extra of the suite).
 */
@TestPropertySource(properties = "qualigraph.graph.access=driver")
class DriverGraphAdapterTest extends GraphAdapterContract {

    @Override
    String expectedAccess() {
        return "driver";
    }
}
