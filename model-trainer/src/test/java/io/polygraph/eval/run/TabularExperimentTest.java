package io.polygraph.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.data.TabularDataset;
import io.polygraph.data.TabularReader;
import io.polygraph.eval.LabelledScores;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.report.ReportMetric;
import io.polygraph.eval.report.SeedRun;
import io.polygraph.train.TrainingListener;
import io.polygraph.unsupervised.SelectionConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three detectors on a generated table: two Gaussian blobs on a plane in six columns, plus rows
 * pushed off the plane ("shifted") and rows stretched far along it ("stretched").
 */
class TabularExperimentTest {

    private static final TabularConfig QUICK =
            TabularConfig.defaults()
                    .withSelection(
                            SelectionConfig.defaults().withReselectEvery(2).withMaxRounds(2));

    @TempDir static Path dir;

    private static TabularExperiment experiment;
    private static List<DetectorEvaluation> detectors;

    @BeforeAll
    static void evaluateOnce() throws IOException {
        Path csv = dir.resolve("blobs.csv");
        Files.write(csv, blobs(300, 16, 8, 42));
        TabularDataset data = TabularReader.labelledBy("class").read(csv);
        experiment = new TabularExperiment(csv.toString(), data, QUICK);
        detectors = experiment.compare(List.of(1L, 2L), TrainingListener.NONE);
    }

    @Test
    void everyDetectorIsTestedOnTheHeldOutHalfOfEachLabel() {
        assertThat(detectors)
                .extracting(DetectorEvaluation::name)
                .containsExactly("DUAD", "AE on all rows", "PCA reconstruction");
        for (DetectorEvaluation detector : detectors) {
            assertThat(detector.runs()).extracting(SeedRun::seed).containsExactly(1L, 2L);
            for (SeedRun run : detector.runs()) {
                assertThat(run.metrics().byType())
                        .containsOnlyKeys(LabelledScores.NORMAL, "shifted", "stretched");
                assertThat(run.metrics().byType().get(LabelledScores.NORMAL).records())
                        .isEqualTo(150);
                assertThat(run.metrics().byType().get("shifted").records()).isEqualTo(8);
                assertThat(run.metrics().byType().get("stretched").records()).isEqualTo(4);
                assertThat(run.metrics().positiveTypes()).containsExactly("shifted", "stretched");
            }
            for (ReportMetric metric :
                    List.of(
                            ReportMetric.AUROC,
                            ReportMetric.AUPRC,
                            ReportMetric.PRECISION,
                            ReportMetric.RECALL,
                            ReportMetric.F1,
                            ReportMetric.ACCURACY)) {
                assertThat(detector.summaryOf(metric).mean())
                        .as(detector.name() + " " + metric)
                        .isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void pcaRanksRowsOffTheNormalPlaneFirst() {
        assertThat(detectors.get(2).summaryOf(ReportMetric.AUROC).mean()).isGreaterThan(0.9);
        assertThat(detectors.get(2).flaggedShareByType().get("shifted").mean()).isGreaterThan(0.8);
    }

    @Test
    void thePlainAutoencoderTrainsAsManyEpochsAsDuad() {
        for (int seed = 0; seed < 2; seed++) {
            List<?> duad = detectors.get(0).runs().get(seed).trainingLoss().get(0).points();
            assertThat(duad).hasSizeBetween(2, 4);
            assertThat(detectors.get(1).runs().get(seed).trainingLoss().get(0).points())
                    .hasSameSizeAs(duad);
            assertThat(detectors.get(2).runs().get(seed).trainingLoss()).isEmpty();
        }
    }

    @Test
    void byDefaultTheThresholdFlagsAboutTheTrainingRowsContamination() {
        // 12 of the 162 training rows are anomalies: 7.4 %. Test rows score like training rows.
        assertThat(detectors.get(0).config().get("targetAlertRate"))
                .isEqualTo("7.41 % (the training rows' share of anomalies)");
        for (DetectorEvaluation detector : detectors) {
            double flagged =
                    detector.summaryOf(ReportMetric.TRUE_POSITIVES).mean()
                            + detector.summaryOf(ReportMetric.FALSE_POSITIVES).mean();
            assertThat(flagged / 162).as(detector.name()).isBetween(0.02, 0.2);
        }
        assertThat(experiment.description())
                .contains("normal label [normal] (300 rows)", "{shifted=16, stretched=8}");
    }

    @Test
    void aTableWithOneClassIsRefusedNamingTheSource() {
        TabularDataset oneClass = table(50, 0, 2);

        assertThatThrownBy(() -> new TabularExperiment("t.csv", oneClass, QUICK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "t.csv: all 50 rows have the normal label [normal]; an evaluation needs"
                                + " anomalous rows too");
    }

    @Test
    void tooFewRowsForTrainingAreRefused() {
        TabularDataset small = table(30, 4, 2);

        assertThatThrownBy(() -> new TabularExperiment("t.csv", small, QUICK))
                .hasMessage("t.csv: 34 rows leave 17 for training; at least 20 are needed");
    }

    @Test
    void aSingleFeatureColumnIsRefused() {
        TabularDataset narrow = table(60, 4, 1);

        assertThatThrownBy(() -> new TabularExperiment("t.csv", narrow, QUICK))
                .hasMessage(
                        "t.csv: 1 feature column(s) besides the label; the detectors need at"
                                + " least 2");
    }

    @Test
    void aLoneAnomalyThatRoundsIntoTrainingLeavesNoneToTest() {
        TabularDataset lone = table(60, 1, 2);

        assertThatThrownBy(() -> new TabularExperiment("t.csv", lone, QUICK.withTestShare(0.3)))
                .hasMessage(
                        "t.csv: 1 anomalous row(s) are too few to hold 30 % of them out for"
                                + " testing");
    }

    @Test
    void anAnomalousLabelSpelledNormalIsNotTakenForTheNegatives() {
        List<String> labels = new ArrayList<>(Collections.nCopies(60, "benign"));
        labels.addAll(List.of("NORMAL", "NORMAL"));
        boolean[] anomalous = new boolean[62];
        anomalous[60] = true;
        anomalous[61] = true;
        TabularDataset data =
                new TabularDataset(new double[62][2], anomalous, List.of("a", "b"), labels);

        assertThat(new TabularExperiment("t.csv", data, QUICK).description())
                .contains("{NORMAL (anomalous)=2}");
    }

    /** {@code normals} rows labelled normal and {@code anomalies} labelled odd, all zeros. */
    private static TabularDataset table(int normals, int anomalies, int width) {
        int rows = normals + anomalies;
        List<String> labels = new ArrayList<>(Collections.nCopies(normals, "normal"));
        labels.addAll(Collections.nCopies(anomalies, "odd"));
        boolean[] anomalous = new boolean[rows];
        for (int i = normals; i < rows; i++) {
            anomalous[i] = true;
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            names.add("x" + j);
        }
        return new TabularDataset(new double[rows][width], anomalous, names, labels);
    }

    /**
     * CSV lines: normal rows from two blobs on a plane spanned by two latent coordinates; shifted
     * rows leave the plane by 4 units in one column; stretched rows lie on it 4 times as far out.
     */
    static List<String> blobs(int normals, int shifted, int stretched, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        lines.add("a,b,c,d,e,f,class");
        for (int i = 0; i < normals + shifted + stretched; i++) {
            double centre = random.nextBoolean() ? 3 : -3;
            double u = centre + random.nextGaussian();
            double v = centre + random.nextGaussian();
            String label = "normal";
            double offPlane = 0;
            if (i >= normals + shifted) {
                u *= 4;
                v *= 4;
                label = "stretched";
            } else if (i >= normals) {
                offPlane = 4;
                label = "shifted";
            }
            double[] x = {u, v, u + v, u - v + offPlane, 0.5 * u, -v};
            StringBuilder line = new StringBuilder();
            for (double value : x) {
                line.append(
                        String.format(Locale.ROOT, "%.4f,", value + 0.1 * random.nextGaussian()));
            }
            lines.add(line.append(label).toString());
        }
        return lines;
    }
}
