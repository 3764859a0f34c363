package io.polygraph.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.polygraph.graph.GraphBackend;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the CUDA backend on a machine without a GPU: it is found by name, it fails
 * with a message naming what is missing rather than a linkage error, and the structs it passes to
 * the kernels are laid out as {@code kernels.cu} declares them. Its kernels and results are checked
 * on a GPU by the benchmark folder ({@code deploy/gpu-bundle}), against the portable backend.
 */
class CudaGraphBackendTest {

    @Test
    void theBackendIsFoundByName() {
        assertThat(GraphBackend.named("cuda")).isInstanceOf(CudaGraphBackend.class);
    }

    @Test
    void withoutTheNvidiaDriverCompilingFailsNamingTheLibrariesItNeeds() {
        assumeFalse(
                Files.exists(Path.of("/dev/nvidiactl")),
                "this machine has an NVIDIA driver: the GPU benchmark checks the backend there");

        assertThatThrownBy(() -> GraphBackend.named("cuda").compile(new byte[0], "out"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NVIDIA driver")
                .hasMessageContaining("libcudart.so.13");
    }

    @Test
    void kernelStructsAreNativeOrderInts() {
        byte[] window = CudaKernels.struct(5, 5, 2, 2, 1, 1, 1, 1, 1, 64, 128, 32, 64);

        assertThat(window).hasSize(13 * Integer.BYTES);
        ByteBuffer read = ByteBuffer.wrap(window).order(ByteOrder.nativeOrder());
        assertThat(read.getInt(0)).isEqualTo(5);
        assertThat(read.getInt(12 * Integer.BYTES)).isEqualTo(64);
    }
}
