package io.polygraph.job.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.schema.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cut points of severity levels and what they accept. */
class SeverityLevelsTest {

    @Test
    void eachCutPointStartsTheNextLevel() {
        SeverityLevels levels = new SeverityLevels(List.of(0.1, 0.2, 0.4));

        assertThat(levels.of(0.0)).isEqualTo(Severity.LOW);
        assertThat(levels.of(0.0999)).isEqualTo(Severity.LOW);
        assertThat(levels.of(0.1)).isEqualTo(Severity.MEDIUM);
        assertThat(levels.of(0.2)).isEqualTo(Severity.HIGH);
        assertThat(levels.of(0.4)).isEqualTo(Severity.CRITICAL);
        assertThat(levels.of(5.0)).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void refusesCutPointsThatAreNotThreeIncreasingMargins() {
        assertThat(SeverityLevels.problemWith(AlertPolicy.DEFAULT_SEVERITY_CUTS)).isNull();
        for (List<Double> bad :
                List.of(
                        List.of(0.1, 0.2),
                        List.of(0.2, 0.1, 0.3),
                        List.of(0.1, 0.1, 0.3),
                        List.of(-0.1, 0.1, 0.3),
                        List.of(0.1, 0.2, Double.POSITIVE_INFINITY))) {
            assertThatThrownBy(() -> new SeverityLevels(bad))
                    .as("%s", bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
