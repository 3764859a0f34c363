package io.polygraph.deploy.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

/**
 * Starts the JVMs of a local standalone Flink cluster as Flink's own scripts would ({@code
 * jobmanager.sh}, {@code taskmanager.sh}): the entry point class on the distribution's classpath,
 * the JVM memory options and dynamic memory settings that Flink derives from the configuration,
 * {@code --configDir}, and every setting as a {@code -D key=value} dynamic property. Each process
 * logs to {@code log/<name>.log} (stdout and stderr to {@code <name>.out}) and leaves its pid in
 * {@code pids/<name>.pid}; it keeps running when the launching JVM ends.
 */
public final class FlinkProcessLauncher {

    static final String JOB_MANAGER_ENTRY_POINT =
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    static final String TASK_MANAGER_ENTRY_POINT =
            "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";

    /**
     * Flink on Java 17 needs these opens (the list of {@code deploy/polygraph}); Avro 1.12 reads
     * specific records from trusted packages only.
     */
    static final List<String> JVM_OPTIONS =
            List.of(
                    "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.polygraph.schema",
                    "--add-opens=java.base/java.util=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
                    "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                    "--add-opens=java.base/java.time=ALL-UNNAMED",
                    "--add-opens=java.base/java.io=ALL-UNNAMED",
                    "--add-opens=java.base/java.net=ALL-UNNAMED",
                    "--add-opens=java.base/java.text=ALL-UNNAMED",
                    "--add-opens=java.sql/java.sql=ALL-UNNAMED");

    private static final String LOG4J_CONFIG =
            String.join(
                    "\n",
                    "rootLogger.level = INFO",
                    "rootLogger.appenderRef.file.ref = MainAppender",
                    "appender.main.name = MainAppender",
                    "appender.main.type = File",
                    "appender.main.fileName = ${sys:log.file}",
                    "appender.main.layout.type = PatternLayout",
                    "appender.main.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-60c %x - %m%n",
                    "logger.kafka.name = org.apache.kafka",
                    "logger.kafka.level = WARN",
                    "");

    private final FlinkDistribution distribution;
    private final ClusterLayout layout;
    private final Configuration config;

    /** Writes the cluster's {@code conf} folder (Flink's config.yaml and the log4j settings). */
    public FlinkProcessLauncher(FlinkDistribution distribution, ClusterLayout layout)
            throws IOException {
        this.distribution = distribution.requireBuilt();
        this.layout = layout;
        this.config = ClusterConfiguration.of(layout);
        Files.createDirectories(layout.configDir());
        Files.createDirectories(layout.logDir());
        Files.createDirectories(layout.pidDir());
        Files.createDirectories(layout.checkpointDir());
        Files.createDirectories(layout.workDir().resolve("tmp"));
        // Flink requires the file; the settings themselves travel as dynamic properties, which are
        // written to every process's log at start.
        Files.writeString(
                layout.configDir().resolve("config.yaml"),
                "# Settings: see the -D dynamic properties in log/*.log\n"
                        + "rest.address: "
                        + ClusterLayout.HOST
                        + "\n");
        Files.writeString(log4jConfig(), LOG4J_CONFIG);
    }

    /** The JobManager: resource manager, dispatcher, REST API and web UI. */
    public ClusterProcess startJobManager() throws IOException {
        JobManagerProcessSpec spec = JobManagerProcessUtils.processSpecFromConfig(config);
        return start(
                "jobmanager",
                JOB_MANAGER_ENTRY_POINT,
                JobManagerProcessUtils.generateJvmParametersStr(spec, config),
                JobManagerProcessUtils.generateDynamicConfigsStr(spec));
    }

    /** A TaskManager named {@code name}, which registers at the JobManager. */
    public ClusterProcess startTaskManager(String name) throws IOException {
        TaskExecutorProcessSpec spec = TaskExecutorProcessUtils.processSpecFromConfig(config);
        return start(
                name,
                TASK_MANAGER_ENTRY_POINT,
                ProcessMemoryUtils.generateJvmParametersStr(spec),
                TaskExecutorProcessUtils.generateDynamicConfigsStr(spec));
    }

    private ClusterProcess start(
            String name, String entryPoint, String jvmMemory, String memoryDynamicConfigs)
            throws IOException {
        Path log = layout.logDir().resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(FlinkDistribution.javaExecutable());
        command.addAll(words(jvmMemory));
        command.addAll(JVM_OPTIONS);
        command.add("-Dlog.file=" + log);
        command.add("-Dlog4j.configurationFile=" + log4jConfig().toUri());
        command.add("-cp");
        command.add(distribution.classpath());
        command.add(entryPoint);
        command.add("--configDir");
        command.add(layout.configDir().toString());
        command.addAll(words(memoryDynamicConfigs));
        for (Map.Entry<String, String> setting : config.toMap().entrySet()) {
            command.add("-D");
            command.add(setting.getKey() + "=" + setting.getValue());
        }
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(layout.logDir().resolve(name + ".out").toFile());
        // One OpenMP thread per ND4J op: the job runs one scorer per slot already.
        builder.environment().putIfAbsent("OMP_NUM_THREADS", "1");
        Process process = builder.start();
        Files.writeString(pidFile(name), Long.toString(process.pid()), StandardCharsets.US_ASCII);
        return new ClusterProcess(name, process.toHandle(), log);
    }

    /** The pid file of the process named {@code name}. */
    public Path pidFile(String name) {
        return layout.pidDir().resolve(name + ".pid");
    }

    private Path log4jConfig() {
        return layout.configDir().resolve("log4j.properties");
    }

    private static List<String> words(String arguments) {
        return Arrays.stream(arguments.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}
