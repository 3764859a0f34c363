package io.polygraph.deploy.cluster;

import io.polygraph.job.PolygraphJobMain;
import io.polygraph.job.config.PolygraphOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;

/**
 * Submits the Polygraph job to a running cluster through its REST API, as {@code flink run} would:
 * the job jar is uploaded and its main class {@link PolygraphJobMain} runs on the JobManager with
 * the job's settings as {@code --key value} arguments.
 */
public final class JobSubmission {

    private JobSubmission() {}

    /** The id the cluster gave an uploaded jar, and the id of the job it runs. */
    public record Submitted(String jarId, String jobId) {}

    /**
     * Uploads {@code jobJar} and runs it with {@code settings}; the parallelism is {@code
     * polygraph.parallelism} when set, else {@code defaultParallelism}.
     */
    public static Submitted submit(
            FlinkRestClient rest, Path jobJar, Configuration settings, int defaultParallelism)
            throws IOException, InterruptedException {
        return run(rest, rest.uploadJar(jobJar), settings, defaultParallelism);
    }

    /** Runs a jar uploaded before with {@code settings}. */
    public static Submitted run(
            FlinkRestClient rest, String jarId, Configuration settings, int defaultParallelism)
            throws IOException, InterruptedException {
        int parallelism =
                settings.getOptional(PolygraphOptions.PARALLELISM).orElse(defaultParallelism);
        String jobId =
                rest.runJar(
                        jarId, PolygraphJobMain.class.getName(), parallelism, arguments(settings));
        return new Submitted(jarId, jobId);
    }

    /** {@code --key value} for every setting. */
    static List<String> arguments(Configuration settings) {
        List<String> arguments = new ArrayList<>();
        for (Map.Entry<String, String> setting : settings.toMap().entrySet()) {
            arguments.add("--" + setting.getKey());
            arguments.add(setting.getValue());
        }
        return arguments;
    }
}
