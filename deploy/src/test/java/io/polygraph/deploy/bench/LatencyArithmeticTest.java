package io.polygraph.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.polygraph.deploy.bench.LatencyArithmetic.LatencyTrend;
import io.polygraph.deploy.bench.LatencyArithmetic.Percentiles;
import io.polygraph.deploy.bench.LatencyArithmetic.RatePlan;
import io.polygraph.deploy.bench.LatencyArithmetic.Samples;
import io.polygraph.deploy.bench.LatencyArithmetic.TimedLatency;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Benchmark 4's arithmetic: the rate plan, the warm-up cut and the percentiles. */
class LatencyArithmeticTest {

    @Test
    void thePlanPublishesTheLoadsShareOfTheMaximumRateForAboutTheGivenTime() {
        RatePlan half = RatePlan.of(300, 0.5, 65, 13);
        RatePlan most = RatePlan.of(300, 0.8, 65, 13);

        assertThat(half.eventsPerSecond()).isCloseTo(150, within(1e-9));
        assertThat(most.eventsPerSecond()).isCloseTo(240, within(1e-9));
        // 150/s for 13 s is 1950 records: 30 customers of 65 records each.
        assertThat(half.customers()).isEqualTo(30);
        // 3120 records: 48 customers (rounded up, never short of the time).
        assertThat(most.customers()).isEqualTo(48);
    }

    @Test
    void aTinyRateStillPublishesOneCustomerAndNonsenseIsRefused() {
        assertThat(RatePlan.of(1, 0.5, 65, 10).customers()).isEqualTo(1);
        assertThatThrownBy(() -> RatePlan.of(0, 0.5, 65, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RatePlan.of(Double.NaN, 0.5, 65, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentilesAreNearestRankAndP999NeedsAThousandSamples() {
        List<Double> thousand = new ArrayList<>();
        IntStream.rangeClosed(1, 1000).forEach(i -> thousand.add((double) i));
        Collections.shuffle(thousand, new Random(1));

        Percentiles p = Percentiles.of(thousand);

        assertThat(p.samples()).isEqualTo(1000);
        assertThat(p.p50Millis()).isEqualTo(500);
        assertThat(p.p99Millis()).isEqualTo(990);
        assertThat(p.p999Millis()).isEqualTo(999);
        assertThat(p.maxMillis()).isEqualTo(1000);

        Percentiles few = Percentiles.of(thousand.subList(0, 999));
        assertThat(few.samples()).isEqualTo(999);
        assertThat(few.p999Millis()).isNull();
    }

    @Test
    void noSamplesGiveNoPercentilesRatherThanZeros() {
        Percentiles none = Percentiles.of(List.of());

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

        Samples samples = Samples.of(published, arrivals, 50 * ms);

        assertThat(samples.latenciesMillis()).containsExactly(30.0, 45.0);
        assertThat(samples.warmup()).isEqualTo(1);
        assertThat(samples.notAlerted()).isEqualTo(1);
    }

    @Test
    void aLevelLatencyKeepsUpAndAGrowingOneDoesNot() {
        // 300 transactions over 10 s; latencies wobble around 80 ms (a checkpoint every second).
        List<TimedLatency> level = new ArrayList<>();
        List<TimedLatency> growing = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long at = i * 33_333_333L;
            double wobble = (i % 30 == 0) ? 400 : 80 + (i % 7);
            level.add(new TimedLatency(at, wobble));
            // A job 10% short of the rate: 0.1 s more latency per second published.
            growing.add(new TimedLatency(at, wobble + 0.1 * at / 1e6));
        }

        LatencyTrend flat = LatencyTrend.of(level);
        LatencyTrend rising = LatencyTrend.of(growing);

        assertThat(flat.growth()).isCloseTo(0, within(0.01));
        assertThat(flat.level()).isTrue();
        assertThat(rising.growth()).isCloseTo(0.1, within(0.01));
        assertThat(rising.level()).isFalse();
    }

    @Test
    void tooFewSamplesShowNoTrendAndDoNotCountAsKeepingUp() {
        List<TimedLatency> few = new ArrayList<>();
        IntStream.range(0, LatencyTrend.MIN_SAMPLES - 1)
                .forEach(i -> few.add(new TimedLatency(i * 1_000_000_000L, 50)));

        assertThat(LatencyTrend.of(few).growth()).isNaN();
        assertThat(LatencyTrend.of(few).level()).isFalse();
    }

    @Test
    void samplesAreInPublishingOrderSoThatTheirTrendIsOverTime() {
        long s = 1_000_000_000;
        Map<String, Long> published = new HashMap<>();
        List<Map.Entry<String, Long>> arrivals = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            published.put("t" + i, i * s / 10);
            // Latency grows by 0.5 s per second.
            arrivals.add(Map.entry("t" + i, i * s / 10 + (long) (i * s / 10 * 0.5) + 1));
        }

        Samples samples = Samples.of(published, arrivals, 0);

        assertThat(samples.latenciesMillis()).isSorted();
        assertThat(samples.trend().growth()).isCloseTo(0.5, within(0.01));
    }
}
