package io.polygraph.eval.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polygraph.data.EnrolledWriter;
import io.polygraph.data.PresentedSignature.Kind;
import io.polygraph.data.SignatureProtocol;
import io.polygraph.data.SignatureWriter;
import io.polygraph.data.WriterSplit;
import io.polygraph.detector.ScoreCalibration;
import io.polygraph.eval.LabelledScores;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.report.LossCurve;
import io.polygraph.eval.report.SeedRun;
import io.polygraph.train.SignaturePairConfig;
import io.polygraph.train.SignaturePairTrainer;
import io.polygraph.train.TrainingListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real signature verification: does a presented signature come from the hand that enrolled? CMAD's
 * siamese signature network against a non-learned baseline, on writers never seen in training.
 *
 * <p>Seed {@code s}: {@link SignatureProtocol#split} holds out the test writers; of the remaining
 * training writers, {@link SignaturePairConfig#heldOutShare()} are held out of training as
 * calibration writers (at least one), because cosines of writers the network was trained on are
 * optimistic while the test writers are new, so the threshold must come from new writers too. CMAD
 * ({@link SignaturePairTrainer}, trainer seed {@code s}) trains on the other training writers:
 * consistent pairs are two genuine signatures of one writer, inconsistent ones other writers in the
 * batch and one hard negative per pair, by default half of them the writer's real skilled forgeries
 * ({@link SignaturePairConfig#realForgeryShare()}). Real forgeries are used because the Eq. 8 loss
 * has a hard-negative term made for them and they are the anomaly the test measures; only training
 * writers' forgeries are used, so no test writer's forgeries are seen.
 *
 * <p>Score of a presented signature: the mean similarity with the entity's enrolled signatures
 * ({@link EnrolmentScores}, which says why the mean); CMAD's similarity is its cosine, the
 * baseline's ({@value #CORRELATION}) the pixel correlation of the two canvases ({@link
 * CanvasSimilarity#correlation()}). Each detector's threshold flags {@link
 * SignaturePairConfig#targetAlertRate()} of the calibration writers' genuine presented signatures
 * against their own enrolment (enrolled with the same protocol and seed).
 *
 * <p>Each detector is reported three times from the same scores and threshold: with both forgery
 * types as positives, then with one type only (the other type's records are then neither positives
 * nor negatives, but still counted per type). That gives AUROC, AUPRC and the rates at the
 * threshold per anomaly type, which differ a lot: a random forgery has other letters, a skilled one
 * the same. CMAD's wall time is training and scoring; the baseline's scoring only.
 *
 * <p>What it showed (seed 1, defaults, 14 test writers): CMAD AUROC 0.86 (skilled forgeries 0.78,
 * random 0.94), pixel correlation 0.87 (0.83, 0.91): with 23 training writers the siamese network
 * does not beat the baseline on skilled forgeries. One seed only; run more before concluding.
 */
public final class SignatureExperiment {

    /** The learned detector's name in reports. */
    public static final String CMAD = "CMAD";

    /** The baseline's name in reports. */
    public static final String CORRELATION = "Canvas correlation";

    private static final Logger LOG = LoggerFactory.getLogger(SignatureExperiment.class);
    private static final ObjectMapper CONFIG_MAPPER = new ObjectMapper();

    /** The positives of each report row, and the suffix of its name. */
    private static final Map<String, Set<String>> VIEWS = views();

    private final List<SignatureWriter> writers;
    private final SignatureProtocol protocol;

    /**
     * @param writers the writers to split, such as {@link io.polygraph.data.SignatureFiles#read}'s
     * @param protocol the split and enrolment rules
     */
    public SignatureExperiment(List<SignatureWriter> writers, SignatureProtocol protocol) {
        this.writers = List.copyOf(writers);
        this.protocol = Objects.requireNonNull(protocol, "protocol");
    }

    /**
     * Trains and tests CMAD, and tests the baseline, once per seed.
     *
     * @return per detector (CMAD, then the baseline): all forgeries, skilled only, random only
     */
    public List<DetectorEvaluation> evaluate(
            SignaturePairConfig config, List<Long> seeds, TrainingListener listener) {
        Map<String, List<SeedRun>> runs = new LinkedHashMap<>();
        for (long seed : seeds) {
            listener.onStage("seed " + seed);
            run(config.withSeed(seed), listener)
                    .forEach(
                            (name, run) ->
                                    runs.computeIfAbsent(name, n -> new ArrayList<>()).add(run));
        }
        List<DetectorEvaluation> evaluations = new ArrayList<>();
        runs.forEach(
                (name, seedRuns) ->
                        evaluations.add(
                                DetectorEvaluation.of(name, describe(name, config), seedRuns)));
        return evaluations;
    }

    private Map<String, SeedRun> run(SignaturePairConfig config, TrainingListener listener) {
        long seed = config.seed();
        long started = System.nanoTime();
        WriterSplit split = protocol.split(writers, seed);
        WriterSplit fitting = WriterSplit.of(split.training(), config.heldOutShare(), 1, ~seed);
        List<EnrolledWriter> test = protocol.enrol(split.test(), seed);
        List<EnrolledWriter> calibration = protocol.enrol(fitting.test(), seed);
        LOG.info(
                "Seed {}: {} training writers ({} for calibration), {} test writers, {} presented"
                        + " test signatures",
                seed,
                split.training().size(),
                fitting.test().size(),
                split.test().size(),
                test.stream().mapToInt(w -> w.presented().size()).sum());
        SignaturePairTrainer.Result trained =
                new SignaturePairTrainer(config).train(fitting.training(), listener);
        listener.onStage("scoring");
        Map<String, SeedRun> result = new LinkedHashMap<>();
        Scored cmad = score(test, calibration, trained::cosines, config);
        add(result, CMAD, cmad, seed, (System.nanoTime() - started) / 1e9, trained.epochLosses());
        long baselineStarted = System.nanoTime();
        Scored baseline = score(test, calibration, CanvasSimilarity.correlation(), config);
        add(result, CORRELATION, baseline, seed, (System.nanoTime() - baselineStarted) / 1e9, null);
        return result;
    }

    /** Test scores and the threshold, in the anomaly-score convention. */
    private record Scored(EnrolmentScores test, double threshold) {}

    private static Scored score(
            List<EnrolledWriter> test,
            List<EnrolledWriter> calibration,
            CanvasSimilarity similarity,
            SignaturePairConfig config) {
        double[] genuine = EnrolmentScores.of(calibration, similarity).normalScores();
        double epsilon = ScoreCalibration.thresholdFor(genuine, config.targetAlertRate());
        return new Scored(EnrolmentScores.of(test, similarity), -epsilon);
    }

    private static void add(
            Map<String, SeedRun> result,
            String detector,
            Scored scored,
            long seed,
            double seconds,
            List<Double> losses) {
        VIEWS.forEach(
                (suffix, positives) -> {
                    var builder =
                            SeedRun.builder(seed)
                                    .scores(
                                            LabelledScores.ofConsistency(
                                                    scored.test().scores(),
                                                    scored.test().labels(),
                                                    positives))
                                    .threshold(scored.threshold())
                                    .wallTimeSeconds(seconds);
                    if (losses != null) {
                        builder.trainingLoss(
                                LossCurve.perEpoch(
                                        SignaturePairTrainer.PAIR + " loss",
                                        losses.stream()
                                                .mapToDouble(Double::doubleValue)
                                                .toArray()));
                    }
                    result.put(detector + suffix, builder.build());
                });
    }

    private static Map<String, Set<String>> views() {
        String skilled = Kind.SKILLED_FORGERY.label();
        String random = Kind.RANDOM_FORGERY.label();
        Map<String, Set<String>> views = new LinkedHashMap<>();
        views.put("", Set.of(skilled, random));
        views.put(", skilled forgeries", Set.of(skilled));
        views.put(", random forgeries", Set.of(random));
        return views;
    }

    /** The report's configuration of one row: the protocol, the positives, the detector. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> describe(String name, SignaturePairConfig config) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("testShare", protocol.testShare());
        description.put("enrolment", protocol.enrolment());
        description.put("positives", positivesOf(name).stream().sorted().toList());
        description.put("score", "mean similarity with the enrolled signatures");
        description.put("threshold", "calibration writers' genuine signatures' quantile");
        description.put("targetAlertRate", config.targetAlertRate());
        description.put("heldOutShare", config.heldOutShare());
        if (name.startsWith(CMAD)) {
            description.put("similarity", "cosine of the siamese signature network");
            Map<String, Object> trainer = CONFIG_MAPPER.convertValue(config, Map.class);
            trainer.remove("seed");
            description.put("training", trainer);
        } else {
            description.put("similarity", "pixel correlation of the 32x96 canvases");
        }
        return description;
    }

    private static Set<String> positivesOf(String name) {
        return VIEWS.entrySet().stream()
                .filter(e -> !e.getKey().isEmpty() && name.endsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(VIEWS.get(""));
    }
}
