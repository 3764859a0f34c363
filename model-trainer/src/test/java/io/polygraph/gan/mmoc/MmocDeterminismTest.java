package io.polygraph.gan.mmoc;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.gan.PlantedClusters;
import io.polygraph.train.TrainingListener;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class MmocDeterminismTest {

    private static final PlantedClusters DATA = new PlantedClusters(8);
    private static final INDArray TRAINING = DATA.normal(90);
    private static final INDArray PROBE = DATA.anomalies(20);

    private static MmocTraining train(long seed, CodeInput input) {
        MmocConfig config =
                MmocConfig.builder()
                        .discriminatorHidden(List.of(8, 8))
                        .generatorHidden(List.of(8))
                        .noiseWidth(4)
                        .codes(3)
                        .codeInput(input)
                        .batchSize(30)
                        .epochs(2)
                        .targetEpochs(2)
                        .seed(seed)
                        .build();
        return new MmocTrainer(config).train(TRAINING, TrainingListener.NONE);
    }

    @Test
    void theSameSeedGivesIdenticalScoresAndLosses() {
        MmocTraining first = train(3, CodeInput.MIXTURE);
        MmocTraining second = train(3, CodeInput.MIXTURE);

        assertThat(second.model().score(PROBE)).containsExactly(first.model().score(PROBE));
        assertThat(second.model().threshold()).isEqualTo(first.model().threshold());
        assertThat(second.discriminatorLosses()).containsExactly(first.discriminatorLosses());
        assertThat(second.generatorLosses()).containsExactly(first.generatorLosses());
    }

    @Test
    void anotherSeedGivesOtherScores() {
        double[] one = train(3, CodeInput.CONCATENATED).model().score(PROBE);
        double[] other = train(4, CodeInput.CONCATENATED).model().score(PROBE);

        assertThat(other).isNotEqualTo(one);
    }
}
