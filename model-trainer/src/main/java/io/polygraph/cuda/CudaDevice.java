package io.polygraph.cuda;

import java.util.Objects;

/**
 * One GPU the CUDA runtime sees: its index (as {@code CUDA_VISIBLE_DEVICES} numbers it), name and
 * compute capability.
 */
public record CudaDevice(int index, String name, ComputeCapability capability) {

    public CudaDevice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(capability, "capability");
    }

    @Override
    public String toString() {
        return "device " + index + " (" + name + ", compute capability " + capability + ")";
    }
}
