package io.polygraph.gpu;

import io.polygraph.graph.GraphBackend;
import io.polygraph.graph.GraphRunner;
import io.polygraph.portable.PortableGraph;

/**
 * The {@code cuda} graph backend: a network compiled by the portable interpreter, run on the first
 * visible NVIDIA GPU (see {@link CudaGraph}). Compiling fails with a clear message when the CUDA 13
 * libraries or a GPU are missing.
 */
public final class CudaGraphBackend implements GraphBackend {

    /** The backend's name. */
    public static final String NAME = "cuda";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GraphRunner compile(byte[] flatBuffers, String... outputs) {
        // The GPU first: on a machine without one, every network fails the same clear way.
        CudaDevice device = CudaDevice.first();
        return new CudaGraph(PortableGraph.compile(flatBuffers, outputs), device);
    }
}
