package io.polygraph.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Benchmark 4's arithmetic: the rate plan, the warm-up cut, percentiles and what is printed. */
class LatencyUnderLoadTest {

    @Test
    void thePlanPublishesTheLoadsShareOfTheMaximumRateForAboutTheGivenTime() {
        LatencyUnderLoad.RatePlan half = LatencyUnderLoad.RatePlan.of(300, 0.5, 65, 13);
        LatencyUnderLoad.RatePlan most = LatencyUnderLoad.RatePlan.of(300, 0.8, 65, 13);

        assertThat(half.eventsPerSecond()).isCloseTo(150, within(1e-9));
        assertThat(most.eventsPerSecond()).isCloseTo(240, within(1e-9));
        // 150/s for 13 s is 1950 records: 30 customers of 65 records each.
        assertThat(half.customers()).isEqualTo(30);
        // 3120 records: 48 customers (rounded up, never short of the time).
        assertThat(most.customers()).isEqualTo(48);
    }

    @Test
    void aTinyRateStillPublishesOneCustomerAndNonsenseIsRefused() {
        assertThat(LatencyUnderLoad.RatePlan.of(1, 0.5, 65, 10).customers()).isEqualTo(1);
        assertThatThrownBy(() -> LatencyUnderLoad.RatePlan.of(0, 0.5, 65, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyUnderLoad.RatePlan.of(Double.NaN, 0.5, 65, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentilesAreNearestRankAndP999NeedsAThousandSamples() {
        List<Double> thousand = new ArrayList<>();
        IntStream.rangeClosed(1, 1000).forEach(i -> thousand.add((double) i));
        Collections.shuffle(thousand, new Random(1));

        LatencyUnderLoad.Percentiles p = LatencyUnderLoad.Percentiles.of(thousand);

        assertThat(p.samples()).isEqualTo(1000);
        assertThat(p.p50Millis()).isEqualTo(500);
        assertThat(p.p99Millis()).isEqualTo(990);
        assertThat(p.p999Millis()).isEqualTo(999);
        assertThat(p.maxMillis()).isEqualTo(1000);

        LatencyUnderLoad.Percentiles few =
                LatencyUnderLoad.Percentiles.of(thousand.subList(0, 999));
        assertThat(few.samples()).isEqualTo(999);
        assertThat(few.p999Millis()).isNull();
    }

    @Test
    void noSamplesGiveNoPercentilesRatherThanZeros() {
        LatencyUnderLoad.Percentiles none = LatencyUnderLoad.Percentiles.of(List.of());

        assertThat(none.samples()).isZero();
        assertThat(none.p50Millis()).isNaN();
        assertThat(none.p99Millis()).isNaN();
        assertThat(none.p999Millis()).isNull();
    }

    @Test
    void theWarmUpIsLeftOutDuplicatesCountOnceAndMissingAlertsAreCounted() {
        long ms = 1_000_000;
        Map<String, Long> published =
                Map.of("warm", 0L, "a", 100 * ms, "b", 200 * ms, "lost", 300 * ms);
        List<Map.Entry<String, Long>> arrivals =
                List.of(
                        Map.entry("warm", 500 * ms),
                        Map.entry("a", 130 * ms),
                        Map.entry("b", 245 * ms),
                        // An at-least-once duplicate, later: the first arrival counts.
                        Map.entry("a", 900 * ms),
                        // An alert of a transaction this run did not publish.
                        Map.entry("other", 400 * ms));

        LatencyUnderLoad.Samples samples =
                LatencyUnderLoad.Samples.of(published, arrivals, 50 * ms);

        assertThat(samples.latenciesMillis()).containsExactlyInAnyOrder(30.0, 45.0);
        assertThat(samples.warmup()).isEqualTo(1);
        assertThat(samples.notAlerted()).isEqualTo(1);
    }

    @Test
    void theTableSaysWhenP999HasTooFewSamplesAndJudgesTheGoalOnAtLeastOnceAtHalfLoad() {
        LatencyUnderLoad.Result result =
                new LatencyUnderLoad.Result(
                        300,
                        "benchmark 3 of this run",
                        2,
                        3,
                        10,
                        1000,
                        256,
                        50,
                        List.of(
                                run("AT_LEAST_ONCE", 0.5, 1500, 40, 48, 70.0),
                                run("AT_LEAST_ONCE", 0.8, 900, 60, 95, null),
                                run("EXACTLY_ONCE", 0.5, 1500, 700, 1100, 1180.0),
                                run("EXACTLY_ONCE", 0.8, 2400, 800, 1300, 1500.0)));

        String printed = print(result);

        assertThat(result.goalMet()).contains(true);
        assertThat(printed)
                .contains("at-least-once    50%")
                .contains("exactly-once     80%")
                .contains("n/a: fewer than 1000 alerts measured")
                .contains("Goal: p99 at most 50 ms at 50% load, at-least-once: met");
        assertThat(printed.lines().filter(l -> l.contains("at-least-once    80%")).findFirst())
                .hasValueSatisfying(l -> assertThat(l).contains("900").endsWith("n/a"));
    }

    @Test
    void aP99AboveTheGoalIsNotMet() {
        LatencyUnderLoad.Result result =
                new LatencyUnderLoad.Result(
                        300,
                        "x",
                        2,
                        3,
                        10,
                        1000,
                        256,
                        50,
                        List.of(run("AT_LEAST_ONCE", 0.5, 1500, 40, 50.5, 70.0)));

        assertThat(result.goalMet()).contains(false);
        assertThat(print(result)).contains("at-least-once: NOT met");
    }

    private static LatencyUnderLoad.Measurement run(
            String guarantee, double load, int samples, double p50, double p99, Double p999) {
        return new LatencyUnderLoad.Measurement(
                guarantee,
                load,
                load * 300,
                load * 299,
                2000,
                1700,
                100,
                0,
                new LatencyUnderLoad.Percentiles(samples, p50, p99, p999, 2000));
    }

    private static String print(LatencyUnderLoad.Result result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            result.print(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
