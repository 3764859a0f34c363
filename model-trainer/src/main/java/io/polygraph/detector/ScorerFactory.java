package io.polygraph.detector;

import java.io.IOException;
import java.io.Serializable;

/**
 * Creates a {@link BatchScorer} where it will run: Flink ships the factory to each subtask, which
 * then loads its own scorer in {@code open()} (networks are not thread-safe and not serializable).
 */
@FunctionalInterface
public interface ScorerFactory extends Serializable {

    /** Loads the model and returns a scorer ready to use. */
    BatchScorer create() throws IOException;

    /**
     * The name of the {@link io.polygraph.graph.GraphBackend} the scorers run their networks on;
     * models announced to a running job load on the same one.
     */
    default String graphBackend() {
        return io.polygraph.graph.Nd4jGraphBackend.NAME;
    }

    /**
     * Most enrolment signature canvases each scorer keeps from batch to batch (see {@link
     * EnrolmentCanvases}); models announced to a running job keep as many.
     */
    default int enrolmentCanvases() {
        return EnrolmentCanvases.DEFAULT_CAPACITY;
    }
}
