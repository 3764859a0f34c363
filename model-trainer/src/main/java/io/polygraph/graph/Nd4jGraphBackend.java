package io.polygraph.graph;

import java.io.ByteArrayInputStream;
import org.nd4j.autodiff.samediff.SameDiff;

/** Runs networks with ND4J, through an {@link InferencePlan} of the loaded SameDiff graph. */
public final class Nd4jGraphBackend implements GraphBackend {

    /** The backend's name. */
    public static final String NAME = "nd4j";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GraphRunner compile(byte[] flatBuffers, String... outputs) {
        return new Nd4jGraphRunner(
                SameDiff.load(new ByteArrayInputStream(flatBuffers), false), outputs);
    }
}
