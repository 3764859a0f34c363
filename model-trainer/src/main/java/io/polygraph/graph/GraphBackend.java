package io.polygraph.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * What runs the detectors' networks when they score: ND4J ({@value Nd4jGraphBackend#NAME}, the
 * default, on the CPU or on a GPU ND4J has kernels for) or another implementation of the same ops
 * (the portable interpreter, a GPU backend). Training always uses ND4J.
 *
 * <p>Backends are found by name through {@link ServiceLoader}, so a module on the class path can
 * add one without the detectors knowing it. Contract: a backend compiles a network from the
 * FlatBuffers bytes a snapshot stores and gives the same outputs as ND4J within float32 rounding;
 * it fails at compile time, naming the op, on a graph it cannot run.
 */
public interface GraphBackend {

    /** The name to choose it by, for example {@code nd4j}. */
    String name();

    /**
     * Compiles the part of a stored network that computes {@code outputs}.
     *
     * @throws UnsupportedOperationException when that part holds an op this backend cannot run
     * @throws IllegalArgumentException when an output is not in the network
     */
    GraphRunner compile(byte[] flatBuffers, String... outputs);

    /** ND4J, the backend training uses. */
    static GraphBackend nd4j() {
        return new Nd4jGraphBackend();
    }

    /**
     * The backend called {@code name} on the class path.
     *
     * @throws IllegalArgumentException naming the backends there are, when none is called so
     */
    static GraphBackend named(String name) {
        List<String> known = new ArrayList<>();
        for (GraphBackend backend : ServiceLoader.load(GraphBackend.class)) {
            if (backend.name().equals(name)) {
                return backend;
            }
            known.add(backend.name());
        }
        throw new IllegalArgumentException(
                "no graph backend " + name + " on the class path; there are " + known);
    }
}
