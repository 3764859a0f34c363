package io.polygraph.deploy.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Kafka broker in KRaft combined mode (broker and controller in one), running
 * in this JVM on 127.0.0.1.
 *
 * <p>It is the same broker code a production cluster runs, started from the {@code kafka_2.13} jar,
 * so tests and the demo talk to Kafka over the network with the real protocol, transactions
 * included. Replication factors are 1 and the transaction timeout ceiling is raised to one hour so
 * that Flink's exactly-once sink, whose default transaction timeout is one hour, is accepted.
 *
 * <p>Trade-off: {@code KafkaRaftServer} and the storage {@link Formatter} are internal Kafka APIs,
 * so the Kafka version is pinned once in the parent pom.
 *
 * <p>By default the broker has one plaintext client listener. {@link BrokerSecurity} adds a
 * SASL_SSL listener with SCRAM-SHA-512 users and/or an SSL listener with client certificates
 * required, and ACLs; {@link #bootstrapServers(KafkaListener)} tells where each listens. Ports are
 * chosen by binding port 0 and releasing it just before the broker binds; a lost race fails the
 * start, which is retried with new ports.
 *
 * <pre>{@code
 * try (LocalKafkaBroker broker = LocalKafkaBroker.start(LocalKafkaBroker.Settings.ephemeral())) {
 *     String bootstrap = broker.bootstrapServers();
 * }
 * }</pre>
 */
public final class LocalKafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final int START_ATTEMPTS = 3;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final boolean deleteDataDirOnClose;
    private final Map<KafkaListener, Integer> ports;
    private final String bootstrapServers;

    private LocalKafkaBroker(
            KafkaRaftServer server,
            Path dataDir,
            boolean deleteDataDirOnClose,
            Map<KafkaListener, Integer> ports) {
        this.server = server;
        this.dataDir = dataDir;
        this.deleteDataDirOnClose = deleteDataDirOnClose;
        this.ports = Map.copyOf(ports);
        this.bootstrapServers = address(ports.get(KafkaListener.PLAINTEXT));
    }

    /**
     * Where and on which port the broker runs, and which secured listeners it opens.
     *
     * @param dataDir log directory; null for a fresh temporary one, deleted on close
     * @param port plaintext client port; 0 for any free port (secured listeners always get free
     *     ports)
     * @param security secured listeners and ACLs; {@link BrokerSecurity#NONE} for plaintext only
     */
    public record Settings(Path dataDir, int port, BrokerSecurity security) {
        public Settings {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            Objects.requireNonNull(security, "security");
        }

        /** A plaintext broker: no secured listener, no ACLs. */
        public Settings(Path dataDir, int port) {
            this(dataDir, port, BrokerSecurity.NONE);
        }

        /** A temporary data directory and any free port: what tests want. */
        public static Settings ephemeral() {
            return new Settings(null, 0);
        }

        /** These settings with {@code security}'s listeners and ACLs. */
        public Settings withSecurity(BrokerSecurity security) {
            return new Settings(dataDir, port, security);
        }
    }

    /** Formats the storage if needed, starts the broker and waits until it answers requests. */
    public static LocalKafkaBroker start(Settings settings) throws IOException {
        Objects.requireNonNull(settings, "settings");
        boolean temporary = settings.dataDir() == null;
        Path dataDir =
                temporary ? Files.createTempDirectory("polygraph-kafka-") : settings.dataDir();
        Files.createDirectories(dataDir);
        RuntimeException lastFailure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            Map<KafkaListener, Integer> ports = new EnumMap<>(KafkaListener.class);
            ports.put(KafkaListener.PLAINTEXT, settings.port() != 0 ? settings.port() : freePort());
            settings.security().securedListeners().forEach(l -> ports.put(l, freePort()));
            int controllerPort = freePort();
            try {
                LocalKafkaBroker broker =
                        startOnce(dataDir, temporary, ports, controllerPort, settings.security());
                LOG.info(
                        "Kafka broker ready at {} (data in {}, {})",
                        broker.ports,
                        dataDir,
                        settings.security());
                return broker;
            } catch (RuntimeException e) {
                lastFailure = e;
                LOG.warn("Kafka broker start attempt {} failed: {}", attempt, e.toString());
            }
        }
        throw new IOException("could not start a Kafka broker in " + dataDir, lastFailure);
    }

    private static LocalKafkaBroker startOnce(
            Path dataDir,
            boolean temporary,
            Map<KafkaListener, Integer> ports,
            int controllerPort,
            BrokerSecurity security) {
        Properties config = brokerConfig(dataDir, ports, controllerPort);
        security.applyTo(config);
        format(dataDir, security);
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        try {
            server.startup();
            LocalKafkaBroker broker = new LocalKafkaBroker(server, dataDir, false, ports);
            broker.awaitReady();
            return new LocalKafkaBroker(server, dataDir, temporary, ports);
        } catch (RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
    }

    private static Properties brokerConfig(
            Path dataDir, Map<KafkaListener, Integer> ports, int controllerPort) {
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        String clientListeners =
                ports.entrySet().stream()
                        .map(e -> e.getKey() + "://" + address(e.getValue()))
                        .collect(Collectors.joining(","));
        config.put("listeners", clientListeners + ",CONTROLLER://" + address(controllerPort));
        config.put("advertised.listeners", clientListeners);
        // Each client listener is named after its security protocol.
        config.put(
                "listener.security.protocol.map",
                Stream.concat(
                                ports.keySet().stream().map(l -> l + ":" + l),
                                Stream.of("CONTROLLER:PLAINTEXT"))
                        .collect(Collectors.joining(",")));
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", dataDir.toAbsolutePath().toString());
        config.put("num.partitions", "1");
        config.put("auto.create.topics.enable", "false");
        // A single node: every internal topic has one replica.
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        // Flink's exactly-once sink asks for one-hour transactions by default.
        config.put("transaction.max.timeout.ms", String.valueOf(TimeUnit.HOURS.toMillis(1)));
        // Keep every record: producers stamp records with their event time, and generated worlds
        // lie months in the past, so the default 7-day retention would delete a world's records
        // at the first retention check (about 30 s after start) while the job still reads them;
        // the job's sources would then jump to the end of the emptied partitions and sit idle.
        config.put("log.retention.ms", "-1");
        return config;
    }

    private static void format(Path dataDir, BrokerSecurity security) {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            // A restart on the same data directory keeps its cluster id and data.
            return;
        }
        String logDir = dataDir.toAbsolutePath().toString();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .addDirectory(logDir)
                    .setMetadataLogDirectory(logDir)
                    .setControllerListenerName("CONTROLLER")
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    // SCRAM users as bootstrap metadata records: there before any client.
                    .setScramArguments(security.scramFormatterArguments())
                    .run();
        } catch (Exception e) {
            String message = "cannot format Kafka storage in " + logDir;
            if (!security.scramUsers().isEmpty()) {
                // Not chained: the formatter's messages may quote a SCRAM argument, password
                // included.
                throw new IllegalStateException(message + ": " + e.getClass().getName());
            }
            throw new IllegalStateException(message, e);
        }
    }

    private void awaitReady() {
        try (Admin admin = Admin.create(adminConfig())) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka broker at " + bootstrapServers + " did not become ready", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    /** A port on 127.0.0.1 that nothing listens on right now (also for Flink's web UI). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1", e);
        }
    }

    /** The {@code host:port} of the plaintext listener, which every broker has. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The {@code host:port} of {@code listener}.
     *
     * @throws IllegalArgumentException when the broker was not started with that listener
     */
    public String bootstrapServers(KafkaListener listener) {
        Integer port = ports.get(listener);
        if (port == null) {
            throw new IllegalArgumentException("this broker has no " + listener + " listener");
        }
        return address(port);
    }

    private static String address(int port) {
        return "127.0.0.1:" + port;
    }

    /** The broker's log directory. */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Configuration for an {@link Admin} client of this broker's plaintext listener; with ACLs on,
     * that client is a super user (see {@link BrokerSecurity}).
     */
    public Map<String, Object> adminConfig() {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) READY_TIMEOUT.toMillis());
    }

    /** Stops the broker; deletes its data directory when it was a temporary one. */
    @Override
    public void close() throws IOException {
        server.shutdown();
        server.awaitShutdown();
        if (deleteDataDirOnClose) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
        LOG.info("Kafka broker at {} stopped", bootstrapServers);
    }
}
