package io.polygraph.deploy.flink;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.junit.jupiter.api.Test;

class LocalFlinkJobTest {

    @Test
    void theRestEndpointListensOnLoopbackOnlyEvenWhenAskedOtherwise() {
        Configuration asked = new Configuration();
        asked.set(RestOptions.BIND_ADDRESS, "0.0.0.0");
        asked.set(RestOptions.ADDRESS, "0.0.0.0");
        asked.setString("polygraph.kafka.bootstrap-servers", "localhost:9092");

        Configuration cluster = LocalFlinkJob.clusterConfiguration(asked, 18081);

        assertThat(cluster.get(RestOptions.BIND_ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(cluster.get(RestOptions.ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(cluster.get(RestOptions.PORT)).isEqualTo(18081);
        assertThat(cluster.getString("polygraph.kafka.bootstrap-servers", null))
                .isEqualTo("localhost:9092");
    }
}
