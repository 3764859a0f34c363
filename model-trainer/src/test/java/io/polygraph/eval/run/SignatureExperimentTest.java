package io.polygraph.eval.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.data.SignatureFiles;
import io.polygraph.data.SignatureProtocol;
import io.polygraph.data.SignatureWriter;
import io.polygraph.eval.DetectionMetrics;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.report.ReportMetric;
import io.polygraph.eval.report.SeedRun;
import io.polygraph.train.SignaturePairConfig;
import io.polygraph.train.TrainingListener;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real-signature experiment on 12 of the real writers (fails when ../shared/data is missing),
 * with one short epoch: the report must hold both detectors in every view, with metrics in range
 * and every presented signature counted under its type.
 */
class SignatureExperimentTest {

    private static final int WRITERS = 12;

    private static List<SignatureWriter> writers;
    private static List<DetectorEvaluation> report;

    @BeforeAll
    static void run() throws IOException {
        writers = SignatureFiles.read(SignatureFiles.locateFolder()).subList(0, WRITERS);
        SignaturePairConfig tiny =
                SignaturePairConfig.defaults().withEpochs(1).withPairsPerWriter(4);
        report =
                new SignatureExperiment(writers, SignatureProtocol.defaults())
                        .evaluate(tiny, List.of(3L), TrainingListener.NONE);
    }

    @Test
    void reportsBothDetectorsOverallAndPerForgeryType() {
        assertThat(report)
                .extracting(DetectorEvaluation::name)
                .containsExactly(
                        "CMAD",
                        "CMAD, skilled forgeries",
                        "CMAD, random forgeries",
                        "Canvas correlation",
                        "Canvas correlation, skilled forgeries",
                        "Canvas correlation, random forgeries");
        assertThat(report.get(1).config()).containsEntry("positives", List.of("skilled-forgery"));
        assertThat(report.get(0).config()).containsEntry("enrolment", 3);
    }

    @Test
    void metricsAreRatesAndEveryTypeIsCounted() {
        for (DetectorEvaluation detector : report) {
            SeedRun run = detector.runs().get(0);
            for (ReportMetric rate :
                    List.of(ReportMetric.AUROC, ReportMetric.AUPRC, ReportMetric.RECALL)) {
                assertThat(rate.of(run)).as(detector.name() + " " + rate).isBetween(0.0, 1.0);
            }
            assertThat(run.metrics().byType().keySet())
                    .containsExactly("NORMAL", "random-forgery", "skilled-forgery");
        }
        DetectionMetrics skilledOnly = report.get(1).runs().get(0).metrics();
        assertThat(
                        skilledOnly.confusion().truePositives()
                                + skilledOnly.confusion().falseNegatives())
                .isEqualTo(skilledOnly.byType().get("skilled-forgery").records());
        // A per-type view leaves out the other type only.
        assertThat(skilledOnly.excluded())
                .isEqualTo(skilledOnly.byType().get("random-forgery").records());
    }

    @Test
    void bothDetectorsSeeTheSameTestSignaturesAndOnlyCmadHasALossCurve() {
        SeedRun cmad = report.get(0).runs().get(0);
        SeedRun baseline = report.get(3).runs().get(0);

        assertThat(recordsByType(cmad)).isEqualTo(recordsByType(baseline));
        assertThat(cmad.trainingLoss())
                .singleElement()
                .satisfies(curve -> assertThat(curve.points()).hasSize(1));
        assertThat(baseline.trainingLoss()).isEmpty();
    }

    @Test
    void pixelCorrelationAlreadyTellsOtherWritersApart() {
        // Random forgeries have other letters: even the untrained baseline ranks most of them
        // below the writer's own signatures.
        assertThat(report.get(5).summaryOf(ReportMetric.AUROC).mean()).isGreaterThan(0.7);
    }

    private static Map<String, Long> recordsByType(SeedRun run) {
        Map<String, Long> records = new TreeMap<>();
        run.metrics().byType().forEach((type, recall) -> records.put(type, recall.records()));
        return records;
    }
}
