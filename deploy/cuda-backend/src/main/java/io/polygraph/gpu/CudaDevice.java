package io.polygraph.gpu;

import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaGetDeviceCount;
import static org.bytedeco.cuda.global.cudart.cudaGetDeviceProperties;
import static org.bytedeco.cuda.global.cudart.cudaSetDevice;

import org.bytedeco.cuda.cudart.cudaDeviceProp;

/**
 * The GPU the backend runs on: the first visible one ({@code CUDA_VISIBLE_DEVICES} picks), its name
 * and compute capability, with its primary context made current on the calling thread.
 */
record CudaDevice(int index, String name, int major, int minor) {

    /**
     * The first visible GPU, made current on this thread.
     *
     * @throws IllegalStateException when the CUDA libraries cannot be loaded or no GPU is visible
     */
    static CudaDevice first() {
        int[] count = new int[1];
        try {
            CudaCalls.runtime(cudaGetDeviceCount(count), "cudaGetDeviceCount");
        } catch (LinkageError e) {
            throw new IllegalStateException(
                    "the cuda graph backend needs the NVIDIA driver and the CUDA 13 libraries"
                            + " (libcudart.so.13, libcublas.so.13, libnvrtc.so.13) on the library"
                            + " path: "
                            + e.getMessage(),
                    e);
        }
        if (count[0] < 1) {
            throw new IllegalStateException("the cuda graph backend found no GPU");
        }
        try (cudaDeviceProp properties = new cudaDeviceProp()) {
            CudaCalls.runtime(cudaGetDeviceProperties(properties, 0), "cudaGetDeviceProperties");
            CudaDevice device =
                    new CudaDevice(
                            0,
                            properties.name().getString(),
                            properties.major(),
                            properties.minor());
            device.makeCurrent();
            return device;
        }
    }

    /** Binds the device's primary context to the calling thread (creating it the first time). */
    void makeCurrent() {
        CudaCalls.runtime(cudaSetDevice(index), "cudaSetDevice");
        CudaCalls.runtime(cudaFree(null), "cudaFree(null) to create the context");
    }

    /** NVRTC's name of the device's architecture, {@code sm_90} for compute capability 9.0. */
    String architecture() {
        return "sm_" + major + minor;
    }

    @Override
    public String toString() {
        return name + " (compute capability " + major + "." + minor + ")";
    }
}
