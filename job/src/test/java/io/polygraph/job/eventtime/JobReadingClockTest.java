package io.polygraph.job.eventtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.flink.util.clock.ManualClock;
import org.junit.jupiter.api.Test;

class JobReadingClockTest {

    private final ManualClock wallClock = new ManualClock();
    private final JobReadingClock clock =
            new JobReadingClock(Duration.ofSeconds(5), wallClock::relativeTimeNanos);

    @Test
    void standsStillUntilTheJobFirstReads() {
        wallClock.advanceTime(Duration.ofMinutes(1));

        assertThat(clock.relativeTimeMillis()).isZero();
    }

    @Test
    void runsWhileReadingIsReportedAndForTheGapAfterTheLastReport() {
        clock.reportReading();
        for (int second = 0; second < 10; second++) {
            wallClock.advanceTime(Duration.ofSeconds(1));
            clock.reportReading();
        }
        assertThat(clock.relativeTimeMillis()).isEqualTo(10_000);

        wallClock.advanceTime(Duration.ofMinutes(3));
        assertThat(clock.relativeTimeMillis()).as("5 s of gap, then still").isEqualTo(15_000);

        clock.reportReading();
        wallClock.advanceTime(Duration.ofSeconds(2));
        assertThat(clock.relativeTimeMillis()).as("runs again").isEqualTo(17_000);
    }

    @Test
    void oneClockPerJob() {
        JobReadingClock first = JobReadingClock.of("job-a", Duration.ofSeconds(5));

        assertThat(JobReadingClock.of("job-a", Duration.ofSeconds(5))).isSameAs(first);
        assertThat(JobReadingClock.of("job-b", Duration.ofSeconds(5))).isNotSameAs(first);
    }
}
