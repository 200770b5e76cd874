package org.qualigraph.bench;

/** {@link GraphAdapterTiming} through the embedded adapter. */
class EmbeddedAdapterBenchmark extends GraphAdapterTiming {
}
