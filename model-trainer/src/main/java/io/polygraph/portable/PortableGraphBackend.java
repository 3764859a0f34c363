package io.polygraph.portable;

import io.polygraph.graph.GraphBackend;
import io.polygraph.graph.GraphRunner;

/**
 * The portable interpreter as a {@link GraphBackend}: networks run in plain Java, on one thread per
 * scorer, without ND4J.
 */
public final class PortableGraphBackend implements GraphBackend {

    /** The backend's name. */
    public static final String NAME = "portable";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GraphRunner compile(byte[] flatBuffers, String... outputs) {
        return PortableGraph.compile(flatBuffers, outputs);
    }
}
