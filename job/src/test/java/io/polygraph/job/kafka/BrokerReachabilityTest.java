package io.polygraph.job.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.job.eventtime.InputReachability;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Properties;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/**
 * The probe against an address where no broker listens; a broker that stops and comes back is
 * {@code BrokerRestartITCase}'s (it-tests), with a real one.
 */
class BrokerReachabilityTest {

    @Test
    void keepsTheSecurityPropertiesAndDropsTheConsumersOwn() {
        Properties client = new Properties();
        client.setProperty("security.protocol", "SASL_SSL");
        client.setProperty("sasl.mechanism", "SCRAM-SHA-512");
        client.setProperty("isolation.level", "read_committed");

        BrokerReachability reachability = new BrokerReachability("127.0.0.1:9", client);

        assertThat(reachability.adminConfig())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("bootstrap.servers", "127.0.0.1:9")
                .doesNotContainKey("isolation.level");
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        BrokerReachability original = new BrokerReachability("127.0.0.1:9", new Properties());

        BrokerReachability copy = InstantiationUtil.clone(original);

        assertThat(copy.adminConfig()).isEqualTo(original.adminConfig());
    }

    @Test
    void anAddressWhereNoBrokerListensBecomesUnreachable() throws Exception {
        BrokerReachability reachability =
                new BrokerReachability("127.0.0.1:" + closedPort(), new Properties());
        assertThat(reachability.reachableSince())
                .as("reachable until the probes say otherwise")
                .isNotEqualTo(InputReachability.UNREACHABLE);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (reachability.reachableSince() != InputReachability.UNREACHABLE) {
            assertThat(System.nanoTime()).as("unreachable within 30 s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void oneProbePerClusterInAJvm() {
        Properties none = new Properties();
        BrokerReachability a = new BrokerReachability("127.0.0.1:9", none);
        BrokerReachability b = new BrokerReachability("127.0.0.1:9", none);

        assertThat(BrokerProbe.of(a.adminConfig())).isSameAs(BrokerProbe.of(b.adminConfig()));
    }

    @Test
    void aProbeNobodyAsksStopsAndTheNextQuestionStartsAnother() throws Exception {
        BrokerReachability reachability =
                new BrokerReachability("127.0.0.1:" + closedPort(), new Properties());
        BrokerProbe first = BrokerProbe.of(reachability.adminConfig());

        long deadline = System.nanoTime() + BrokerProbe.UNUSED_FOR.multipliedBy(3).toNanos();
        while (!first.stopped()) {
            assertThat(System.nanoTime()).as("stopped when unused").isLessThan(deadline);
            Thread.sleep(200);
        }

        assertThat(BrokerProbe.of(reachability.adminConfig())).isNotSameAs(first);
    }

    /** A port that was free a moment ago: nothing listens there. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
