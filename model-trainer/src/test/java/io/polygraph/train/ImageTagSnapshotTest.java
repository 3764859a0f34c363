package io.polygraph.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.data.MnistTagProtocol;
import io.polygraph.detector.CrossModalDetector;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.ImageTagDetector;
import io.polygraph.detector.ImageTagParameters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The (image, tag) detector saves to and loads from the common snapshot format: one epoch on random
 * images (what the network learns does not matter here, only that it survives the trip).
 */
class ImageTagSnapshotTest {

    private static final int IMAGES = 120;
    private static final MnistTagProtocol TAGS = MnistTagProtocol.defaults();

    private static ImageTagTrainer trainer;
    private static ImageTagTrainer.Result result;
    private static final List<float[]> images = new ArrayList<>();
    private static final List<float[]> tags = new ArrayList<>();

    @BeforeAll
    static void trainOneEpoch() {
        SplittableRandom random = new SplittableRandom(5);
        int[] labels = new int[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            float[] pixels = new float[ImageTagArchitecture.SIDE * ImageTagArchitecture.SIDE];
            for (int p = 0; p < pixels.length; p++) {
                pixels[p] = (float) random.nextDouble();
            }
            images.add(pixels);
            labels[i] = i % 10;
            tags.add(TAGS.tag(labels[i], random));
        }
        trainer = new ImageTagTrainer(ImageTagConfig.defaults().withEpochs(1));
        result = trainer.train(images, labels, TAGS, TrainingListener.NONE);
    }

    @Test
    void saveLoadGivesIdenticalCosinesAndEpsilon(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("mnist.zip");
        trainer.snapshotOf(result).save(file);

        ImageTagDetector loaded = ImageTagDetector.load(file);

        assertThat(loaded.cosines(images, tags)).isEqualTo(result.detector().cosines(images, tags));
        assertThat(loaded.epsilon()).isEqualTo(result.detector().epsilon());
        assertThat(loaded.imageSide()).isEqualTo(28);
        assertThat(loaded.tagWidth()).isEqualTo(MnistTagProtocol.TAG_DIMENSIONS);
    }

    @Test
    void theManifestRecordsTheTypeAndNoFeatureEncoding(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("mnist.zip");
        DetectorSnapshot written = trainer.snapshotOf(result);
        written.save(file);

        DetectorSnapshot read = DetectorSnapshot.read(file);

        assertThat(read).isEqualTo(written);
        assertThat(read.manifest().detectorType()).isEqualTo("cmad-image-tag");
        assertThat(read.networkNames()).containsExactly("image-tag");
        assertThat(read.manifest().featureEncoding()).isNull();
        assertThat(read.manifest().threshold()).isEqualTo(result.detector().epsilon());
        assertThat(read.parameters(ImageTagParameters.class).epsilon())
                .isEqualTo(result.detector().epsilon());
        assertThat(read.manifest().trainingConfig().get("epochs").asInt()).isEqualTo(1);
        assertThat(read.modelInfo().version()).startsWith("20").contains("-");
    }

    @Test
    void itIsNoTransactionScorer() {
        DetectorSnapshot snapshot = trainer.snapshotOf(result);

        assertThat(snapshot.type().scoresTransactions()).isFalse();
        assertThatThrownBy(snapshot::newScorer)
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("(image, tag) pairs");
        assertThatThrownBy(() -> CrossModalDetector.fromSnapshot(snapshot))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds a cmad-image-tag detector, not a cmad one");
    }
}
