package io.polygraph.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.job.config.PolygraphOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The job settings of {@code run} and {@code demo}: the --config file, flags over it, help. */
class JobOptionsCommandTest {

    @Test
    void runHelpListsEveryJobOptionWithItsDefault() {
        StringWriter out = new StringWriter();
        CommandLine cli = PolygraphCli.commandLine().setOut(new PrintWriter(out));

        assertThat(cli.execute("run", "--help")).isZero();

        assertThat(out.toString())
                .contains("Job options (in the --config file")
                .contains(PolygraphOptions.BATCH_SIZE.key() + " (default: 256)")
                .contains(PolygraphOptions.MAX_JOIN_WAIT.key())
                .contains(PolygraphOptions.BOOTSTRAP_SERVERS.key() + " (default: (none))");
    }

    @Test
    void theConfigFileSetsWhatTheCommandLineLeavesAtItsDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("job.yaml");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "polygraph:",
                        "  parallelism: 4",
                        "  topic.alerts: bank.alerts",
                        "  checkpoint.interval: 30 s",
                        "  scoring.batch-size: 64",
                        ""));
        CommandLine cli = new CommandLine(new RunCommand());
        cli.parseArgs(
                "--bootstrap-servers", "broker:9092",
                "--snapshot", "model.zip",
                "--config", file.toString(),
                "--checkpoint-interval", "5s",
                "--job-option", PolygraphOptions.BATCH_SIZE.key() + "=128");
        RunCommand run = cli.getCommand();

        Configuration config = run.job.configuration(run.kafka, run.topics, Path.of("model.zip"));

        // From the file: nothing typed for them.
        assertThat(config.get(PolygraphOptions.PARALLELISM)).isEqualTo(4);
        assertThat(config.get(PolygraphOptions.ALERTS_TOPIC)).isEqualTo("bank.alerts");
        // Typed on the command line: they win.
        assertThat(config.toMap().get(PolygraphOptions.CHECKPOINT_INTERVAL.key())).isEqualTo("5s");
        assertThat(config.get(PolygraphOptions.BATCH_SIZE)).isEqualTo(128);
        assertThat(config.get(PolygraphOptions.BOOTSTRAP_SERVERS)).isEqualTo("broker:9092");
        // Not in the file, not typed: the command's default.
        assertThat(config.get(PolygraphOptions.TRANSACTIONS_TOPIC))
                .isEqualTo(PolygraphOptions.TRANSACTIONS_TOPIC.defaultValue());
    }

    @Test
    void prometheusPortTurnsOnFlinksPrometheusReporter() {
        CommandLine cli = new CommandLine(new RunCommand());
        cli.parseArgs(
                "--bootstrap-servers", "broker:9092",
                "--snapshot", "model.zip",
                "--prometheus-port", "9250");
        RunCommand run = cli.getCommand();

        Configuration config = run.job.configuration(run.kafka, run.topics, Path.of("model.zip"));

        assertThat(config.toMap())
                .containsEntry(
                        JobOptions.PROMETHEUS_REPORTER + "factory.class",
                        "org.apache.flink.metrics.prometheus.PrometheusReporterFactory")
                .containsEntry(JobOptions.PROMETHEUS_REPORTER + "port", "9250");
        assertThat(run.job.prometheusUrl()).contains("http://localhost:9250/metrics");
    }
}
