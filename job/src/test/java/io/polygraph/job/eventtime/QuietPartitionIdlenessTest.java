package io.polygraph.job.eventtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.clock.ManualClock;
import org.junit.jupiter.api.Test;

/**
 * Partitions of one job on one JVM, stepped through time one watermark interval at a time: a quiet
 * partition next to a busy one goes idle, but none does while nothing at all is read (a broker
 * outage) until the outage idleness, nor while its own source is backpressured.
 */
class QuietPartitionIdlenessTest {

    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final Duration IDLENESS = Duration.ofSeconds(10);
    private static final Duration OUTAGE_IDLENESS = Duration.ofMinutes(5);

    private final ManualClock wallClock = new ManualClock();
    private final JobReadingClock jobReading =
            new JobReadingClock(IDLENESS.dividedBy(2), wallClock::relativeTimeNanos);

    @Test
    void aQuietPartitionGoesIdleAfterTheIdlenessWhileAnotherIsRead() {
        Partition busy = new Partition(wallClock);
        Partition quiet = new Partition(wallClock);
        quiet.read(1_000);

        runFor(Duration.ofSeconds(9), () -> busy.read(wallClock.absoluteTimeMillis()), busy, quiet);
        assertThat(quiet.output.idle).as("after 9 s").isFalse();

        runFor(Duration.ofSeconds(2), () -> busy.read(wallClock.absoluteTimeMillis()), busy, quiet);
        assertThat(quiet.output.idle).as("after 11 s").isTrue();
        assertThat(busy.output.idle).isFalse();
    }

    @Test
    void noPartitionGoesIdleWhileNothingIsReadUntilTheOutageIdleness() {
        Partition transactions = new Partition(wallClock);
        Partition profiles = new Partition(wallClock);
        runFor(
                Duration.ofSeconds(3),
                () -> {
                    transactions.read(50_000);
                    profiles.read(60_000);
                },
                transactions,
                profiles);

        // The broker is down: nothing is read anywhere, for far longer than the idleness.
        runFor(Duration.ofMinutes(4), () -> {}, transactions, profiles);
        assertThat(transactions.output.idle).isFalse();
        assertThat(profiles.output.idle).isFalse();
        assertThat(transactions.output.lastWatermark)
                .as("the partition keeps holding the watermark where it was")
                .isEqualTo(50_000 - 1);

        runFor(Duration.ofMinutes(1).plus(INTERVAL), () -> {}, transactions, profiles);
        assertThat(transactions.output.idle).as("after the outage idleness").isTrue();
        assertThat(profiles.output.idle).isTrue();
    }

    @Test
    void aBackpressuredPartitionIsNotIdleWhileOthersAreRead() {
        ManualClock stalled = new ManualClock();
        Partition backpressured = new Partition(stalled);
        Partition busy = new Partition(wallClock);
        backpressured.read(1_000);

        runFor(Duration.ofSeconds(30), () -> busy.read(2_000), busy, backpressured);

        assertThat(backpressured.output.idle).isFalse();
    }

    @Test
    void aPartitionThatReadsAgainIsActiveAndCountsItsSilenceAfresh() {
        Partition busy = new Partition(wallClock);
        Partition quiet = new Partition(wallClock);
        runFor(Duration.ofSeconds(11), () -> busy.read(1_000), busy, quiet);
        assertThat(quiet.output.idle).isTrue();

        quiet.read(5_000);
        runFor(INTERVAL, () -> busy.read(6_000), busy, quiet);
        assertThat(quiet.output.idle).isFalse();
        assertThat(quiet.output.lastWatermark).isEqualTo(5_000 - 1);

        runFor(Duration.ofSeconds(9), () -> busy.read(6_000), busy, quiet);
        assertThat(quiet.output.idle).as("9 s after its read").isFalse();
    }

    @Test
    void refusesAnOutageIdlenessShorterThanTheIdleness() {
        assertThatThrownBy(
                        () ->
                                new QuietPartitionIdleness<Long>(
                                        new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO),
                                        IDLENESS,
                                        Duration.ofSeconds(5),
                                        jobReading,
                                        wallClock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shorter than idleness");
    }

    /** Advances the wall clock by watermark intervals, reading and then emitting each time. */
    private void runFor(Duration duration, Runnable reads, Partition... partitions) {
        for (long n = duration.dividedBy(INTERVAL); n > 0; n--) {
            wallClock.advanceTime(INTERVAL);
            reads.run();
            for (Partition partition : partitions) {
                partition.generator.onPeriodicEmit(partition.output);
            }
        }
    }

    /** One split's generator, with its own input activity clock, and what it emitted. */
    private final class Partition {
        final RecordingOutput output = new RecordingOutput();
        final QuietPartitionIdleness<Long> generator;

        Partition(ManualClock inputActivity) {
            generator =
                    new QuietPartitionIdleness<>(
                            new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO),
                            IDLENESS,
                            OUTAGE_IDLENESS,
                            jobReading,
                            inputActivity);
        }

        void read(long eventTime) {
            generator.onEvent(eventTime, eventTime, output);
        }
    }

    private static final class RecordingOutput implements WatermarkOutput {
        boolean idle;
        long lastWatermark = Long.MIN_VALUE;

        @Override
        public void emitWatermark(Watermark watermark) {
            lastWatermark = watermark.getTimestamp();
            idle = false;
        }

        @Override
        public void markIdle() {
            idle = true;
        }

        @Override
        public void markActive() {
            idle = false;
        }
    }
}
