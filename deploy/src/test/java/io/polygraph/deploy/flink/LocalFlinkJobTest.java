package io.polygraph.deploy.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;

/** The local job's configuration, and what it says when its job fails. */
class LocalFlinkJobTest {

    @Test
    void aFailedJobIsReportedWithItsCauseNotWithItsShutDownCluster() throws Exception {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(1, config);
        env.fromData(1, 2, 3).map(new PlantedFailure()).sinkTo(new DiscardingSink<>());
        JobClient client = env.executeAsync("failing");
        LocalFlinkJob job = new LocalFlinkJob(client, 0);

        // Asked while it runs, as the benchmark and the demo ask, until the failure shows.
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        IllegalStateException failure = null;
        while (failure == null && System.nanoTime() < deadline) {
            try {
                job.checkRunning();
                Thread.sleep(20);
            } catch (IllegalStateException e) {
                failure = e;
            }
        }

        assertThat(failure).as("the job's failure within a minute").isNotNull();
        assertThat(failure.getMessage())
                .isEqualTo(
                        "the Polygraph job failed: IllegalArgumentException: planted failure"
                                + " (record 2)");
        assertThat(failure.getCause()).isNotNull();
        // The local cluster has shut down with the job: asking again still names the cause.
        assertThatThrownBy(job::checkRunning).hasMessageContaining("planted failure");
        job.close();
    }

    @Test
    void closingReturnsOnlyWhenTheCancelledJobsTasksHaveClosed() throws Exception {
        SlowToClose.mapped = false;
        SlowToClose.closed = false;
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(1, new Configuration());
        env.fromSequence(0, Long.MAX_VALUE).map(new SlowToClose()).sinkTo(new DiscardingSink<>());
        LocalFlinkJob job = new LocalFlinkJob(env.executeAsync("slow to close"), 0);
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!SlowToClose.mapped && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(SlowToClose.mapped).as("a record mapped within a minute").isTrue();

        job.close();

        // Cancelling alone returns before the function has closed, two seconds later.
        assertThat(SlowToClose.closed).as("the task closed before close() returned").isTrue();
    }

    /** Takes two seconds to close, as a sink aborting its Kafka transactions can. */
    private static final class SlowToClose extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        static volatile boolean mapped;
        static volatile boolean closed;

        @Override
        public Long map(Long value) {
            mapped = true;
            return value;
        }

        @Override
        public void close() throws InterruptedException {
            Thread.sleep(2000);
            closed = true;
        }
    }

    /** Fails on the second record. */
    private static final class PlantedFailure implements MapFunction<Integer, Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public Integer map(Integer value) {
            if (value == 2) {
                throw new IllegalArgumentException("planted failure (record " + value + ")");
            }
            return value;
        }
    }

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
