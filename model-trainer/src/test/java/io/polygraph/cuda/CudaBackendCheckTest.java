package io.polygraph.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * The default build's side of the check: with ND4J's CPU backend the CUDA runtime is never asked
 * (this machine has no CUDA driver, so asking it would fail). The {@code -Pcuda} side needs a GPU;
 * README says what was run there.
 */
class CudaBackendCheckTest {

    @Test
    void theCpuBuildHasNoCudaBackend() {
        assertThat(CudaBackendCheck.cudaBackendPresent()).isFalse();
    }

    @Test
    void withTheCpuBackendTheCheckPassesWithoutAskingTheCudaRuntime() {
        assertThatCode(CudaBackendCheck::requireUsableBackend).doesNotThrowAnyException();
    }
}
