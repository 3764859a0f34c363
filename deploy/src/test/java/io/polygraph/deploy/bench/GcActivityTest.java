package io.polygraph.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The garbage collections a latency run shows beside its tail. */
class GcActivityTest {

    @Test
    void aStretchIsTheDifferenceOfTwoReadings() {
        GcActivity stretch = new GcActivity(50, 900).since(new GcActivity(38, 640));

        assertThat(stretch).isEqualTo(new GcActivity(12, 260));
        assertThat(stretch.formatted()).isEqualTo("12/260");
        assertThat(GcActivity.UNKNOWN.formatted()).isEqualTo("-");
    }

    @Test
    void aCollectionOfThisJvmIsCounted() {
        GcActivity before = GcActivity.soFar();

        System.gc();

        assertThat(GcActivity.soFar().since(before).collections()).isPositive();
    }
}
