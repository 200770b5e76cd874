package org.qualigraph;

/** {@link GraphAdapterContract} through the embedded adapter, in the context every other test shares. */
class EmbeddedGraphAdapterTest extends GraphAdapterContract {

    @Override
    String expectedAccess() {
        return "embedded";
    }
}
