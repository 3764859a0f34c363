package io.polygraph.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricSummaryTest {

    @Test
    void meanAndSampleStandardDeviation() {
        // Mean 5; squared deviations sum to 32; sample variance 32 / 7.
        MetricSummary summary = MetricSummary.of(2, 4, 4, 4, 5, 5, 7, 9);

        assertThat(summary.count()).isEqualTo(8);
        assertThat(summary.mean()).isEqualTo(5.0);
        assertThat(summary.standardDeviation()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
    }

    @Test
    void oneValueHasNoSpread() {
        MetricSummary summary = MetricSummary.of(List.of(0.75));

        assertThat(summary.mean()).isEqualTo(0.75);
        assertThat(summary.standardDeviation()).isNaN();
    }

    @Test
    void aNaNValueShowsInsteadOfBeingSkipped() {
        MetricSummary summary = MetricSummary.of(0.9, Double.NaN, 0.8);

        assertThat(summary.count()).isEqualTo(3);
        assertThat(summary.mean()).isNaN();
        assertThat(summary.standardDeviation()).isNaN();
    }

    @Test
    void noValues() {
        assertThat(MetricSummary.of()).isEqualTo(new MetricSummary(0, Double.NaN, Double.NaN));
    }
}
