package io.polygraph.deploy.cli;

import io.polygraph.deploy.cluster.ClusterLayout;
import io.polygraph.deploy.cluster.FlinkDistribution;
import io.polygraph.deploy.cluster.FlinkRestClient;
import io.polygraph.deploy.cluster.JobSubmission;
import io.polygraph.deploy.cluster.LocalFlinkCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code polygraph cluster up|submit|down}: a Flink standalone cluster on this machine (one
 * JobManager and TaskManagers, each its own JVM, started from Flink's artifacts that the build
 * resolved), the job submitted to it as the shaded job jar through Flink's REST API, and the
 * cluster stopped again.
 */
@Command(
        name = "cluster",
        mixinStandardHelpOptions = true,
        description = "A local multi-process Flink cluster: up, submit, down.",
        subcommands = {
            ClusterCommand.Up.class,
            ClusterCommand.Submit.class,
            ClusterCommand.Down.class
        })
final class ClusterCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Where the cluster lives and listens; the same for all three subcommands. */
    static final class Where {
        @Option(
                names = "--work-dir",
                description =
                        "Working folder of the cluster (config, logs, pid files, checkpoints)."
                                + " Default: ${DEFAULT-VALUE}.")
        Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "polygraph-cluster");

        @Option(
                names = "--rest-port",
                description = "Port of the REST API and web UI. Default: ${DEFAULT-VALUE}.")
        int restPort = 8081;

        @Option(
                names = "--rpc-port",
                description = "RPC port of the JobManager. Default: ${DEFAULT-VALUE}.")
        int rpcPort = 6123;

        @Option(
                names = "--slots",
                description = "Task slots per TaskManager. Default: ${DEFAULT-VALUE}.")
        int slots = 2;

        ClusterLayout layout() {
            return new ClusterLayout(workDir, restPort, rpcPort, slots);
        }
    }

    /** The distribution next to the running polygraph-deploy.jar, i.e. in deploy/target. */
    static FlinkDistribution distribution() throws Exception {
        Path jar =
                Path.of(
                        ClusterCommand.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI());
        return FlinkDistribution.inBuild(jar.getParent()).requireBuilt();
    }

    @Command(
            name = "up",
            mixinStandardHelpOptions = true,
            description =
                    "Start a JobManager and TaskManagers as background processes on 127.0.0.1.")
    static final class Up implements Callable<Integer> {
        @Mixin Where where;

        @Option(
                names = "--task-managers",
                description = "Number of TaskManagers. Default: ${DEFAULT-VALUE}.")
        int taskManagers = 2;

        @Override
        public Integer call() throws Exception {
            ClusterLayout layout = where.layout();
            if (hasPidFiles(layout)) {
                throw new IllegalStateException(
                        "a cluster seems to run from "
                                + layout.workDir()
                                + ": `polygraph cluster down` first");
            }
            // Not closed: the processes outlive this command until `cluster down`.
            LocalFlinkCluster cluster =
                    LocalFlinkCluster.start(distribution(), layout, taskManagers);
            System.out.printf(
                    "Flink cluster up: 1 JobManager, %d TaskManagers (%d slots each); web UI at"
                            + " %s; logs in %s%n",
                    cluster.taskManagers().size(),
                    layout.slotsPerTaskManager(),
                    layout.restUrl(),
                    layout.logDir());
            return 0;
        }
    }

    private static boolean hasPidFiles(ClusterLayout layout) throws java.io.IOException {
        if (!Files.isDirectory(layout.pidDir())) {
            return false;
        }
        try (java.util.stream.Stream<Path> files = Files.list(layout.pidDir())) {
            return files.findAny().isPresent();
        }
    }

    @Command(
            name = "submit",
            mixinStandardHelpOptions = true,
            description =
                    "Upload the shaded job jar (deploy/target/polygraph-job.jar) to the cluster"
                            + " and run the job with the given options; prints the job id.")
    static final class Submit implements Callable<Integer> {
        @Mixin Where where;

        @ArgGroup(exclusive = false, multiplicity = "1", heading = "Kafka%n")
        KafkaOptions kafka;

        @Mixin TopicOptions topics;

        @Mixin JobOptions job;

        @Option(
                names = "--snapshot",
                required = true,
                paramLabel = "FILE",
                description =
                        "Model snapshot written by `polygraph train`; the TaskManagers read it"
                                + " from this path.")
        Path snapshot;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(snapshot)) {
                throw new IllegalArgumentException(
                        "no model snapshot at " + snapshot.toAbsolutePath());
            }
            ClusterLayout layout = where.layout();
            FlinkRestClient rest = new FlinkRestClient(layout.restUrl());
            if (!rest.isUp()) {
                throw new IllegalStateException(
                        "no Flink cluster answers at "
                                + layout.restUrl()
                                + ": `polygraph cluster up` first");
            }
            JobSubmission.Submitted submitted =
                    JobSubmission.submit(
                            rest,
                            distribution().jobJar(),
                            job.configuration(kafka, topics, snapshot),
                            job.parallelism);
            System.out.printf(
                    "Submitted job %s (jar %s); see %s/#/job/running/%s/overview%n",
                    submitted.jobId(), submitted.jarId(), layout.restUrl(), submitted.jobId());
            return 0;
        }
    }

    @Command(
            name = "down",
            mixinStandardHelpOptions = true,
            description = "Stop the cluster's processes (SIGTERM, then SIGKILL after 10 s).")
    static final class Down implements Callable<Integer> {
        @Mixin Where where;

        @Override
        public Integer call() throws Exception {
            List<String> stopped = LocalFlinkCluster.stop(where.layout(), Duration.ofSeconds(10));
            System.out.println(
                    stopped.isEmpty()
                            ? "No cluster process was running from " + where.workDir
                            : "Stopped " + String.join(", ", stopped));
            return 0;
        }
    }
}
