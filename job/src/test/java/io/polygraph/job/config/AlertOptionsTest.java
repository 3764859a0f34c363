package io.polygraph.job.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.job.alert.AlertPolicy;
import io.polygraph.schema.Severity;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** The polygraph.alert.* options: defaults, parsing from strings, and what is refused. */
class AlertOptionsTest {

    @Test
    void defaultsAlertWhereTheSnapshotSays() {
        AlertPolicy policy = JobSettings.defaults().alertPolicy();

        assertThat(policy.thresholdOverride()).isEmpty();
        assertThat(policy.threshold(-0.44)).isEqualTo(-0.44);
        assertThat(policy.smooths()).isFalse();
        assertThat(policy.suppresses()).isFalse();
        assertThat(policy.smoothingTtlMillis()).isEqualTo(Duration.ofDays(7).toMillis());
        assertThat(policy.severityLevels().of(0.3)).isEqualTo(Severity.CRITICAL);
        assertThat(policy.latenessMillis())
                .as("the join's wait plus the out-of-orderness")
                .isEqualTo(Duration.ofSeconds(35).toMillis());
    }

    @Test
    void readsValuesGivenAsStrings() {
        AlertPolicy policy =
                settings(
                                Map.of(
                                        "polygraph.alert.threshold", "-0.3",
                                        "polygraph.alert.smoothing", "0.4",
                                        "polygraph.alert.smoothing-ttl", "2 h",
                                        "polygraph.alert.suppression-window", "15 min",
                                        "polygraph.alert.severity-levels", "0.1;0.2;0.5"))
                        .alertPolicy();

        assertThat(policy.threshold(-0.44)).isEqualTo(-0.3);
        assertThat(policy.smoothing()).isEqualTo(0.4);
        assertThat(policy.smoothingTtlMillis()).isEqualTo(Duration.ofHours(2).toMillis());
        assertThat(policy.suppressionWindowMillis()).isEqualTo(Duration.ofMinutes(15).toMillis());
        assertThat(policy.severityLevels().of(0.49)).isEqualTo(Severity.HIGH);
    }

    @Test
    void refusesValuesOutsideTheirRangeNamingTheKey() {
        Map<String, String> bad =
                Map.of(
                        "polygraph.alert.threshold", "1.5",
                        "polygraph.alert.smoothing", "0",
                        "polygraph.alert.smoothing-ttl", "0 s",
                        "polygraph.alert.suppression-window", "-1 s",
                        "polygraph.alert.severity-levels", "0.3;0.2;0.5");
        bad.forEach(
                (key, value) ->
                        assertThatThrownBy(() -> settings(Map.of(key, value)))
                                .isInstanceOf(IllegalArgumentException.class)
                                .hasMessageContaining(key));
    }

    private static JobSettings settings(Map<String, String> values) {
        return JobSettings.from(Configuration.fromMap(values));
    }
}
