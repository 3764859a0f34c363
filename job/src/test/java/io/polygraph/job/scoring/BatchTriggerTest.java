package io.polygraph.job.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchTriggerTest {

    @Test
    void isFullAtMaxSize() {
        BatchTrigger trigger = new BatchTrigger(4, Duration.ofMillis(50));

        assertThat(trigger.isFull(3)).isFalse();
        assertThat(trigger.isFull(4)).isTrue();
    }

    @Test
    void deadlineIsMaxDelayAfterTheFirstRecordAndNeverOverflows() {
        BatchTrigger trigger = new BatchTrigger(4, Duration.ofMillis(50));

        assertThat(trigger.deadlineFor(1_000)).isEqualTo(1_050);
        assertThat(trigger.deadlineFor(Long.MAX_VALUE - 10)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aBatchIsDueWhenFullOrAtItsDeadline() {
        BatchTrigger trigger = new BatchTrigger(4, Duration.ofMillis(50));

        assertThat(trigger.isDue(0, 1_000, 2_000)).as("nothing to score").isFalse();
        assertThat(trigger.isDue(3, 1_000, 1_049)).isFalse();
        assertThat(trigger.isDue(3, 1_000, 1_050)).isTrue();
        assertThat(trigger.isDue(4, 1_000, 1_000)).isTrue();
    }

    @Test
    void withoutADelayEveryBatchIsDueAtOnce() {
        BatchTrigger trigger = new BatchTrigger(4, Duration.ZERO);

        assertThat(trigger.isDue(1, 1_000, 1_000)).isTrue();
        assertThat(trigger.isDue(0, 1_000, 1_000)).isFalse();
    }

    @Test
    void rejectsEmptyBatchesAndNegativeDelays() {
        assertThatThrownBy(() -> new BatchTrigger(0, Duration.ofMillis(50)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchTrigger(1, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
