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
 * Partitions stepped through time one watermark interval at a time: a quiet partition goes idle,
 * but none does while the input is unreachable, nor while its own source is backpressured; when the
 * input is reachable again, every partition holds the watermark again until it has had the idleness
 * to read.
 */
class OutageAwareIdlenessTest {

    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final Duration IDLENESS = Duration.ofSeconds(10);

    private final ManualClock wallClock = new ManualClock();
    private final SwitchedReachability broker = new SwitchedReachability();

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
    void allPartitionsGoIdleWhenAllInputEndsWhileTheBrokerIsUp() {
        Partition transactions = new Partition(wallClock);
        Partition profiles = new Partition(wallClock);
        transactions.read(50_000);
        profiles.read(60_000);

        runFor(IDLENESS.plus(INTERVAL), () -> {}, transactions, profiles);

        assertThat(transactions.output.idle).isTrue();
        assertThat(profiles.output.idle).isTrue();
    }

    @Test
    void noPartitionGoesIdleWhileTheInputIsUnreachable() {
        Partition transactions = new Partition(wallClock);
        Partition profiles = new Partition(wallClock);
        transactions.read(50_000);
        profiles.read(60_000);
        runFor(Duration.ofSeconds(4), () -> {}, transactions, profiles);

        broker.down();
        runFor(Duration.ofMinutes(10), () -> {}, transactions, profiles);

        assertThat(transactions.output.idle).isFalse();
        assertThat(profiles.output.idle).isFalse();
        assertThat(transactions.output.lastWatermark)
                .as("the partition keeps holding the watermark where it was")
                .isEqualTo(50_000 - 1);

        broker.up(wallClock.relativeTimeNanos());
        runFor(IDLENESS.minus(INTERVAL), () -> {}, transactions, profiles);
        assertThat(transactions.output.idle)
                .as("the silence before the outage does not count after it")
                .isFalse();
        runFor(INTERVAL.multipliedBy(2), () -> {}, transactions, profiles);
        assertThat(transactions.output.idle).as("the idleness after the outage").isTrue();
    }

    @Test
    void aPartitionIdleBeforeTheOutageHoldsTheWatermarkAgainAfterIt() {
        Partition quiet = new Partition(wallClock);
        quiet.read(1_000);
        runFor(IDLENESS.plus(INTERVAL), () -> {}, quiet);
        assertThat(quiet.output.idle).isTrue();

        broker.down();
        runFor(Duration.ofSeconds(30), () -> {}, quiet);
        assertThat(quiet.output.idle).as("idle before, during the outage").isTrue();

        broker.up(wallClock.relativeTimeNanos());
        runFor(INTERVAL, () -> {}, quiet);
        assertThat(quiet.output.idle).as("right after the outage").isFalse();
        assertThat(quiet.output.lastWatermark).isEqualTo(1_000 - 1);

        runFor(IDLENESS, () -> {}, quiet);
        assertThat(quiet.output.idle).as("after another idleness").isTrue();
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
    void aLongGapBetweenTwoChecksIsNotEnoughToGoIdle() {
        Partition starved = new Partition(wallClock);
        starved.read(1_000);
        runFor(INTERVAL, () -> {}, starved);

        // The source thread did not run for three idlenesses: one check sees the whole gap.
        wallClock.advanceTime(IDLENESS.multipliedBy(3));
        starved.generator.onPeriodicEmit(starved.output);
        assertThat(starved.output.idle).as("after one check").isFalse();

        runFor(INTERVAL.multipliedBy(OutageAwareIdleness.MIN_SILENT_CHECKS - 2), () -> {}, starved);
        assertThat(starved.output.idle).as("after four checks").isFalse();
        runFor(INTERVAL.multipliedBy(45), () -> {}, starved);
        assertThat(starved.output.idle).as("after the idleness at 200 ms per check").isTrue();
    }

    @Test
    void refusesANonPositiveIdleness() {
        assertThatThrownBy(
                        () ->
                                new OutageAwareIdleness<Long>(
                                        new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO),
                                        Duration.ZERO,
                                        broker,
                                        wallClock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idleness must be positive");
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
        final OutageAwareIdleness<Long> generator;

        Partition(ManualClock inputActivity) {
            generator =
                    new OutageAwareIdleness<>(
                            new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO),
                            IDLENESS,
                            broker,
                            inputActivity);
        }

        void read(long eventTime) {
            generator.onEvent(eventTime, eventTime, output);
        }
    }

    /** A broker the test takes down and brings back. */
    private static final class SwitchedReachability implements InputReachability {
        private long reachableSince;

        void down() {
            reachableSince = UNREACHABLE;
        }

        void up(long nowNanos) {
            reachableSince = nowNanos;
        }

        @Override
        public long reachableSince() {
            return reachableSince;
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
