package io.polygraph.job.alert;

import io.polygraph.schema.Alert;
import io.polygraph.schema.Contribution;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * An {@link AlertPolicyFunction} in a keyed operator harness, fed alert candidates as the scoring
 * operator emits them, with its counters readable.
 */
final class PolicyHarness implements AutoCloseable {

    static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
    static final double SNAPSHOT_THRESHOLD = 0.0;

    private final KeyedOneInputStreamOperatorTestHarness<String, Alert, Alert> harness;
    private final InterceptingOperatorMetricGroup metrics =
            new InterceptingOperatorMetricGroup() {
                @Override
                public MetricGroup addGroup(String name) {
                    // The function counts under a "polygraph" subgroup; keep its counters here.
                    return this;
                }
            };
    private int sent;

    PolicyHarness(AlertPolicy policy) throws Exception {
        UnregisteredMetricGroups.UnregisteredTaskMetricGroup task =
                new UnregisteredMetricGroups.UnregisteredTaskMetricGroup() {
                    @Override
                    public InternalOperatorMetricGroup getOrAddOperator(
                            OperatorID id, String name, java.util.Map<String, String> info) {
                        return metrics;
                    }
                };
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new AlertPolicyFunction(policy)),
                        Alert::getEntityId,
                        Types.STRING,
                        new MockEnvironmentBuilder().setMetricGroup(task).build());
        harness.open();
    }

    /**
     * Sends the candidate of a transaction of {@code entity} scored {@code score} at {@code at}.
     */
    void send(String entity, double score, Duration at) throws Exception {
        sent++;
        Instant eventTime = T0.plus(at);
        Alert candidate =
                Alert.newBuilder()
                        .setAlertId("v1:" + entity + "-tx" + sent)
                        .setEntityId(entity)
                        .setTransactionId(entity + "-tx" + sent)
                        .setEventTime(eventTime)
                        .setDetectionTime(eventTime)
                        .setScore(score)
                        .setThreshold(SNAPSHOT_THRESHOLD)
                        .setModelName("fixed")
                        .setModelVersion("v1")
                        .setContributions(
                                new ArrayList<>(
                                        List.of(new Contribution("profile~transaction", score))))
                        .setReasonCodes(new ArrayList<>())
                        .build();
        harness.processElement(candidate, eventTime.toEpochMilli());
    }

    void watermark(Duration at) throws Exception {
        harness.processWatermark(T0.plus(at).toEpochMilli());
    }

    /** The alerts emitted so far, in order. */
    List<Alert> alerts() {
        return new ArrayList<>(harness.extractOutputValues());
    }

    long counter(String name) {
        return ((Counter) metrics.get(name)).getCount();
    }

    int keyedStateEntries() {
        return harness.numKeyedStateEntries();
    }

    int eventTimeTimers() {
        return harness.numEventTimeTimers();
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
