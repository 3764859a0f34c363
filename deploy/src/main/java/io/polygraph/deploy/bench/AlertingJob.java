package io.polygraph.deploy.bench;

import io.polygraph.deploy.flink.LocalFlinkJob;
import io.polygraph.deploy.kafka.LocalKafkaBroker;
import io.polygraph.detector.ScorerFactory;
import io.polygraph.job.config.PolygraphOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * The Polygraph job as benchmark 4 starts it: on a local MiniCluster, on its own topics of the
 * local broker, with every transaction alerting and no restarts.
 */
final class AlertingJob {

    private AlertingJob() {}

    /**
     * Starts the job on {@code topics} with an alert threshold above every score and {@code
     * tuning}.
     */
    static LocalFlinkJob start(
            LocalKafkaBroker broker,
            ScorerFactory snapshot,
            BenchTopics topics,
            String group,
            DeliveryGuarantee guarantee,
            int cores,
            JobTuning tuning)
            throws Exception {
        Configuration config =
                EndToEndThroughput.jobConfiguration(broker, topics, group, guarantee);
        config.set(PolygraphOptions.PARALLELISM, cores);
        tuning.applyTo(config);
        // Above every score: every transaction alerts, so every transaction is measured.
        config.set(PolygraphOptions.ALERT_THRESHOLD, 1.0);
        // A failure should fail the measurement, not hide in a restart.
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        // Models announced to the job load on the backend its own scorers run on.
        config.set(PolygraphOptions.GRAPH_BACKEND, snapshot.graphBackend());
        return LocalFlinkJob.start(config, LocalKafkaBroker.freePort(), snapshot);
    }
}
