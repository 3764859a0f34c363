package io.polygraph.gpu;

import static org.bytedeco.cuda.global.cudart.cudaGetErrorString;

import org.bytedeco.cuda.global.cudart;
import org.bytedeco.javacpp.BytePointer;

/** Turns CUDA, driver and cuBLAS status codes into exceptions that name the call. */
final class CudaCalls {

    private CudaCalls() {}

    /** Checks a CUDA runtime call. */
    static void runtime(int status, String call) {
        if (status != cudart.cudaSuccess) {
            throw new IllegalStateException(
                    call
                            + " failed: "
                            + cudaGetErrorString(status).getString()
                            + " ("
                            + status
                            + ")");
        }
    }

    /** Checks a CUDA driver call. */
    static void driver(int status, String call) {
        if (status != cudart.CUDA_SUCCESS) {
            BytePointer message = new BytePointer((BytePointer) null);
            cudart.cuGetErrorString(status, message);
            String text = message.isNull() ? "error " + status : message.getString();
            throw new IllegalStateException(call + " failed: " + text + " (" + status + ")");
        }
    }

    /** Checks a cuBLAS call. */
    static void cublas(int status, String call) {
        if (status != org.bytedeco.cuda.global.cublas.CUBLAS_STATUS_SUCCESS) {
            throw new IllegalStateException(call + " failed with cuBLAS status " + status);
        }
    }
}
