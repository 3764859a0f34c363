package io.polygraph.graph;

import java.util.Map;

/**
 * One network compiled by a {@link GraphBackend} for the outputs a detector reads: placeholder
 * values in, those outputs out, as plain {@link Tensor}s.
 *
 * <p>Contract: the result holds every requested output, each a fresh tensor the caller owns.
 * Whether a runner may be shared between threads is the backend's to say; scorers hold one each and
 * close it when they are closed.
 */
public interface GraphRunner extends AutoCloseable {

    /**
     * The outputs for these placeholder values.
     *
     * @throws IllegalArgumentException when a placeholder the outputs need is missing or has a
     *     shape the graph does not take
     */
    Map<String, Tensor> run(Map<String, Tensor> placeholders);

    /** Frees what the runner holds outside the Java heap (a GPU's memory); nothing by default. */
    @Override
    default void close() {}
}
