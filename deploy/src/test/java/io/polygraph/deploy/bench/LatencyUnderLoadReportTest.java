package io.polygraph.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.deploy.bench.LatencyArithmetic.LatencyTrend;
import io.polygraph.deploy.bench.LatencyArithmetic.Percentiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

/** Benchmark 4's table: what is printed, and the goal judged on at-least-once at half load. */
class LatencyUnderLoadReportTest {

    @Test
    void theTableSaysWhenP999HasTooFewSamplesAndJudgesTheGoalOnAtLeastOnceAtHalfLoad() {
        LatencyUnderLoad.Result result =
                result(
                        List.of(JobTuning.DEFAULTS, JobTuning.LOW_LATENCY),
                        List.of(
                                run("AT_LEAST_ONCE", "defaults", 0.5, 1500, 40, 60, 70.0),
                                run("AT_LEAST_ONCE", "defaults", 0.8, 900, 60, 95, null),
                                run("EXACTLY_ONCE", "defaults", 0.5, 1500, 700, 1100, 1180.0),
                                run("EXACTLY_ONCE", "defaults", 0.8, 2400, 800, 1300, 1500.0),
                                run("AT_LEAST_ONCE", "low-latency", 0.5, 1500, 20, 48, 55.0)));

        String printed = print(result);

        assertThat(result.goalMet(JobTuning.DEFAULTS)).contains(false);
        assertThat(result.goalMet(JobTuning.LOW_LATENCY)).contains(true);
        assertThat(printed)
                .contains("at-least-once  defaults       50%")
                .contains("exactly-once   defaults       80%")
                .contains("at-least-once  low-latency    50%")
                .contains("low-latency settings: network buffer timeout 5 ms, max batch delay 5 ms")
                .contains("n/a: fewer than 1000 alerts measured")
                .contains("scored p50/p99")
                .contains("GC n/ms: garbage collections of the benchmark's JVM")
                .contains(
                        "Goal: p99 at most 50 ms at 50% load, at-least-once, defaults settings:"
                                + " NOT met")
                .contains(
                        "Goal: p99 at most 50 ms at 50% load, at-least-once, low-latency"
                                + " settings: met");
        assertThat(
                        printed.lines()
                                .filter(l -> l.contains("at-least-once  defaults       80%"))
                                .findFirst())
                .hasValueSatisfying(
                        l ->
                                assertThat(l)
                                        .contains("900")
                                        .contains("n/a")
                                        .contains("30/48")
                                        .contains("0.002")
                                        .endsWith("12/340"));
    }

    @Test
    void theSearchForTheMaximumRateIsPrintedProbeByProbe() {
        String printed =
                print(
                        result(
                                List.of(JobTuning.DEFAULTS),
                                List.of(
                                        run(
                                                "AT_LEAST_ONCE",
                                                "defaults",
                                                0.5,
                                                1500,
                                                40,
                                                45,
                                                70.0))));

        assertThat(printed)
                .contains("of the maximum sustainable rate, 300 records/s, 2 cores")
                .contains("searched down from 400 records/s")
                .contains("reading a backlog (benchmark 3 of this run)")
                .contains("latency grew at most 0.05 s per s");
        List<String> probes = printed.lines().filter(l -> l.matches(" {3} +\\d+ .*")).toList();
        assertThat(probes).hasSize(4);
        assertThat(probes.get(0)).contains("395").contains("0.260").endsWith("no");
        assertThat(probes.get(1)).contains("320   FAILED: IllegalStateException");
        assertThat(probes.get(2)).contains("0.010").endsWith("yes");
        assertThat(probes.get(3)).contains("0.090").endsWith("no");
    }

    @Test
    void aP99AboveTheGoalIsNotMet() {
        LatencyUnderLoad.Result result =
                result(
                        List.of(JobTuning.DEFAULTS),
                        List.of(run("AT_LEAST_ONCE", "defaults", 0.5, 1500, 40, 50.5, 70.0)));

        assertThat(result.goalMet(JobTuning.DEFAULTS)).contains(false);
        assertThat(result.goalMet(JobTuning.LOW_LATENCY)).as("no such run").isEmpty();
        assertThat(print(result)).contains("at-least-once, defaults settings: NOT met");
    }

    @Test
    void aFailedRunIsPrintedWithItsReasonAndTheOthersStillCount() {
        LatencyUnderLoad.Result result =
                result(
                        List.of(JobTuning.DEFAULTS, JobTuning.LOW_LATENCY),
                        List.of(
                                run("AT_LEAST_ONCE", "defaults", 0.5, 1500, 40, 45, 70.0),
                                LatencyUnderLoad.Measurement.failed(
                                        DeliveryGuarantee.AT_LEAST_ONCE,
                                        JobTuning.DEFAULTS,
                                        0.8,
                                        240,
                                        "IllegalStateException: checkpoints failed"),
                                LatencyUnderLoad.Measurement.failed(
                                        DeliveryGuarantee.AT_LEAST_ONCE,
                                        JobTuning.LOW_LATENCY,
                                        0.5,
                                        150,
                                        "IllegalStateException: the job ended")));

        String printed = print(result);

        assertThat(result.anyFailed()).isTrue();
        assertThat(result.goalMet(JobTuning.DEFAULTS)).contains(true);
        assertThat(printed)
                .contains(
                        "at-least-once  defaults       80%              240   FAILED:"
                                + " IllegalStateException: checkpoints failed")
                .contains("at-least-once, defaults settings: met")
                .contains("at-least-once, low-latency settings: not measured, the run failed")
                .doesNotContain("n/a: fewer than");
    }

    /** A result of {@code runs} at a maximum rate of 300 records/s, the other settings fixed. */
    private static LatencyUnderLoad.Result result(
            List<JobTuning> tunings, List<LatencyUnderLoad.Measurement> runs) {
        return new LatencyUnderLoad.Result(
                300,
                400,
                "benchmark 3 of this run",
                List.of(
                        probe(400, 395, 0.26),
                        LatencyUnderLoad.Measurement.failed(
                                DeliveryGuarantee.AT_LEAST_ONCE,
                                JobTuning.DEFAULTS,
                                0.8,
                                320,
                                "IllegalStateException: checkpoints failed"),
                        probe(256, 256, 0.01),
                        probe(286, 285, 0.09)),
                2,
                3,
                10,
                1000,
                256,
                tunings,
                runs);
    }

    /** A probe of the sustainable-rate search whose latency grew {@code growth} s per s. */
    private static LatencyUnderLoad.Measurement probe(double asked, double reached, double growth) {
        return new LatencyUnderLoad.Measurement(
                "AT_LEAST_ONCE",
                "defaults",
                asked / 400,
                asked,
                reached,
                2000,
                1700,
                100,
                0,
                new Percentiles(1600, 80, 200, 300.0, 400),
                new Percentiles(1600, 70, 190, 290.0, 390),
                new LatencyTrend(100, 100 + growth * 5000, 5),
                new GcActivity(3, 40),
                null);
    }

    private static LatencyUnderLoad.Measurement run(
            String guarantee,
            String tuning,
            double load,
            int samples,
            double p50,
            double p99,
            Double p999) {
        return new LatencyUnderLoad.Measurement(
                guarantee,
                tuning,
                load,
                load * 300,
                load * 299,
                2000,
                1700,
                100,
                0,
                new Percentiles(samples, p50, p99, p999, 2000),
                new Percentiles(samples, p50 / 2, p99 / 2, null, 1000),
                new LatencyTrend(p50, p50 + 10, 5),
                new GcActivity(12, 340),
                null);
    }

    private static String print(LatencyUnderLoad.Result result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            LatencyUnderLoadReport.print(out, result);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
