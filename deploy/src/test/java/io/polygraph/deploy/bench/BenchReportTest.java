package io.polygraph.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark tables: ratios computed from the measurements, goals judged, never hidden. */
class BenchReportTest {

    @Test
    void printsRecordsPerSecondTheGainAndWhetherEachGoalWasMet() {
        String printed =
                print(
                        List.of(
                                new BatchingGain.Measurement("combined", 1, 10, 0.5),
                                new BatchingGain.Measurement("combined", 256, 400, 3),
                                new BatchingGain.Measurement("cmad", 1, 20, 1),
                                new BatchingGain.Measurement("cmad", 256, 1000, 9)),
                        operator(80));

        assertThat(printed)
                .contains("combined         10.00       400    40.00x")
                .contains("cmad             20.00      1000    50.00x")
                .contains("Goal: batch 256 at least 30x batch 1 for combined: 40.0x, met")
                .contains("ratio 0.800; goal at least 0.85: NOT met");
    }

    @Test
    void theDecodingOfPresentedSignaturesIsShownAsAShareOfBatch256AndAsTheBoundItPutsOnTheGain() {
        String printed =
                printed(
                        new BenchReport(
                                List.of(
                                        new BatchingGain.Measurement("combined", 1, 250, 5),
                                        new BatchingGain.Measurement("combined", 256, 5000, 50)),
                                Map.of(),
                                new BatchingGain.DecodingFloor(256, 7000, 70),
                                null,
                                null,
                                List.of(1, 256),
                                "nd4j"));

        assertThat(printed)
                .contains("Goal: batch 256 at least 30x batch 1 for combined: 20.0x, NOT met")
                .contains(
                        "batch 256: 7000 records/s, 71.4% of combined's time a record at that batch"
                                + " size; that alone would cap combined's gain over batch 1 at"
                                + " 28.0x");
    }

    @Test
    void aMissingBatchSizeIsShownAsADashNotAsAZero() {
        String printed =
                print(List.of(new BatchingGain.Measurement("combined", 1, 10, 0.5)), operator(90));

        assertThat(printed).contains("combined         10.00         -         -");
        assertThat(printed).doesNotContain("Goal: batch 256");
    }

    @Test
    void detectorsTheGraphBackendDoesNotRunAreNamedWithItsReasonNotDropped() {
        String printed =
                printed(
                        new BenchReport(
                                List.of(
                                        new BatchingGain.Measurement("combined", 1, 10, 0.5),
                                        new BatchingGain.Measurement("combined", 256, 200, 3)),
                                Map.of("mmoc", "mmoc detectors score on ND4J only"),
                                null,
                                null,
                                null,
                                List.of(1, 256),
                                "portable"));

        assertThat(printed)
                .contains("by batch size (JMH), networks on the portable graph backend")
                .contains("combined         10.00       200    20.00x")
                .contains("mmoc         not measured: mmoc detectors score on ND4J only")
                .contains("Goal: batch 256 at least 30x batch 1 for combined: 20.0x, NOT met");
    }

    @Test
    void operatorEfficiencyIsTheMedianRoundsRatioWithEveryRoundPrinted() {
        OperatorEfficiency.Measurement measured =
                new OperatorEfficiency.Measurement(
                        "combined",
                        256,
                        8000,
                        List.of(
                                new OperatorEfficiency.Round(300, 1000),
                                new OperatorEfficiency.Round(1800, 2000),
                                new OperatorEfficiency.Round(1500, 2000)));

        String printed = print(List.of(), measured);

        assertThat(measured.efficiency()).isEqualTo(0.75);
        assertThat(printed)
                .contains("3 rounds of the raw detector then the operator")
                .contains("by round: 300/1000 = 0.300, 1800/2000 = 0.900, 1500/2000 = 0.750;")
                .contains("operator 1500 records/s, raw detector 2000 records/s, ratio 0.750;")
                .contains("goal at least 0.85: NOT met");
    }

    @Test
    void trainingEpochsShowEachEpochAndTheMedian() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            BenchReport.printTraining(
                    out,
                    List.of(
                            new TrainingEpochs.Measurement(
                                    "dmafn on a world", 1200, List.of(9.0, 4.0, 5.0))));
        }

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains(
                        "dmafn on a world", "1200 records: epochs [9.0, 4.0, 5.0] s, median 5.0 s");
    }

    /** One round at {@code operator} of 100 raw records per second. */
    private static OperatorEfficiency.Measurement operator(double operator) {
        return new OperatorEfficiency.Measurement(
                "combined", 256, 4000, List.of(new OperatorEfficiency.Round(operator, 100)));
    }

    private static String print(
            List<BatchingGain.Measurement> batching, OperatorEfficiency.Measurement operator) {
        return printed(
                new BenchReport(batching, Map.of(), null, operator, null, List.of(1, 256), "nd4j"));
    }

    private static String printed(BenchReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            report.print(out, "combined");
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
