package io.polygraph.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.data.MnistFiles;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.report.ReportMetric;
import io.polygraph.train.TrainingListener;
import io.polygraph.unsupervised.SelectionConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DUAD against the plain autoencoder on a small part of the real MNIST data (fails when
 * ../shared/data is missing).
 */
class ContaminationExperimentTest {

    private static ContaminationExperiment experiment;

    @BeforeAll
    static void readData() throws IOException {
        Path folder = MnistFiles.locateFolder();
        experiment =
                new ContaminationExperiment(
                        MnistFiles.readTraining(folder).first(3000),
                        MnistFiles.readTest(folder).first(3000),
                        1);
    }

    @Test
    void bothDetectorsAreTrainedAndTestedPerContaminationShare() {
        SelectionConfig quick = SelectionConfig.defaults().withReselectEvery(2).withMaxRounds(2);

        List<DetectorEvaluation> detectors =
                experiment.compare(
                        new double[] {0.1},
                        ContaminationExperiment.DEFAULT_AUTOENCODER,
                        quick,
                        List.of(5L),
                        TrainingListener.NONE);

        assertThat(detectors)
                .extracting(DetectorEvaluation::name)
                .containsExactly("DUAD, 10 % contaminated", "AE on all rows, 10 % contaminated");
        for (DetectorEvaluation detector : detectors) {
            // Ones are the easiest digit to reconstruct: a few epochs rank other digits higher.
            assertThat(detector.summaryOf(ReportMetric.AUROC).mean()).isGreaterThan(0.8);
        }
        // The plain autoencoder trains exactly as many epochs as DUAD ran (2 rounds of 2 at most).
        int duadEpochs = detectors.get(0).runs().get(0).trainingLoss().get(0).points().size();
        assertThat(duadEpochs).isBetween(2, 4);
        assertThat(detectors.get(1).runs().get(0).trainingLoss().get(0).points())
                .hasSize(duadEpochs);
        // About 10 % of the test rows are other digits; the threshold flags about 10 % of rows.
        double flagged =
                detectors.get(0).summaryOf(ReportMetric.TRUE_POSITIVES).mean()
                        + detectors.get(0).summaryOf(ReportMetric.FALSE_POSITIVES).mean();
        double rows =
                flagged
                        + detectors.get(0).summaryOf(ReportMetric.TRUE_NEGATIVES).mean()
                        + detectors.get(0).summaryOf(ReportMetric.FALSE_NEGATIVES).mean();
        assertThat(flagged / rows).isBetween(0.03, 0.3);
    }

    @Test
    void aContaminationOfHalfOrMoreIsRefused() {
        assertThatThrownBy(
                        () ->
                                experiment.compare(
                                        new double[] {0.5},
                                        ContaminationExperiment.DEFAULT_AUTOENCODER,
                                        SelectionConfig.defaults(),
                                        List.of(1L),
                                        TrainingListener.NONE))
                .hasMessageContaining("(0, 0.5)");
    }
}
