package io.polygraph.eval.run;

import io.polygraph.eval.EvaluationReport;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.report.ReportMetric;
import io.polygraph.eval.report.SeedRun;
import io.polygraph.features.FeatureEncoding;
import io.polygraph.schema.AnomalyType;
import io.polygraph.train.EntitySplit;
import io.polygraph.train.TrainerConfig;
import io.polygraph.train.TrainingListener;
import io.polygraph.world.WorldConfig;
import io.polygraph.world.WorldGenerator;
import io.polygraph.world.WorldJoin;
import io.polygraph.world.WorldJoin.LabelledRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What multimodality buys: reconstruction baselines on exactly the worlds, splits, labels and alert
 * budget of {@link WorldExperiment}, to be reported beside CMAD.
 *
 * <p>Seed {@code s} generates the training world {@code s + }{@value
 * WorldExperiment#TRAINING_SEED_OFFSET} and splits it by entity as CMAD's trainer does with seed
 * {@code s} ({@link EntitySplit}, the protocol's held-out share). The baselines are fitted on the
 * training entities' records (NORMAL only when the protocol says {@code trainOnNormalOnly}, as it
 * does by default), with the {@link FeatureEncoding} fitted on those same records; their threshold
 * is set on the held-out entities' NORMAL records for the protocol's target alert rate; they are
 * tested on every record of world {@code s}, positives being the cross-modal types and outliers
 * reported per type only. Pass CMAD's own {@link TrainerConfig} as the protocol and both see the
 * same records everywhere.
 *
 * <p>Detectors: an autoencoder and a PCA reconstruction per modality ({@link #SINGLE_MODALITY}: the
 * profile, the transaction with its recent history, the presented signature), and the same two
 * models on everything concatenated ({@link io.polygraph.autoencoder.ConcatenatedRows}, the row the
 * {@code autoencoder} detector reads). PCA per modality was added to the autoencoders because it is
 * by far the stronger single-modality detector here (seed 1: AUPRC 0.49 on the transaction against
 * 0.09 for its autoencoder, whose angle score ignores how far a row departs): a gain measured
 * against weak single-modality baselines only would flatter multimodality. The signature PCA reads
 * the 8x24 canvas (a covariance of 3,072 pixels is too slow to decompose here). How a detector
 * treats a record without its modality is in {@link BaselineDetectors}. Each run's wall time is the
 * detector's own training, calibration and scoring; generating and encoding the worlds, shared by
 * all of them, is logged, not counted (CMAD's wall time in {@link WorldExperiment} includes it).
 */
public final class WorldBaselineExperiment {

    public static final String AE_PROFILE = "AE profile only";
    public static final String AE_TRANSACTION = "AE transaction only";
    public static final String AE_SIGNATURE = "AE signature only";
    public static final String PCA_PROFILE = "PCA profile only";
    public static final String PCA_TRANSACTION = "PCA transaction only";
    public static final String PCA_SIGNATURE = "PCA signature only";
    public static final String PCA_ALL = "PCA all features";
    public static final String AE_ALL = "AE all features";

    /** The detectors, in report order. */
    public static final List<String> DETECTORS =
            List.of(
                    AE_PROFILE,
                    AE_TRANSACTION,
                    AE_SIGNATURE,
                    PCA_PROFILE,
                    PCA_TRANSACTION,
                    PCA_SIGNATURE,
                    PCA_ALL,
                    AE_ALL);

    /** The detectors that see one modality each; every other detector counts as multimodal. */
    public static final Set<String> SINGLE_MODALITY =
            Set.of(
                    AE_PROFILE,
                    AE_TRANSACTION,
                    AE_SIGNATURE,
                    PCA_PROFILE,
                    PCA_TRANSACTION,
                    PCA_SIGNATURE);

    private static final Logger LOG = LoggerFactory.getLogger(WorldBaselineExperiment.class);

    private final WorldConfig world;

    /**
     * @param world the worlds' configuration; its seed is replaced by each run's
     */
    public WorldBaselineExperiment(WorldConfig world) {
        this.world = Objects.requireNonNull(world, "world");
    }

    /** The baselines with their defaults, on CMAD's default protocol. */
    public List<DetectorEvaluation> baselines(List<Long> seeds, TrainingListener listener) {
        return baselines(TrainerConfig.defaults(), BaselineConfig.defaults(), seeds, listener);
    }

    /**
     * Fits and tests every baseline once per seed.
     *
     * @param protocol CMAD's configuration; only its split, feature and calibration settings are
     *     read (held-out share, recent limit, normal-only training, target alert rate)
     * @return one evaluation per detector, in {@link #DETECTORS} order
     */
    public List<DetectorEvaluation> baselines(
            TrainerConfig protocol,
            BaselineConfig config,
            List<Long> seeds,
            TrainingListener listener) {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(config, "config");
        Map<String, List<SeedRun>> runs = new LinkedHashMap<>();
        DETECTORS.forEach(name -> runs.put(name, new ArrayList<>()));
        for (long seed : seeds) {
            listener.onStage("seed " + seed);
            run(protocol, config, seed, listener).forEach((name, run) -> runs.get(name).add(run));
        }
        List<DetectorEvaluation> evaluations = new ArrayList<>();
        runs.forEach(
                (name, seedRuns) ->
                        evaluations.add(
                                DetectorEvaluation.of(
                                        name, describe(name, protocol, config), seedRuns)));
        return evaluations;
    }

    /**
     * The best mean AUPRC among multimodal detectors over the best among single-modality ones
     * ({@link #SINGLE_MODALITY}); add CMAD's evaluation to the list to count it. The goal
     * is a ratio of at least 1.5.
     *
     * @throws IllegalArgumentException when either group has no detector with a finite AUPRC
     */
    public static double multimodalAuprcGain(List<DetectorEvaluation> detectors) {
        return bestAuprc(detectors, d -> !SINGLE_MODALITY.contains(d.name()), "multimodal")
                / bestAuprc(detectors, d -> SINGLE_MODALITY.contains(d.name()), "single-modality");
    }

    private static double bestAuprc(
            List<DetectorEvaluation> detectors, Predicate<DetectorEvaluation> group, String what) {
        return detectors.stream()
                .filter(group)
                .mapToDouble(d -> d.summaryOf(ReportMetric.AUPRC).mean())
                .filter(Double::isFinite)
                .max()
                .orElseThrow(
                        () -> new IllegalArgumentException("no " + what + " detector with AUPRC"));
    }

    private Map<String, SeedRun> run(
            TrainerConfig protocol, BaselineConfig config, long seed, TrainingListener listener) {
        long started = System.nanoTime();
        listener.onStage("generating worlds " + (seed + WorldExperiment.TRAINING_SEED_OFFSET));
        List<LabelledRecord> trainingWorld =
                joined(seed + WorldExperiment.TRAINING_SEED_OFFSET, protocol);
        EntitySplit split = EntitySplit.of(trainingWorld, protocol.heldOutShare(), seed);
        List<LabelledRecord> training =
                split.training().stream()
                        .filter(r -> !protocol.trainOnNormalOnly() || isNormal(r))
                        .toList();
        List<LabelledRecord> calibration =
                split.heldOut().stream().filter(WorldBaselineExperiment::isNormal).toList();
        listener.onStage("generating world " + seed);
        List<LabelledRecord> test = joined(seed, protocol);
        listener.onStage("encoding features");
        FeatureEncoding encoding =
                FeatureEncoding.fit(
                        training.stream().map(LabelledRecord::record).toList(),
                        protocol.recentLimit());
        ModalityBlocks trainingBlocks = ModalityBlocks.of(training, encoding);
        ModalityBlocks calibrationBlocks = ModalityBlocks.of(calibration, encoding);
        ModalityBlocks testBlocks = ModalityBlocks.of(test, encoding);
        LOG.info(
                "Seed {}: {} training, {} calibration, {} test records, prepared in {} s",
                seed,
                training.size(),
                calibration.size(),
                test.size(),
                String.format("%.1f", (System.nanoTime() - started) / 1e9));
        return new BaselineDetectors(config, protocol.targetAlertRate(), positives(), listener)
                .run(seed, trainingBlocks, calibrationBlocks, testBlocks);
    }

    private List<LabelledRecord> joined(long worldSeed, TrainerConfig protocol) {
        return WorldJoin.join(
                WorldGenerator.generate(world.withSeed(worldSeed)), protocol.recentLimit());
    }

    private static boolean isNormal(LabelledRecord record) {
        return record.label().getType() == AnomalyType.NORMAL;
    }

    private static Set<String> positives() {
        return EvaluationReport.CROSS_MODAL.stream().map(Enum::name).collect(Collectors.toSet());
    }

    /** The report's configuration of one detector: its input, its model, the protocol. */
    private static Map<String, Object> describe(
            String name, TrainerConfig protocol, BaselineConfig config) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("input", input(name));
        description.put(
                "missingModality",
                SINGLE_MODALITY.contains(name)
                        ? "lowest score (nothing to say)"
                        : "zeros and a missing flag");
        description.put("model", model(name, config));
        if (!name.startsWith("PCA")) {
            description.put("epochs", config.epochs());
            description.put(
                    "inputScaling",
                    name.equals(AE_PROFILE) || name.equals(AE_TRANSACTION)
                            ? "STANDARDISED"
                            : "RAW");
        }
        description.put("threshold", "held-out NORMAL records' quantile");
        description.put("targetAlertRate", protocol.targetAlertRate());
        description.put("heldOutShare", protocol.heldOutShare());
        description.put("recentLimit", protocol.recentLimit());
        description.put("trainOnNormalOnly", protocol.trainOnNormalOnly());
        return description;
    }

    private static String input(String name) {
        return switch (name) {
            case AE_PROFILE, PCA_PROFILE -> "profile features";
            case AE_TRANSACTION, PCA_TRANSACTION -> "transaction and recent-history features";
            case AE_SIGNATURE -> "presented signature canvas, 32x96";
            case PCA_SIGNATURE -> "presented signature canvas, downsampled to 8x24";
            default ->
                    "profile + transaction features, enrolment and presented signatures"
                            + " at 8x24 (block-scaled), missing flags";
        };
    }

    private static String model(String name, BaselineConfig config) {
        return switch (name) {
            case AE_PROFILE, AE_TRANSACTION -> config.tabular().toString();
            case AE_SIGNATURE -> config.signature().toString();
            case AE_ALL -> config.concatenated().toString();
            default ->
                    String.format(
                            "PCA to %.0f %% of the variance, at most %d components, squared error",
                            config.pcaVarianceShare() * 100, config.pcaMaxComponents());
        };
    }
}
