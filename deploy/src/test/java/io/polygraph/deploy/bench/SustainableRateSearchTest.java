package io.polygraph.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.polygraph.deploy.bench.LatencyArithmetic.LatencyTrend;
import io.polygraph.deploy.bench.LatencyArithmetic.Percentiles;
import io.polygraph.deploy.bench.LatencyUnderLoad.Measurement;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

/**
 * The search for the maximum sustainable rate, against a simulated job: a queue that serves {@code
 * capacity} records/s, whose latency grows by (rate - capacity) / capacity seconds per second when
 * it is published to faster.
 */
class SustainableRateSearchTest {

    private static final double UPPER = 1000;

    @Test
    void aTooFastProbesGrowthTellsTheNextRateAndTheGapIsNarrowedOnce() throws Exception {
        SimulatedJob job = new SimulatedJob(650);

        SustainableRateSearch.Outcome outcome = SustainableRateSearch.search(UPPER, job);

        // 1000 grows by 350/650 s per s: capacity 1000 / 1.538 = 650, so 95% of it, 617.5, is
        // asked next and keeps up; sqrt(617.5 * 1000) = 785.8 is too fast.
        assertThat(job.asked).containsExactly(1000.0, 617.5, 785.8);
        assertThat(outcome.recordsPerSecond()).isCloseTo(617.5, within(0.1));
        assertThat(outcome.upperBoundRecordsPerSecond()).isEqualTo(UPPER);
        assertThat(outcome.probes())
                .extracting(Measurement::keptUp)
                .containsExactly(false, true, false);
    }

    @Test
    void aSlightlyTooFastProbeStillStepsDownAtLeastOneStepAndTheNarrowingProbeCanWin()
            throws Exception {
        SimulatedJob job = new SimulatedJob(930);

        SustainableRateSearch.Outcome outcome = SustainableRateSearch.search(UPPER, job);

        // 1000 grows by 0.075 s per s: 95% of 930 would be 883.5, but one step down is 800;
        // sqrt(800 * 1000) = 894.4 keeps up too.
        assertThat(job.asked).containsExactly(1000.0, 800.0, 894.4);
        assertThat(outcome.recordsPerSecond()).isCloseTo(894.4, within(0.1));
    }

    @Test
    void aJobThatKeepsUpWithTheBacklogRateIsProbedOnce() throws Exception {
        SimulatedJob job = new SimulatedJob(5000);

        SustainableRateSearch.Outcome outcome = SustainableRateSearch.search(UPPER, job);

        assertThat(job.asked).containsExactly(1000.0);
        assertThat(outcome.recordsPerSecond()).isEqualTo(UPPER);
    }

    @Test
    void aFailedProbeIsTooFastAndTheRateIsWhatThePublisherReached() throws Exception {
        SimulatedJob job = new SimulatedJob(900);
        job.failAbove = 850;
        job.publisherLimit = 780;

        SustainableRateSearch.Outcome outcome = SustainableRateSearch.search(UPPER, job);

        // 1000 fails and steps down to 800, which keeps up, though the publisher reached only 780
        // of it; sqrt(800 * 1000) = 894.4 fails.
        assertThat(job.asked).containsExactly(1000.0, 800.0, 894.4);
        assertThat(outcome.probes().get(0).failedRun()).isTrue();
        assertThat(outcome.recordsPerSecond()).isEqualTo(780);
    }

    @Test
    void aJobThatKeepsUpWithNoneOfTheRatesFailsTheSearch() {
        SimulatedJob job = new SimulatedJob(100);
        job.failAbove = 0;

        assertThatThrownBy(() -> SustainableRateSearch.search(UPPER, job))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "the job kept up with none of 6 paced rates from 1000 down to 328 records/s");
        assertThat(job.asked).hasSize(SustainableRateSearch.MAX_PROBES_DOWN);
    }

    /** A job of fixed capacity, as a probe would measure it. */
    private static final class SimulatedJob implements SustainableRateSearch.Prober {
        private final double capacity;
        private final List<Double> asked = new ArrayList<>();
        private double failAbove = Double.MAX_VALUE;
        private double publisherLimit = Double.MAX_VALUE;

        SimulatedJob(double capacity) {
            this.capacity = capacity;
        }

        @Override
        public Measurement probe(double load) {
            double rate = Math.round(load * UPPER * 10) / 10.0;
            asked.add(rate);
            if (rate > failAbove) {
                return Measurement.failed(
                        DeliveryGuarantee.AT_LEAST_ONCE,
                        JobTuning.DEFAULTS,
                        load,
                        rate,
                        "IllegalStateException: checkpoints failed");
            }
            double growth = Math.max(0, (rate - capacity) / capacity);
            Percentiles latency = new Percentiles(3000, 90, 300, 400.0, 500);
            return new Measurement(
                    "AT_LEAST_ONCE",
                    "defaults",
                    load,
                    rate,
                    Math.min(rate, publisherLimit),
                    10_000,
                    4_000,
                    1_000,
                    0,
                    latency,
                    latency,
                    new LatencyTrend(90, 90 + growth * 6000, 6),
                    GcActivity.UNKNOWN,
                    null);
        }
    }
}
