package io.polygraph.cuda;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which GPUs ND4J's released CUDA backend runs on, decided before it runs anything.
 *
 * <p>{@code nd4j-cuda-11.6} 1.0.0-M2.1 carries machine code for the compute capabilities of {@link
 * #SUPPORTED} and no PTX that the driver could compile for a newer GPU. On any other GPU (Ada at
 * 8.9, Hopper at 9.0: H100, H200) the backend loads and then fails its first kernel with "no kernel
 * image is available for execution on the device", deep inside the first batch a job scores. This
 * check names the device and the way out instead, when the job starts.
 */
public final class Nd4jCudaSupport {

    /** The compute capabilities {@code nd4j-cuda-11.6} 1.0.0-M2.1 has machine code for. */
    public static final Set<ComputeCapability> SUPPORTED =
            Set.of(
                    new ComputeCapability(3, 7),
                    new ComputeCapability(5, 0),
                    new ComputeCapability(5, 2),
                    new ComputeCapability(6, 0),
                    new ComputeCapability(6, 1),
                    new ComputeCapability(7, 0),
                    new ComputeCapability(7, 5),
                    new ComputeCapability(8, 0),
                    new ComputeCapability(8, 6));

    private Nd4jCudaSupport() {}

    /**
     * Why ND4J's CUDA backend cannot run on {@code devices}, the GPUs the process sees, or empty
     * when it can run on every one of them (ND4J spreads its threads over all visible devices).
     */
    public static Optional<String> problemWith(List<CudaDevice> devices) {
        if (devices.isEmpty()) {
            return Optional.of(
                    "ND4J's CUDA backend is on the classpath but the CUDA runtime sees no GPU."
                            + " Run where a supported GPU and its driver are, or build for the CPU"
                            + " (mvn install without -Pcuda).");
        }
        List<CudaDevice> unsupported =
                devices.stream().filter(d -> !SUPPORTED.contains(d.capability())).toList();
        if (unsupported.isEmpty()) {
            return Optional.empty();
        }
        String supported =
                SUPPORTED.stream()
                        .sorted()
                        .map(ComputeCapability::toString)
                        .collect(Collectors.joining(", "));
        return Optional.of(
                "ND4J's CUDA backend (nd4j-cuda-11.6 1.0.0-M2.1) has machine code only for compute"
                        + " capabilities "
                        + supported
                        + " and no PTX, so its kernels cannot run on "
                        + unsupported.stream()
                                .map(CudaDevice::toString)
                                .collect(Collectors.joining(", "))
                        + ". Use a GPU of a supported capability (P100, V100, T4, A100, A10 class),"
                        + " hide the others with CUDA_VISIBLE_DEVICES, or build for the CPU"
                        + " (mvn install without -Pcuda).");
    }

    /** Throws {@link UnsupportedGpuException} with {@link #problemWith} when there is one. */
    public static void require(List<CudaDevice> devices) {
        problemWith(devices)
                .ifPresent(
                        problem -> {
                            throw new UnsupportedGpuException(problem);
                        });
    }
}
