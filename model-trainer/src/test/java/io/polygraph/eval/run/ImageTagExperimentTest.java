package io.polygraph.eval.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.data.MnistFiles;
import io.polygraph.data.MnistTagProtocol;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.report.HeatMap;
import io.polygraph.eval.report.ReportMetric;
import io.polygraph.train.ImageTagConfig;
import io.polygraph.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MNIST image/tag experiment on a small part of the real data (fails when ../shared/data is
 * missing): a short training must already tell right tags from wrong ones, and the report parts
 * must be filled from real runs.
 */
class ImageTagExperimentTest {

    private static final int TRAIN_IMAGES = 1500;
    private static final int PAIRS_PER_KIND = 150;

    private static ImageTagExperiment experiment;

    @BeforeAll
    static void readData() throws IOException {
        Path folder = MnistFiles.locateFolder();
        experiment =
                new ImageTagExperiment(
                        MnistFiles.readTraining(folder).first(TRAIN_IMAGES),
                        MnistFiles.readTest(folder),
                        MnistTagProtocol.defaults(),
                        PAIRS_PER_KIND);
    }

    @Test
    void aShortTrainingRanksWrongTagsBelowRightOnes() {
        DetectorEvaluation cmad = experiment.cmad(tiny(), List.of(11L, 12L), TrainingListener.NONE);

        assertThat(cmad.runs()).hasSize(2);
        assertThat(cmad.summaryOf(ReportMetric.AUROC).mean()).isGreaterThan(0.9);
        assertThat(
                        cmad.summaryOf(ReportMetric.TRUE_POSITIVES).mean()
                                + cmad.summaryOf(ReportMetric.FALSE_NEGATIVES).mean())
                .isEqualTo(PAIRS_PER_KIND);
        assertThat(cmad.runs().get(0).trainingLoss().get(0).points()).hasSize(3);
        assertThat(cmad.config()).containsEntry("gamma", 0.3);
    }

    @Test
    void theSweepGivesOnePrecisionAndOneRecallCellPerGammaAndEpsilon() {
        double[] gammas = {-0.2, 0.3};
        double[] epsilons = {0.0, 0.5, 0.9};
        List<HeatMap> maps =
                experiment.sensitivity(
                        tiny().withEpochs(1), gammas, epsilons, TrainingListener.NONE);

        assertThat(maps).extracting(HeatMap::title).containsExactly("Precision", "Recall");
        List<List<Double>> recall = maps.get(1).values();
        assertThat(recall).hasSize(2).allSatisfy(row -> assertThat(row).hasSize(3));
        for (List<Double> row : recall) {
            // A higher epsilon flags every pair a lower one flags, and more.
            assertThat(row).isSorted();
        }
    }

    private static ImageTagConfig tiny() {
        return ImageTagConfig.defaults().withEpochs(3);
    }
}
