package io.polygraph.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Nd4jCudaSupportTest {

    private static CudaDevice device(int index, String name, String capability) {
        return new CudaDevice(index, name, ComputeCapability.parse(capability));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.7", "5.0", "5.2", "6.0", "6.1", "7.0", "7.5", "8.0", "8.6"})
    void aGpuOfACapabilityTheBackendWasCompiledForPasses(String capability) {
        assertThat(Nd4jCudaSupport.problemWith(List.of(device(0, "some GPU", capability))))
                .isEmpty();
    }

    @Test
    void anH100IsRefusedNamingTheDeviceTheSupportedCapabilitiesAndTheWayOut() {
        CudaDevice h100 = device(0, "NVIDIA H100 80GB HBM3", "9.0");

        assertThatThrownBy(() -> Nd4jCudaSupport.require(List.of(h100)))
                .isInstanceOf(UnsupportedGpuException.class)
                .hasMessageContaining("device 0 (NVIDIA H100 80GB HBM3, compute capability 9.0)")
                .hasMessageContaining("3.7, 5.0, 5.2, 6.0, 6.1, 7.0, 7.5, 8.0, 8.6")
                .hasMessageContaining("no PTX")
                .hasMessageContaining("without -Pcuda");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.5", "8.9", "9.0", "10.0"})
    void aGpuOfAnyOtherCapabilityIsRefused(String capability) {
        assertThat(Nd4jCudaSupport.problemWith(List.of(device(0, "other GPU", capability))))
                .hasValueSatisfying(problem -> assertThat(problem).contains(capability));
    }

    @Test
    void oneUnsupportedGpuAmongSeveralIsRefusedAndOnlyItIsNamed() {
        List<CudaDevice> devices =
                List.of(device(0, "Tesla T4", "7.5"), device(1, "NVIDIA L4", "8.9"));

        String problem = Nd4jCudaSupport.problemWith(devices).orElseThrow();

        assertThat(problem).contains("device 1 (NVIDIA L4").doesNotContain("Tesla T4");
        assertThat(problem).contains("CUDA_VISIBLE_DEVICES");
    }

    @Test
    void noGpuAtAllIsRefused() {
        assertThat(Nd4jCudaSupport.problemWith(List.of()))
                .hasValueSatisfying(problem -> assertThat(problem).contains("sees no GPU"));
    }

    @Test
    void capabilitiesParseAndOrderAsVersions() {
        assertThat(ComputeCapability.parse("8.6")).isEqualTo(new ComputeCapability(8, 6));
        assertThat(ComputeCapability.parse("10.0")).isGreaterThan(ComputeCapability.parse("9.0"));
        assertThat(ComputeCapability.parse("8.6")).isLessThan(ComputeCapability.parse("8.9"));
        assertThatThrownBy(() -> ComputeCapability.parse("sm_90"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sm_90");
    }
}
