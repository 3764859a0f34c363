package io.polygraph.job.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.polygraph.detector.ReasonCodes;
import io.polygraph.schema.Alert;
import io.polygraph.schema.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the alert policy emits, suppresses and keeps, one policy setting at a time. */
class AlertPolicyFunctionTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);

    @Test
    void smoothedScoresAreExactAndDecidePerEntity() throws Exception {
        try (PolicyHarness policy =
                new PolicyHarness(AlertPolicy.defaults().withSmoothing(0.5, Duration.ofDays(1)))) {
            policy.send("a", 0.4, Duration.ofSeconds(1)); // smoothed 0.4
            policy.send("a", -0.2, Duration.ofSeconds(2)); // 0.5 * -0.2 + 0.5 * 0.4 = 0.1
            policy.send("a", -0.6, Duration.ofSeconds(3)); // 0.5 * -0.6 + 0.5 * 0.1 = -0.25
            policy.send("b", -0.6, Duration.ofSeconds(3)); // b's first score: -0.6 as it is

            assertThat(policy.alerts())
                    .as("-0.2 alone is below the threshold, but smoothed it is not")
                    .extracting(Alert::getTransactionId)
                    .containsExactly("a-tx3", "b-tx4");
            Alert a = policy.alerts().get(0);
            assertThat(a.getScore()).as("raw score kept").isEqualTo(-0.6);
            assertThat(a.getSmoothedScore()).isCloseTo(-0.25, within(1e-12));
            assertThat(policy.alerts().get(1).getSmoothedScore()).isEqualTo(-0.6);
        }
    }

    @Test
    void withoutSmoothingTheRawScoreDecidesAndNothingIsKept() throws Exception {
        try (PolicyHarness policy = new PolicyHarness(AlertPolicy.defaults())) {
            policy.send("a", 0.4, Duration.ZERO);
            policy.send("a", -0.2, Duration.ofSeconds(1));
            policy.send("a", -0.3, Duration.ofSeconds(2));

            assertThat(policy.alerts())
                    .extracting(Alert::getTransactionId)
                    .containsExactly("a-tx2", "a-tx3");
            assertThat(policy.alerts()).allSatisfy(a -> assertThat(a.getSmoothedScore()).isNull());
            assertThat(policy.keyedStateEntries()).isZero();
            assertThat(policy.eventTimeTimers()).isZero();
        }
    }

    @Test
    void suppressesRepeatsWithinTheWindowAndAlertsAgainAfterIt() throws Exception {
        try (PolicyHarness policy =
                new PolicyHarness(AlertPolicy.defaults().withSuppressionWindow(WINDOW))) {
            policy.send("a", -0.5, Duration.ZERO); // alert, window until 10 min
            policy.send("a", -0.5, Duration.ofMinutes(5)); // suppressed
            policy.send("b", -0.5, Duration.ofMinutes(5)); // another entity: alert
            policy.send("a", -0.5, WINDOW.minusMillis(1)); // suppressed
            policy.send("a", 0.5, WINDOW.minusMillis(1)); // normal: neither
            policy.send("a", -0.5, WINDOW); // window over: alert, new window until 20 min
            policy.send("a", -0.5, Duration.ofMinutes(15)); // suppressed by the new window

            assertThat(policy.alerts())
                    .extracting(Alert::getTransactionId)
                    .containsExactly("a-tx1", "b-tx3", "a-tx6");
            assertThat(policy.counter("alertsEmitted")).isEqualTo(3);
            assertThat(policy.counter("alertsSuppressed")).isEqualTo(3);
        }
    }

    @Test
    void severityFollowsTheMarginBelowTheThreshold() throws Exception {
        // Default cut points 0.05, 0.15, 0.3 below the snapshot threshold 0.0.
        double[] scores = {-0.01, -0.05, -0.149, -0.15, -0.299, -0.3, -0.9};
        try (PolicyHarness policy = new PolicyHarness(AlertPolicy.defaults())) {
            for (int i = 0; i < scores.length; i++) {
                policy.send("e" + i, scores[i], Duration.ZERO);
            }
            assertThat(policy.alerts())
                    .extracting(Alert::getSeverity)
                    .containsExactly(
                            Severity.LOW,
                            Severity.MEDIUM,
                            Severity.MEDIUM,
                            Severity.HIGH,
                            Severity.HIGH,
                            Severity.CRITICAL,
                            Severity.CRITICAL);
        }
    }

    @Test
    void anOverriddenThresholdChangesDecisionsAndIsReported() throws Exception {
        assertThat(transactionsAlertedWith(AlertPolicy.defaults())).containsExactly("a-tx1");
        assertThat(transactionsAlertedWith(AlertPolicy.defaults().withThreshold(0.2)))
                .containsExactly("a-tx1", "b-tx2");
        assertThat(transactionsAlertedWith(AlertPolicy.defaults().withThreshold(-0.2))).isEmpty();

        try (PolicyHarness policy = new PolicyHarness(AlertPolicy.defaults().withThreshold(0.2))) {
            policy.send("b", 0.1, Duration.ZERO);
            Alert alert = policy.alerts().get(0);
            assertThat(alert.getThreshold()).isEqualTo(0.2);
            assertThat(alert.getSeverity()).as("margin 0.1").isEqualTo(Severity.MEDIUM);
            assertThat(alert.getReasonCodes())
                    .as("the snapshot's threshold named no inconsistency")
                    .containsExactly(ReasonCodes.SCORED_ANOMALOUS);
            assertThat(alert.getSummary())
                    .isEqualTo("MEDIUM: score 0.100 below threshold 0.200: anomalous as a whole");
        }
    }

    private static java.util.List<String> transactionsAlertedWith(AlertPolicy alertPolicy)
            throws Exception {
        try (PolicyHarness policy = new PolicyHarness(alertPolicy)) {
            policy.send("a", -0.1, Duration.ZERO);
            policy.send("b", 0.1, Duration.ZERO);
            policy.send("c", 0.3, Duration.ZERO);
            return policy.alerts().stream().map(Alert::getTransactionId).toList();
        }
    }

    @Test
    void aCandidateLaggingTheWatermarkStillFindsTheAlertThatSuppressesIt() throws Exception {
        AlertPolicy alertPolicy =
                AlertPolicy.defaults()
                        .withSuppressionWindow(WINDOW)
                        .withLateness(Duration.ofSeconds(30));
        try (PolicyHarness policy = new PolicyHarness(alertPolicy)) {
            policy.send("a", -0.5, Duration.ZERO);
            policy.watermark(WINDOW.plusSeconds(20));
            // Held back by the join, a transaction from inside the window arrives late.
            policy.send("a", -0.5, WINDOW.minusSeconds(5));
            assertThat(policy.alerts()).hasSize(1);

            policy.watermark(WINDOW.plusSeconds(30));
            assertThat(policy.keyedStateEntries()).isZero();
            assertThat(policy.eventTimeTimers()).isZero();
        }
    }

    @Test
    void stateIsClearedOnceTheSmoothingTtlAndTheWindowHavePassed() throws Exception {
        AlertPolicy alertPolicy =
                AlertPolicy.defaults()
                        .withSmoothing(0.5, Duration.ofHours(1))
                        .withSuppressionWindow(WINDOW);
        try (PolicyHarness policy = new PolicyHarness(alertPolicy)) {
            policy.send("a", -0.5, Duration.ZERO);
            policy.send("b", -0.5, Duration.ofMinutes(30));
            assertThat(policy.eventTimeTimers()).as("one timer per entity").isEqualTo(2);
            int both = policy.keyedStateEntries();

            policy.watermark(WINDOW);
            assertThat(policy.keyedStateEntries())
                    .as("a's last alert forgotten, its smoothed score kept")
                    .isEqualTo(both - 1);
            assertThat(policy.eventTimeTimers()).isEqualTo(2);

            policy.watermark(Duration.ofMinutes(90));
            assertThat(policy.keyedStateEntries()).isZero();
            assertThat(policy.eventTimeTimers()).isZero();

            policy.send("a", 0.4, Duration.ofHours(2));
            policy.send("a", -0.6, Duration.ofHours(2).plusSeconds(1));
            assertThat(policy.alerts().get(2).getSmoothedScore())
                    .as("a starts afresh from 0.4, not from its expired -0.5")
                    .isCloseTo(-0.1, within(1e-12));
        }
    }
}
