package io.polygraph.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.job.kafka.KafkaJobSinks;
import io.polygraph.job.kafka.KafkaJobSources;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every operator of the production graph (Kafka ends) carries a stable uid from {@link
 * OperatorIds}, so that a savepoint maps all state back to its operator after any code change; an
 * operator without one would get a hash of the graph's shape and lose its state on the next edit.
 * The graph is only built, never run: no broker is needed.
 */
class OperatorUidsTest {

    /** How Flink 2.2 names a sink committer's uid after the sink's uid. */
    private static final String COMMITTER_OF = "Sink Committer: ";

    private static final Set<String> UIDS =
            Arrays.stream(OperatorIds.values()).map(OperatorIds::uid).collect(Collectors.toSet());

    @ParameterizedTest
    @EnumSource(
            value = DeliveryGuarantee.class,
            names = {"AT_LEAST_ONCE", "EXACTLY_ONCE"})
    void everyOperatorHasAUidOfOperatorIds(DeliveryGuarantee guarantee) {
        List<StreamNode> nodes = productionGraph(guarantee);

        assertThat(nodes).isNotEmpty();
        for (StreamNode node : nodes) {
            String uid = node.getTransformationUID();
            assertThat(uid).as("uid of %s", node.getOperatorName()).isNotNull();
            assertThat(isOfOperatorIds(uid))
                    .as("uid %s of %s is from OperatorIds", uid, node.getOperatorName())
                    .isTrue();
        }
    }

    @Test
    void everyOperatorIdIsUsedOnce() {
        List<String> uids =
                productionGraph(DeliveryGuarantee.AT_LEAST_ONCE).stream()
                        .map(StreamNode::getTransformationUID)
                        .filter(uid -> !uid.startsWith(COMMITTER_OF))
                        .toList();

        assertThat(uids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(UIDS);
    }

    /**
     * A uid of {@link OperatorIds}, or the one Flink derives from a sink's uid for the sink's
     * committer (a Kafka sink has one whatever its delivery guarantee).
     */
    private static boolean isOfOperatorIds(String uid) {
        return UIDS.contains(uid) || UIDS.contains(uid.replaceFirst("^" + COMMITTER_OF, ""));
    }

    private static List<StreamNode> productionGraph(DeliveryGuarantee guarantee) {
        Configuration config = new Configuration();
        config.set(PolygraphOptions.BOOTSTRAP_SERVERS, "localhost:9092");
        config.set(PolygraphOptions.DELIVERY_GUARANTEE, guarantee);
        config.set(PolygraphOptions.TRANSACTIONAL_ID_PREFIX, "polygraph-uid-test");
        // With model updates (and hence the shadow-scores sink), every operator there can be.
        config.set(PolygraphOptions.MODEL_UPDATES_TOPIC, "polygraph.model-updates");
        JobSettings settings = JobSettings.from(config);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        PolygraphJob.configureEnvironment(env, settings);
        PolygraphJob.build(
                env,
                new KafkaJobSources(settings),
                new KafkaJobSinks(settings),
                FixedScorer::new,
                settings);
        return List.copyOf(env.getStreamGraph().getStreamNodes());
    }
}
