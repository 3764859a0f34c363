package io.polygraph.deploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polygraph.deploy.cluster.FlinkRestClient.CheckpointCounts;
import org.junit.jupiter.api.Test;

/** The parts of the REST client that read Flink's answers, on answers as Flink 2.2 gives them. */
class FlinkRestClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void findsTheKafkaSourcePositionGaugesAmongAVertexsMetrics() throws Exception {
        String listing =
                """
                [{"id":"0.numRecordsOut"},
                 {"id":"0.Source__transactions.KafkaSourceReader.topic.tx-1.partition.0.currentOffset"},
                 {"id":"0.Source__transactions.KafkaSourceReader.topic.tx-1.partition.0.committedOffset"},
                 {"id":"1.Source__transactions.KafkaSourceReader.topic.tx-1.partition.1.currentOffset"}]
                """;

        assertThat(FlinkRestClient.currentOffsetMetrics(JSON.readTree(listing)))
                .containsExactly(
                        "0.Source__transactions.KafkaSourceReader.topic.tx-1.partition.0.currentOffset",
                        "1.Source__transactions.KafkaSourceReader.topic.tx-1.partition.1.currentOffset");
    }

    @Test
    void readsMetricValuesAsNumbersAndSkipsOthers() throws Exception {
        String values =
                """
                [{"id":"a","value":"41234"},{"id":"b","value":"-1"},{"id":"c","value":"1.0E7"},
                 {"id":"d","value":"n/a"}]
                """;

        assertThat(FlinkRestClient.metricValues(JSON.readTree(values)))
                .containsExactly(
                        java.util.Map.entry("a", 41234L),
                        java.util.Map.entry("b", -1L),
                        java.util.Map.entry("c", 10_000_000L));
    }

    @Test
    void readsCheckpointCountsAndTheLatestCompletedAndRestoredIds() throws Exception {
        String answer =
                """
                {"counts":{"restored":2,"total":12,"in_progress":1,"completed":9,"failed":1},
                 "latest":{"completed":{"id":11,"status":"COMPLETED"},
                           "restored":{"id":7,"restore_timestamp":1,"is_savepoint":false},
                           "savepoint":null,"failed":null}}
                """;

        assertThat(FlinkRestClient.checkpointCounts(JSON.readTree(answer)))
                .isEqualTo(new CheckpointCounts(9, 2, 1, 11, 7));
    }

    @Test
    void aJobWithoutCheckpointsHasNoLatestIds() throws Exception {
        String answer =
                """
                {"counts":{"restored":0,"total":0,"in_progress":0,"completed":0,"failed":0},
                 "latest":{"completed":null,"restored":null,"savepoint":null,"failed":null}}
                """;

        assertThat(FlinkRestClient.checkpointCounts(JSON.readTree(answer)))
                .isEqualTo(new CheckpointCounts(0, 0, 0, -1, -1));
    }
}
