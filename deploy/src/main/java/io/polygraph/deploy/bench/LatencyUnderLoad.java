package io.polygraph.deploy.bench;

import io.polygraph.deploy.bench.LatencyArithmetic.LatencyTrend;
import io.polygraph.deploy.bench.LatencyArithmetic.Percentiles;
import io.polygraph.deploy.bench.LatencyArithmetic.RatePlan;
import io.polygraph.deploy.demo.TopicWatcher;
import io.polygraph.deploy.kafka.LocalKafkaBroker;
import io.polygraph.deploy.world.WorldPublisher;
import io.polygraph.detector.ScorerFactory;
import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.world.World;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * Benchmark 4: event-to-alert latency of the Polygraph job at 50% and 80% of its maximum
 * sustainable rate, with at-least-once and with exactly-once alert delivery.
 *
 * <p>The maximum sustainable rate is the Polygraph job's input records per second reading a
 * backlog: benchmark 3's figure when it ran in the same run, else measured here on a backlog by the
 * alerts written per second (see {@link MaximumRate#measuredOnBacklog}). Each of the four runs then
 * starts the job afresh on its own topics of one local broker, with an alert threshold above every
 * score so that every transaction alerts and is measured, and publishes a world at the run's rate
 * with the demo's paced {@link WorldPublisher} for a warm-up and a measured period. A transaction's
 * latency is from the moment the publisher handed it to its Kafka producer to the moment its alert
 * was received by a {@code read_committed} consumer on the alert topic (the demo's {@link
 * TopicWatcher}): with exactly-once delivery the alert becomes visible only when the checkpoint
 * after it commits the sink's Kafka transaction. Transactions published during the warm-up are left
 * out.
 *
 * <p>This class orchestrates: {@link MaximumRate} gives the rate, {@link LatencyArithmetic} plans
 * each run and summarises its latencies, {@link PacedLatencyRun} runs it against Kafka and a
 * MiniCluster, and {@link LatencyUnderLoadReport} prints the result.
 */
final class LatencyUnderLoad {

    /** Goal of benchmark 4: p99 at 50% load with at-least-once delivery, in milliseconds. */
    static final double GOAL_P99_MILLIS = 50;

    /** The loads, as fractions of the maximum sustainable rate. */
    static final List<Double> LOADS = List.of(0.5, 0.8);

    /** The longest the job may take to work through what was published to it. */
    static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(5);

    private static final List<DeliveryGuarantee> GUARANTEES =
            List.of(DeliveryGuarantee.AT_LEAST_ONCE, DeliveryGuarantee.EXACTLY_ONCE);

    /**
     * One run.
     *
     * @param deliveryGuarantee of the alert sink
     * @param tuning the name of the run's {@link JobTuning}
     * @param load fraction of the maximum sustainable rate
     * @param targetRecordsPerSecond input records per second asked of the publisher
     * @param publishedRecordsPerSecond input records per second it reached
     * @param records input records published
     * @param transactions transactions among them
     * @param warmupTransactions transactions of the warm-up, left out
     * @param notAlerted measured transactions whose alert never came
     * @param latency percentiles of the measured transactions' latencies
     * @param toScoring percentiles of the same transactions' time from publishing to the end of
     *     their batch's scoring (the alert's detection time): the rest of the latency is the
     *     alert's way out (alert policy, sink, Kafka, the consumer)
     * @param trend whether the latency stayed level over the measured period (the job kept up)
     * @param failure why the run failed, or null when it was measured
     */
    record Measurement(
            String deliveryGuarantee,
            String tuning,
            double load,
            double targetRecordsPerSecond,
            double publishedRecordsPerSecond,
            long records,
            long transactions,
            int warmupTransactions,
            int notAlerted,
            Percentiles latency,
            Percentiles toScoring,
            LatencyTrend trend,
            GcActivity gcWhilePublishing,
            String failure) {

        /** A run that failed: no figures, the reason kept. */
        static Measurement failed(
                DeliveryGuarantee guarantee,
                JobTuning tuning,
                double load,
                double targetRecordsPerSecond,
                String failure) {
            Percentiles none = Percentiles.of(List.of());
            return new Measurement(
                    guarantee.name(),
                    tuning.name(),
                    load,
                    targetRecordsPerSecond,
                    Double.NaN,
                    0,
                    0,
                    0,
                    0,
                    none,
                    none,
                    LatencyTrend.UNKNOWN,
                    GcActivity.UNKNOWN,
                    Objects.requireNonNull(failure, "failure"));
        }

        boolean failedRun() {
            return failure != null;
        }

        /** Whether the job kept up: the run was measured and its latency stayed level. */
        boolean keptUp() {
            return !failedRun() && trend.level();
        }
    }

    /**
     * The benchmark's result.
     *
     * @param maxRecordsPerSecond the maximum sustainable rate the loads are fractions of
     * @param backlogRecordsPerSecond the job's rate reading a backlog, where the search for the
     *     maximum sustainable rate started
     * @param backlogRateSource where that comes from: benchmark 3 of this run, or measured here
     * @param probes the paced runs of the search, at-least-once with the defaults
     * @param warmupSeconds publishing time left out at the start of each run
     * @param measuredSeconds publishing time measured in each run
     * @param checkpointIntervalMillis the job's checkpoint interval (exactly-once visibility)
     * @param batchSize the scoring operator's batch size
     * @param tunings the settings the runs were made with
     * @param runs the four runs with the defaults, then at-least-once at 50% with low-latency
     *     settings
     */
    record Result(
            double maxRecordsPerSecond,
            double backlogRecordsPerSecond,
            String backlogRateSource,
            List<Measurement> probes,
            int cores,
            double warmupSeconds,
            double measuredSeconds,
            long checkpointIntervalMillis,
            int batchSize,
            List<JobTuning> tunings,
            List<Measurement> runs) {

        /**
         * Whether p99 at 50% load with at-least-once delivery met the goal with {@code tuning};
         * empty without such a run.
         */
        Optional<Boolean> goalMet(JobTuning tuning) {
            return runs.stream()
                    .filter(r -> r.load() == 0.5 && r.deliveryGuarantee().equals("AT_LEAST_ONCE"))
                    .filter(r -> r.tuning().equals(tuning.name()))
                    .filter(r -> r.latency().samples() > 0)
                    .findFirst()
                    .map(r -> r.latency().p99Millis() <= GOAL_P99_MILLIS);
        }

        /** Whether the goal's run (at-least-once, 50%) with {@code tuning} failed. */
        boolean goalRunFailed(JobTuning tuning) {
            return runs.stream()
                    .anyMatch(
                            r ->
                                    r.failedRun()
                                            && r.load() == 0.5
                                            && r.deliveryGuarantee().equals("AT_LEAST_ONCE")
                                            && r.tuning().equals(tuning.name()));
        }

        /** Whether any run failed (the benchmark command then exits non-zero). */
        boolean anyFailed() {
            return runs.stream().anyMatch(Measurement::failedRun);
        }
    }

    private final BenchSettings settings;

    LatencyUnderLoad(BenchSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs the benchmark with the detector {@code snapshot}.
     *
     * @param endToEnd benchmark 3's measurement in this run, or null to measure the rate here
     * @param progress where a line is printed as each part starts
     */
    Result measure(
            ScorerFactory snapshot, EndToEndThroughput.Measurement endToEnd, PrintStream progress)
            throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        World sizing = EndToEndThroughput.world(settings.endToEndCustomers());
        double perCustomer =
                (double) sizing.eventsInTimeOrder().size() / settings.endToEndCustomers();
        try (LocalKafkaBroker broker =
                LocalKafkaBroker.start(LocalKafkaBroker.Settings.ephemeral())) {
            MaximumRate maxRate =
                    endToEnd != null
                            ? MaximumRate.ofEndToEnd(endToEnd)
                            : MaximumRate.measuredOnBacklog(broker, snapshot, sizing, cores);
            progress.printf(
                    Locale.ROOT,
                    "4. Latency under load: reading a backlog %s records/s (%s); searching the"
                            + " maximum sustainable rate below it%n",
                    BenchRun.format(maxRate.recordsPerSecond()),
                    maxRate.source());
            PacedLatencyRun run =
                    new PacedLatencyRun(broker, snapshot, cores, settings.latencyWarmupSeconds());
            SustainableRateSearch.Outcome sustainable =
                    searchSustainableRate(run, maxRate.recordsPerSecond(), perCustomer, progress);
            progress.printf(
                    Locale.ROOT,
                    "   maximum sustainable rate: %s records/s%n",
                    BenchRun.format(sustainable.recordsPerSecond()));
            List<Measurement> runs =
                    runEveryGuaranteeAndLoad(
                            run,
                            sustainable.recordsPerSecond(),
                            perCustomer,
                            sustainable.probes().size(),
                            progress);
            return new Result(
                    sustainable.recordsPerSecond(),
                    maxRate.recordsPerSecond(),
                    maxRate.source(),
                    sustainable.probes(),
                    cores,
                    settings.latencyWarmupSeconds(),
                    settings.latencySeconds(),
                    EndToEndThroughput.CHECKPOINT_INTERVAL.toMillis(),
                    PolygraphOptions.BATCH_SIZE.defaultValue(),
                    List.of(JobTuning.DEFAULTS, JobTuning.LOW_LATENCY),
                    runs);
        }
    }

    /**
     * The search for the maximum sustainable rate: paced probes below {@code backlogRate}, each as
     * long as a latency run, at-least-once with the job's defaults.
     */
    private SustainableRateSearch.Outcome searchSustainableRate(
            PacedLatencyRun run, double backlogRate, double perCustomer, PrintStream progress)
            throws Exception {
        double seconds = settings.latencyWarmupSeconds() + settings.latencySeconds();
        int[] probes = {0};
        return SustainableRateSearch.search(
                backlogRate,
                load -> {
                    Measurement probe =
                            measure(
                                    run,
                                    DeliveryGuarantee.AT_LEAST_ONCE,
                                    JobTuning.DEFAULTS,
                                    RatePlan.of(backlogRate, load, perCustomer, seconds),
                                    probes[0]++,
                                    "probing",
                                    progress);
                    progress.printf(
                            Locale.ROOT,
                            "   latency grew %s s per s: %s%n",
                            LatencyUnderLoadReport.growth(probe),
                            probe.keptUp() ? "kept up" : "did not keep up");
                    return probe;
                });
    }

    /**
     * The runs: each delivery guarantee at each load with the job's defaults, then the goal's case,
     * at-least-once at 50%, with low-latency settings.
     *
     * @param firstIndex the first run's index (topics and groups of earlier runs are not reused)
     */
    private List<Measurement> runEveryGuaranteeAndLoad(
            PacedLatencyRun run,
            double maxRate,
            double perCustomer,
            int firstIndex,
            PrintStream progress)
            throws Exception {
        double seconds = settings.latencyWarmupSeconds() + settings.latencySeconds();
        List<Measurement> runs = new ArrayList<>();
        for (DeliveryGuarantee guarantee : GUARANTEES) {
            for (double load : LOADS) {
                runs.add(
                        measure(
                                run,
                                guarantee,
                                JobTuning.DEFAULTS,
                                RatePlan.of(maxRate, load, perCustomer, seconds),
                                firstIndex + runs.size(),
                                "running",
                                progress));
            }
        }
        runs.add(
                measure(
                        run,
                        DeliveryGuarantee.AT_LEAST_ONCE,
                        JobTuning.LOW_LATENCY,
                        RatePlan.of(maxRate, 0.5, perCustomer, seconds),
                        firstIndex + runs.size(),
                        "running",
                        progress));
        return runs;
    }

    private static Measurement measure(
            PacedLatencyRun run,
            DeliveryGuarantee guarantee,
            JobTuning tuning,
            RatePlan plan,
            int index,
            String doing,
            PrintStream progress)
            throws Exception {
        double load = plan.load();
        progress.printf(
                Locale.ROOT,
                "   %s %s at %.0f%% with %s settings: %s records/s (a world of %d customers)%n",
                doing,
                guarantee,
                load * 100,
                tuning.name(),
                BenchRun.format(plan.eventsPerSecond()),
                plan.customers());
        try {
            return run.measure(guarantee, tuning, plan, index);
        } catch (Exception e) {
            // One failed run (a job that cannot keep up fails its checkpoints, and the benchmark's
            // job does not restart) leaves the other runs' figures worth having: it is reported,
            // and the command exits non-zero at the end.
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            progress.printf(Locale.ROOT, "   failed: %s%n", reason);
            return Measurement.failed(guarantee, tuning, load, plan.eventsPerSecond(), reason);
        }
    }
}
