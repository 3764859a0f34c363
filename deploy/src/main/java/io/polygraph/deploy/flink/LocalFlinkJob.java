package io.polygraph.deploy.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polygraph.detector.ScorerFactory;
import io.polygraph.job.PolygraphJob;
import io.polygraph.job.config.JobSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The Polygraph job running on a Flink MiniCluster inside this JVM, with Flink's web UI on
 * localhost: what {@code polygraph run} and {@code polygraph demo} start.
 *
 * <p>The web UI and REST API listen on 127.0.0.1 only, even when the configuration names another
 * address: they are unauthenticated and show the job's configuration.
 *
 * <p>It runs the very graph a cluster would run ({@link PolygraphJob#execute}); only the
 * environment differs. Closing cancels the job and waits for it to stop.
 */
public final class LocalFlinkJob implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOOPBACK = "127.0.0.1";

    /** How long {@link #close()} waits for the cancelled job's tasks to close. */
    private static final Duration END_TIMEOUT = Duration.ofMinutes(2);

    private final JobClient client;
    private final int webUiPort;

    LocalFlinkJob(JobClient client, int webUiPort) {
        this.client = client;
        this.webUiPort = webUiPort;
    }

    /**
     * Starts the job without blocking.
     *
     * @param flinkConfig Flink and Polygraph options ({@code polygraph.*} keys)
     * @param webUiPort port of the web UI on localhost
     * @param scorerFactory loads the detector in each scoring subtask
     */
    public static LocalFlinkJob start(
            Configuration flinkConfig, int webUiPort, ScorerFactory scorerFactory)
            throws Exception {
        Objects.requireNonNull(scorerFactory, "scorerFactory");
        JobSettings settings = JobSettings.from(flinkConfig);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(
                        clusterConfiguration(flinkConfig, webUiPort));
        return new LocalFlinkJob(PolygraphJob.execute(env, settings, scorerFactory), webUiPort);
    }

    /**
     * The MiniCluster's configuration: {@code flinkConfig} with the REST endpoint (web UI and REST
     * API) bound to the loopback address only, whatever the configuration said, because the
     * configuration it shows holds the job's settings and nothing authenticates its callers.
     */
    static Configuration clusterConfiguration(Configuration flinkConfig, int webUiPort) {
        Configuration config = new Configuration(flinkConfig);
        config.set(RestOptions.BIND_ADDRESS, LOOPBACK);
        config.set(RestOptions.ADDRESS, LOOPBACK);
        config.set(RestOptions.PORT, webUiPort);
        return config;
    }

    /** Address of Flink's web UI. */
    public String webUiUrl() {
        return "http://localhost:" + webUiPort;
    }

    /** The job's current status. */
    public JobStatus status() throws Exception {
        return client.getJobStatus().get(10, TimeUnit.SECONDS);
    }

    /**
     * Waits until every task of the job runs, that is, every operator has opened (the scoring
     * subtasks have loaded their model), so that latency measured afterwards is not start-up time.
     */
    public void awaitAllTasksRunning(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI details = URI.create(webUiUrl() + "/jobs/" + client.getJobID());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            checkRunning();
            HttpResponse<String> response =
                    http.send(
                            HttpRequest.newBuilder(details).GET().build(), BodyHandlers.ofString());
            if (response.statusCode() == 200 && allVerticesRunning(response.body())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the job's tasks were not all running after " + timeout);
    }

    private static boolean allVerticesRunning(String jobDetailsJson) throws IOException {
        JsonNode vertices = JSON.readTree(jobDetailsJson).path("vertices");
        if (!vertices.isArray() || vertices.isEmpty()) {
            return false;
        }
        for (JsonNode vertex : vertices) {
            if (!"RUNNING".equals(vertex.path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    /** Blocks until the job ends (it runs until cancelled) and rethrows its failure. */
    public void awaitTermination() throws Exception {
        client.getJobExecutionResult().get();
    }

    /**
     * Fails with the job's failure if it has failed or ended: an {@link IllegalStateException}
     * whose message names the root cause and whose cause is the job's failure.
     */
    public void checkRunning() throws Exception {
        CompletableFuture<JobExecutionResult> result = client.getJobExecutionResult();
        if (!result.isDone()) {
            try {
                if (!status().isGloballyTerminalState()) {
                    return;
                }
            } catch (Exception e) {
                // A local environment shuts its MiniCluster down as soon as the job ends, and a
                // status asked of it then fails with "MiniCluster is not yet running or has
                // already been shut down", hiding why the job ended: its result says why.
                if (!endsSoon(result)) {
                    throw e;
                }
            }
        }
        throw ended(result);
    }

    private static boolean endsSoon(CompletableFuture<JobExecutionResult> result) {
        try {
            result.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException | CancellationException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    private static IllegalStateException ended(CompletableFuture<JobExecutionResult> result)
            throws InterruptedException {
        try {
            result.get(10, TimeUnit.SECONDS);
            return new IllegalStateException("the Polygraph job ended");
        } catch (ExecutionException e) {
            Throwable root = e.getCause();
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return new IllegalStateException(
                    "the Polygraph job failed: "
                            + root.getClass().getSimpleName()
                            + ": "
                            + root.getMessage(),
                    e.getCause());
        } catch (CancellationException | TimeoutException e) {
            return new IllegalStateException("the Polygraph job ended", e);
        }
    }

    @Override
    public void close() throws Exception {
        if (client.getJobExecutionResult().isDone()) {
            return; // ended on its own, and its local cluster with it: nothing to cancel
        }
        if (!status().isGloballyTerminalState()) {
            client.cancel().get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
        }
        awaitEnd();
    }

    /**
     * Waits until the cancelled job has ended, all its tasks closed: cancelling only asks. Tasks
     * still closing hold Kafka clients (an exactly-once sink aborts its open transactions), and a
     * caller that closes the broker next left them waiting a minute for it, then failing the task
     * manager with a fatal error, while the next job ran.
     */
    private void awaitEnd() throws InterruptedException {
        try {
            client.getJobExecutionResult().get(END_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CancellationException e) {
            // The result of a cancelled job is its cancellation: ended, as asked.
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "the Polygraph job did not end within " + END_TIMEOUT + " of its cancellation",
                    e);
        }
    }
}
