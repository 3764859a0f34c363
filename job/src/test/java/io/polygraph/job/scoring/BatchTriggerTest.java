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
    void rejectsEmptyBatchesAndNonPositiveDelays() {
        assertThatThrownBy(() -> new BatchTrigger(0, Duration.ofMillis(50)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchTrigger(1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
