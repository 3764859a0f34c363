package io.polygraph.job.kafka;

import io.polygraph.job.eventtime.InputReachability;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Whether the Kafka cluster of the job's sources answers, as seen from the task's JVM ({@link
 * BrokerProbe}, one per cluster and JVM): what lets the sources' idleness tell a quiet partition
 * from a broker outage ({@link io.polygraph.job.eventtime.OutageAwareIdleness}).
 *
 * <p>Connects with the sources' own client properties (security included), keeping only those an
 * admin client knows. Travels to the tasks inside the watermark strategy; the probe is found or
 * started on first use there.
 */
public final class BrokerReachability implements InputReachability {

    private static final long serialVersionUID = 1L;

    private final TreeMap<String, Object> adminConfig;

    /**
     * Reachability of the cluster at {@code bootstrapServers}.
     *
     * @param clientProperties the sources' extra Kafka client properties
     */
    public BrokerReachability(String bootstrapServers, Properties clientProperties) {
        this.adminConfig = new TreeMap<>();
        for (String name : clientProperties.stringPropertyNames()) {
            if (AdminClientConfig.configNames().contains(name)) {
                adminConfig.put(name, clientProperties.getProperty(name));
            }
        }
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    @Override
    public long reachableSince() {
        return BrokerProbe.of(adminConfig).reachableSince();
    }

    /** The admin client configuration the probe uses; for tests. */
    Map<String, Object> adminConfig() {
        return Collections.unmodifiableMap(adminConfig);
    }
}
