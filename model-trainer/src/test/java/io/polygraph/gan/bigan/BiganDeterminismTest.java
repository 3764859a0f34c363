package io.polygraph.gan.bigan;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.gan.PlantedClusters;
import io.polygraph.mixture.MixtureConfig;
import io.polygraph.train.TrainingListener;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class BiganDeterminismTest {

    private static final PlantedClusters DATA = new PlantedClusters(8);
    private static final INDArray TRAINING = DATA.normal(150);
    private static final INDArray PROBE = DATA.anomalies(20);

    private static BiganTraining train(long seed) {
        BiganConfig config =
                BiganConfig.builder()
                        .encoderHidden(List.of(8))
                        .generatorHidden(List.of(8))
                        .discriminatorHidden(List.of(8))
                        .latentWidth(2)
                        .learningRate(1e-3)
                        .batchSize(30)
                        .epochs(2)
                        .mixture(
                                MixtureConfig.defaults()
                                        .withSchedule(30, 10, 10)
                                        .withMinClusterSize(10)
                                        .withSeed(seed))
                        .seed(seed)
                        .build();
        return new BiganTrainer(config).train(TRAINING, TrainingListener.NONE);
    }

    @Test
    void theSameSeedGivesIdenticalScoresAndLosses() {
        BiganTraining first = train(3);
        BiganTraining second = train(3);

        BiganScores one = first.model().scores(PROBE);
        BiganScores other = second.model().scores(PROBE);
        assertThat(other.igmm()).containsExactly(one.igmm());
        assertThat(other.egbad()).containsExactly(one.egbad());
        assertThat(other.singleGaussian()).containsExactly(one.singleGaussian());
        assertThat(second.discriminatorLosses()).containsExactly(first.discriminatorLosses());
        assertThat(second.encoderGeneratorLosses()).containsExactly(first.encoderGeneratorLosses());
    }

    @Test
    void anotherSeedGivesOtherScores() {
        double[] one = train(3).model().igmmScore(PROBE);
        double[] other = train(4).model().igmmScore(PROBE);

        assertThat(other).isNotEqualTo(one);
    }
}
