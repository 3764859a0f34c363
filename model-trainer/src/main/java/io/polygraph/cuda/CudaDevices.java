package io.polygraph.cuda;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.cuda.cudart.cudaDeviceProp;
import org.bytedeco.cuda.global.cudart;

/**
 * The GPUs the CUDA runtime sees, asked through JavaCPP's CUDA presets (the {@code cudart} that
 * ND4J's CUDA backend loads itself), so that no ND4J kernel runs before they are known.
 */
final class CudaDevices {

    private CudaDevices() {}

    /**
     * Every visible device.
     *
     * @throws UnsupportedGpuException when the runtime cannot be asked (no driver, or a driver
     *     older than the runtime)
     */
    static List<CudaDevice> visible() {
        int[] count = new int[1];
        int status;
        try {
            status = cudart.cudaGetDeviceCount(count);
        } catch (LinkageError e) {
            // JavaCPP's cudart wrapper links to the driver's libcuda.so.1: without a driver it
            // does not load at all.
            throw new UnsupportedGpuException(
                    "ND4J's CUDA backend is on the classpath but the CUDA runtime does not load ("
                            + rootMessage(e)
                            + "): is the NVIDIA driver installed? Otherwise build for the CPU (mvn"
                            + " install without -Pcuda).",
                    e);
        }
        if (status == cudart.cudaErrorNoDevice) {
            return List.of();
        }
        requireSuccess(status, "cudaGetDeviceCount");
        List<CudaDevice> devices = new ArrayList<>();
        for (int index = 0; index < count[0]; index++) {
            try (cudaDeviceProp properties = new cudaDeviceProp()) {
                requireSuccess(
                        cudart.cudaGetDeviceProperties(properties, index),
                        "cudaGetDeviceProperties(" + index + ")");
                devices.add(
                        new CudaDevice(
                                index,
                                properties.name().getString(),
                                new ComputeCapability(properties.major(), properties.minor())));
            }
        }
        return devices;
    }

    private static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static void requireSuccess(int status, String call) {
        if (status != cudart.cudaSuccess) {
            throw new UnsupportedGpuException(
                    "ND4J's CUDA backend is on the classpath but the CUDA runtime cannot be used: "
                            + call
                            + " returned "
                            + status
                            + " ("
                            + cudart.cudaGetErrorString(status).getString()
                            + "). Check the NVIDIA driver, or build for the CPU (mvn install"
                            + " without -Pcuda).");
        }
    }
}
