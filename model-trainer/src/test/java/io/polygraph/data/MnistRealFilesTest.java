package io.polygraph.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the real MNIST files from the shared data folder. A missing folder fails the test (through
 * {@link MnistFiles#locateFolder()}, which names every place it looked) rather than skipping it, so
 * a machine without the data cannot pass silently.
 */
class MnistRealFilesTest {

    private static MnistSet train;
    private static MnistSet test;

    @BeforeAll
    static void read() throws IOException {
        Path folder = MnistFiles.locateFolder();
        train = MnistFiles.readTraining(folder);
        test = MnistFiles.readTest(folder);
    }

    @Test
    void trainingSetHasTheDocumentedClassCounts() {
        assertThat(train.size()).isEqualTo(10_000);
        assertThat(train.classCounts())
                .containsExactly(1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978);
    }

    @Test
    void testSetIsTheOfficialTenThousand() {
        assertThat(test.size()).isEqualTo(10_000);
        // The official t10k class counts.
        assertThat(test.classCounts())
                .containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
    }

    @Test
    void imagesHaveInkAndBackground() {
        float[] image = train.image(0);

        assertThat(image).hasSize(784).contains(0f, 1f);
    }

    @Test
    void thePapersTestPairsComeFromTheRealTestSet() {
        List<ImageTagPair> pairs = MnistTagProtocol.defaults().testPairs(test, 7);

        assertThat(pairs).hasSize(2038);
        assertThat(pairs).filteredOn(ImageTagPair::consistent).hasSize(1019);
        assertThat(pairs.stream().mapToInt(ImageTagPair::imageIndex).distinct().count())
                .isEqualTo(2038);
    }
}
