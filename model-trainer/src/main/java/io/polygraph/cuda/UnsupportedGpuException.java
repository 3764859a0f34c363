package io.polygraph.cuda;

/**
 * The process runs ND4J's CUDA backend where it cannot compute: no GPU, or one its kernels were not
 * compiled for. Not worth retrying: the machine, not the data, is the problem.
 */
public final class UnsupportedGpuException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public UnsupportedGpuException(String message) {
        super(message);
    }

    public UnsupportedGpuException(String message, Throwable cause) {
        super(message, cause);
    }
}
