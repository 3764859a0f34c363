package io.polygraph.job.kafka;

import io.polygraph.job.eventtime.InputReachability;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a Kafka cluster once a second whether it answers, on a daemon thread, one per cluster and
 * JVM however many partitions ask: the outage signal behind {@link BrokerReachability}.
 *
 * <p>An outage starts after {@link #FAILURES_FOR_OUTAGE} probes in a row went unanswered within
 * {@link #PROBE_TIMEOUT} (one slow answer on a loaded machine is not an outage) and ends with the
 * first answer. Detection therefore takes up to about 5 s, which must stay well below the sources'
 * idleness (10 s by default): a partition that goes idle before the outage is noticed is made
 * active again when it ends. The probe stops, and closes its client, once nobody has asked for
 * {@link #UNUSED_FOR}: a cancelled job leaves no thread behind.
 */
final class BrokerProbe implements Runnable {

    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    static final int FAILURES_FOR_OUTAGE = 2;
    static final Duration UNUSED_FOR = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(BrokerProbe.class);
    private static final ConcurrentMap<Map<String, Object>, BrokerProbe> RUNNING =
            new ConcurrentHashMap<>();
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final Map<String, Object> adminConfig;
    private final Admin admin;
    private final String bootstrapServers;
    // Reachable as far as this JVM knows: the same value from every probe that has seen no outage,
    // so that a probe stopped and started again (a watermark interval longer than UNUSED_FOR)
    // does not look like the end of an outage to the partitions.
    private volatile long reachableSince = InputReachability.REACHABLE_FROM_START;
    private volatile long lastAskedNanos = System.nanoTime();
    private volatile boolean stopped;

    private BrokerProbe(Map<String, Object> adminConfig) {
        this.adminConfig = adminConfig;
        this.bootstrapServers =
                String.valueOf(adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.put(
                AdminClientConfig.CLIENT_ID_CONFIG,
                "polygraph-broker-probe-" + CLIENTS.incrementAndGet());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
        this.admin = Admin.create(config);
    }

    /**
     * The probe of the cluster that {@code adminConfig} connects to, started if none runs in this
     * JVM.
     *
     * @throws org.apache.kafka.common.KafkaException when the configuration cannot make a client
     */
    static BrokerProbe of(Map<String, Object> adminConfig) {
        return RUNNING.compute(
                adminConfig,
                (config, running) -> running != null && !running.stopped ? running : start(config));
    }

    private static BrokerProbe start(Map<String, Object> adminConfig) {
        BrokerProbe probe = new BrokerProbe(adminConfig);
        Thread thread = new Thread(probe, "polygraph-broker-probe " + probe.bootstrapServers);
        thread.setDaemon(true);
        thread.start();
        return probe;
    }

    /** See {@link InputReachability#reachableSince()}. */
    long reachableSince() {
        lastAskedNanos = System.nanoTime();
        return reachableSince;
    }

    @Override
    public void run() {
        int unanswered = 0;
        try {
            while (System.nanoTime() - lastAskedNanos < UNUSED_FOR.toNanos()) {
                if (answers()) {
                    unanswered = 0;
                    if (reachableSince == InputReachability.UNREACHABLE) {
                        reachableSince = endOfOutage();
                        LOG.info("Kafka at {} answers again", bootstrapServers);
                    }
                } else if (++unanswered == FAILURES_FOR_OUTAGE) {
                    reachableSince = InputReachability.UNREACHABLE;
                    LOG.warn(
                            "Kafka at {} did not answer {} probes in a row: the sources' idleness"
                                    + " is paused until it does",
                            bootstrapServers,
                            FAILURES_FOR_OUTAGE);
                }
                Thread.sleep(PROBE_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Such as the job's class loader closed under a probe of a cancelled job: stopping
            // is all there is to do, and the next partition to ask starts a new probe.
            LOG.warn("The probe of Kafka at {} stopped: {}", bootstrapServers, e.toString());
        } finally {
            stopped = true;
            RUNNING.remove(adminConfig, this);
            closeQuietly();
        }
    }

    private boolean answers() throws InterruptedException {
        try {
            return !admin.describeCluster(
                            new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis()))
                    .nodes()
                    .get(PROBE_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS)
                    .isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            // The cause's class only: an authentication message may name the user.
            LOG.debug("Kafka at {} did not answer: {}", bootstrapServers, e.getClass().getName());
            return false;
        }
    }

    /** Now, as a value no other state of {@link InputReachability} uses. */
    private static long endOfOutage() {
        long now = System.nanoTime();
        boolean taken =
                now == InputReachability.REACHABLE_FROM_START
                        || now == InputReachability.UNREACHABLE;
        return taken ? now + 1 : now;
    }

    private void closeQuietly() {
        try {
            admin.close(Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.debug(
                    "Closing the probe of Kafka at {} failed: {}", bootstrapServers, e.toString());
        }
    }

    /** Whether the probe has stopped; for tests. */
    boolean stopped() {
        return stopped;
    }
}
