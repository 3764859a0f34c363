package io.polygraph.train;

import io.polygraph.data.MnistTagProtocol;
import io.polygraph.detector.CrossModalDetector;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.ImageTagDetector;
import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.PairCalibration;
import io.polygraph.detector.PairNetwork;
import io.polygraph.detector.ScoreCalibration;
import io.polygraph.eval.EvaluationReport;
import io.polygraph.features.FeatureEncoding;
import io.polygraph.world.WorldConfig;
import io.polygraph.world.WorldGenerator;
import io.polygraph.world.WorldJoin;
import java.time.Duration;
import java.util.List;

/**
 * Test fixtures: small generated worlds and detectors with untrained (seeded random) networks, for
 * tests of the scoring and snapshot machinery that do not need a trained model.
 */
public final class TestDetectors {

    private TestDetectors() {}

    /** The labelled records of a small world: {@code customers} customers over {@code days}. */
    public static List<WorldJoin.LabelledRecord> world(long seed, int customers, int days) {
        WorldConfig config =
                WorldConfig.defaults()
                        .withSeed(seed)
                        .withCustomers(customers)
                        .withSpan(Duration.ofDays(days));
        return WorldJoin.join(
                WorldGenerator.generate(config), TrainerConfig.defaults().recentLimit());
    }

    /** The records of a world, without labels. */
    public static List<MultimodalRecord> records(List<WorldJoin.LabelledRecord> labelled) {
        return labelled.stream().map(WorldJoin.LabelledRecord::record).toList();
    }

    /**
     * A snapshot whose networks have seeded random weights and whose calibration flags records
     * below {@code threshold}: real scores, meaningless verdicts.
     */
    public static DetectorSnapshot untrainedSnapshot(
            List<MultimodalRecord> records, double threshold) {
        TrainerConfig config = TrainerConfig.defaults();
        FeatureEncoding encoding = FeatureEncoding.fit(records, config.recentLimit());
        PairArchitecture pt =
                new ProfileTransactionArchitecture(
                        encoding.profileWidth(),
                        encoding.transactionWidth(),
                        config.embeddingSize());
        PairArchitecture sig = new SignatureArchitecture();
        ScoreCalibration calibration =
                new ScoreCalibration(
                        PairCalibration.uncalibrated(0.5),
                        PairCalibration.uncalibrated(0.5),
                        threshold,
                        0.01);
        CrossModalDetector detector =
                new CrossModalDetector(
                        new ModelInfo("cmad", "test", threshold, encoding.featureSpecVersion()),
                        encoding,
                        new PairNetwork(PairGraphs.inference(pt)),
                        new PairNetwork(PairGraphs.inference(sig)),
                        calibration);
        EvaluationReport empty =
                EvaluationReport.of(
                        new double[0], List.of(), threshold, EvaluationReport.CROSS_MODAL);
        return new SnapshotAssembler(config)
                .assemble(detector, calibration, empty, records.size(), 0, Duration.ZERO);
    }

    /**
     * An (image, tag) detector of MNIST's shapes (28 x 28 images, {@value
     * MnistTagProtocol#TAG_DIMENSIONS}-wide tags) with seeded random weights.
     */
    public static ImageTagDetector untrainedImageTagDetector(double epsilon) {
        int tagWidth = MnistTagProtocol.TAG_DIMENSIONS;
        return new ImageTagDetector(
                new PairNetwork(PairGraphs.inference(new ImageTagArchitecture(tagWidth))),
                ImageTagArchitecture.SIDE,
                tagWidth,
                epsilon);
    }
}
