package io.polygraph.cuda;

/**
 * The check a process makes before it loads a network: when ND4J's CUDA backend is the one on the
 * classpath (the {@code -Pcuda} build), every visible GPU must be one its kernels run on ({@link
 * Nd4jCudaSupport}); with the CPU backend there is nothing to check.
 *
 * <p>It looks for the backend's class without initialising it, since initialising ND4J on an
 * unsupported GPU is what fails, and it asks the CUDA runtime once per process.
 */
public final class CudaBackendCheck {

    /** ND4J's CUDA backend class, present only in the {@code -Pcuda} build. */
    static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

    private static volatile boolean passed;

    private CudaBackendCheck() {}

    /**
     * Returns when the CPU backend is in use or every visible GPU is supported.
     *
     * @throws UnsupportedGpuException naming the devices and the way out, otherwise
     */
    public static void requireUsableBackend() {
        if (passed) {
            return;
        }
        synchronized (CudaBackendCheck.class) {
            if (!passed) {
                if (cudaBackendPresent()) {
                    Nd4jCudaSupport.require(CudaDevices.visible());
                }
                passed = true;
            }
        }
    }

    static boolean cudaBackendPresent() {
        try {
            Class.forName(CUDA_BACKEND_CLASS, false, CudaBackendCheck.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
