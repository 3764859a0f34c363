package io.polygraph.job.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.EntityEvent;
import io.polygraph.schema.JoinedTransaction;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.clusterframework.types.ResourceID;
import org.apache.flink.runtime.executiongraph.ExecutionAttemptID;
import org.apache.flink.runtime.metrics.groups.TaskManagerMetricGroup;
import org.apache.flink.runtime.metrics.groups.TaskMetricGroup;
import org.apache.flink.runtime.metrics.util.TestingMetricRegistry;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * The join function in Flink's keyed operator test harness, with the few moves the join tests make:
 * send records (timestamped with their event time), advance the watermark, read what was emitted,
 * and look into the keyed state.
 */
final class JoinHarness {

    static final Duration MAX_JOIN_WAIT = Duration.ofSeconds(30);
    static final Duration SIGNATURE_TTL = Duration.ofSeconds(60);
    static final int RECENT_LIMIT = 3;
    static final Duration ENTITY_TTL = Duration.ofDays(1);

    private final KeyedOneInputStreamOperatorTestHarness<String, EntityEvent, JoinedTransaction>
            harness;
    private final Map<String, Metric> metrics = new ConcurrentHashMap<>();

    JoinHarness() throws Exception {
        this(null);
    }

    /** A harness restored from {@code snapshot}, or fresh when it is null. */
    JoinHarness(OperatorSubtaskState snapshot) throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new EntityJoinFunction(
                                        MAX_JOIN_WAIT, SIGNATURE_TTL, RECENT_LIMIT, ENTITY_TTL)),
                        EntityEvent::getEntityId,
                        Types.STRING,
                        new MockEnvironmentBuilder().setMetricGroup(recordingMetrics()).build());
        if (snapshot != null) {
            harness.initializeState(snapshot);
        }
        harness.open();
    }

    /** A task metric group that keeps every metric registered under it, by identifier. */
    private TaskMetricGroup recordingMetrics() {
        TestingMetricRegistry registry =
                TestingMetricRegistry.builder()
                        .setRegisterConsumer(
                                (metric, name, group) ->
                                        metrics.put(group.getMetricIdentifier(name), metric))
                        .build();
        return TaskManagerMetricGroup.createTaskManagerMetricGroup(
                        registry, "localhost", ResourceID.generate())
                .addJob(new JobID(), "join-test")
                .addTask(ExecutionAttemptID.randomId(), "join");
    }

    /** The count of the join's counter {@code name} (for example {@code lateRecords.profile}). */
    long counter(String name) {
        String suffix = ".polygraph." + name;
        return metrics.entrySet().stream()
                .filter(e -> e.getKey().endsWith(suffix))
                .map(e -> ((Counter) e.getValue()).getCount())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no counter " + name + " in " + metrics));
    }

    /** A checkpoint of the join's state and timers. */
    OperatorSubtaskState snapshot(long checkpointId) throws Exception {
        return harness.snapshot(checkpointId, checkpointId);
    }

    void send(Transaction transaction) throws Exception {
        send(EntityEvents.of(transaction));
    }

    void send(CustomerProfile profile) throws Exception {
        send(EntityEvents.of(profile));
    }

    void send(SignatureImage signature) throws Exception {
        send(EntityEvents.of(signature));
    }

    private void send(EntityEvent event) throws Exception {
        harness.processElement(event, event.getEventTime().toEpochMilli());
    }

    void watermark(Instant at) throws Exception {
        harness.processWatermark(at.toEpochMilli());
    }

    /** Everything emitted so far, in order. */
    List<JoinedTransaction> emitted() {
        return new ArrayList<>(harness.extractOutputValues());
    }

    /** The records diverted as late, in order. */
    List<LateRecord> late() {
        List<LateRecord> late = new ArrayList<>();
        var records = harness.getSideOutput(EntityJoinFunction.LATE_RECORDS);
        if (records != null) {
            records.forEach(r -> late.add(r.getValue()));
        }
        return late;
    }

    /** All pending event-time timers, expiry timers of entities included. */
    int eventTimeTimers() {
        return harness.numEventTimeTimers();
    }

    /**
     * The pending event-time timers other than the entities' expiry timers (one per entity with
     * state): the join's waiting deadlines.
     */
    int deadlineTimers() throws Exception {
        return harness.numEventTimeTimers() - entitiesWithState();
    }

    /** The entities whose state holds an activity, that is which hold any state at all. */
    int entitiesWithState() throws Exception {
        try (Stream<?> keys =
                harness.getOperator()
                        .getKeyedStateBackend()
                        .getKeys(
                                EntityJoinState.lastActivity().getName(), VoidNamespace.INSTANCE)) {
            return (int) keys.count();
        }
    }

    /** Entries (key, namespace, state name) in the keyed state backend, over all entities. */
    int keyedStateEntries() {
        return harness.numKeyedStateEntries();
    }

    List<Transaction> waitingTransactions(String entityId) throws Exception {
        return listOf(mapState(entityId, EntityJoinState.waitingTransactions()).values());
    }

    int presentedSignatures(String entityId) throws Exception {
        return listOf(mapState(entityId, EntityJoinState.presentedSignatures()).values()).size();
    }

    /**
     * Nothing waits, nothing is pending and no timer is left for {@code entityId} but the expiry
     * timers of the entities.
     */
    void assertNothingPending(String entityId) throws Exception {
        assertThat(waitingTransactions(entityId)).as("waiting transactions").isEmpty();
        assertThat(presentedSignatures(entityId)).as("pending presented signatures").isZero();
        assertThat(deadlineTimers()).as("event-time timers other than expiry timers").isZero();
        assertThat(harness.numProcessingTimeTimers()).as("processing-time timers").isZero();
    }

    private <V> MapState<String, V> mapState(
            String entityId, MapStateDescriptor<String, V> descriptor) throws Exception {
        harness.getOperator().setCurrentKey(entityId);
        return harness.getOperator()
                .getPartitionedState(
                        VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, descriptor);
    }

    private static <T> List<T> listOf(Iterable<T> items) {
        List<T> list = new ArrayList<>();
        if (items != null) {
            items.forEach(list::add);
        }
        return list;
    }

    void close() throws Exception {
        harness.close();
    }
}
