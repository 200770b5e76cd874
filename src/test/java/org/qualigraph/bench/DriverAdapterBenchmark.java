package org.qualigraph.bench;

import org.springframework.test.context.TestPropertySource;

/** {@link GraphAdapterTiming} through the driver adapter over loopback Bolt (the access before the port). */
@TestPropertySource(properties = "qualigraph.graph.access=driver")
class DriverAdapterBenchmark extends GraphAdapterTiming {
}
