package io.polygraph.deploy.cli;

import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.ReferenceRecords;
import io.polygraph.eval.EvaluationReport;
import io.polygraph.gan.bigan.BiganTraining;
import io.polygraph.gan.mmoc.MmocTraining;
import io.polygraph.train.AutoencoderDetectorConfig;
import io.polygraph.train.AutoencoderDetectorTrainer;
import io.polygraph.train.AutoencoderTrainingResult;
import io.polygraph.train.BiganDetectorConfig;
import io.polygraph.train.BiganDetectorTrainer;
import io.polygraph.train.BiganTrainingResult;
import io.polygraph.train.CmadSequenceTrainer;
import io.polygraph.train.CmadTrainer;
import io.polygraph.train.CombinedTrainer;
import io.polygraph.train.FusionConfig;
import io.polygraph.train.FusionTrainer;
import io.polygraph.train.FusionTrainingResult;
import io.polygraph.train.MmocDetectorConfig;
import io.polygraph.train.MmocDetectorTrainer;
import io.polygraph.train.MmocTrainingResult;
import io.polygraph.train.TrainerConfig;
import io.polygraph.train.TrainingResult;
import io.polygraph.world.World;
import io.polygraph.world.WorldJoin;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Trains a detector on a world with a progress bar (epochs, batches, time left), saves the snapshot
 * and prints the held-out evaluation: the part {@code train} and {@code demo} share.
 */
final class TrainingRunner {
    private final PrintStream out;

    TrainingRunner(PrintStream out) {
        this.out = out;
    }

    /**
     * Trains CMAD on {@code world}, writes the snapshot to {@code snapshotPath} and returns the
     * result; with {@code lstmHistory}, the K = 3 {@code cmad-sequence} detector, whose recent
     * transactions are a third modality read by an LSTM.
     */
    TrainingResult train(World world, TrainerConfig config, Path snapshotPath, boolean lstmHistory)
            throws IOException {
        var records = WorldJoin.join(world, config.recentLimit());
        out.printf(
                "Training CMAD%s on %d transactions of %d customers of world %d (%d epochs) ...%n",
                lstmHistory ? " (K=3, LSTM history)" : "",
                records.size(),
                world.config().customers(),
                world.config().seed(),
                config.epochs());
        TrainingResult result;
        try (ProgressBarListener progress = new ProgressBarListener()) {
            result =
                    lstmHistory
                            ? new CmadSequenceTrainer(config).train(records, progress)
                            : new CmadTrainer(config).train(records, progress);
        }
        saveAndReport(
                result.snapshot(), records, result.heldOut(), result.duration(), snapshotPath);
        return result;
    }

    /** Trains DMAFN on {@code world}, writes the snapshot to {@code snapshotPath}. */
    FusionTrainingResult trainFusion(World world, FusionConfig config, Path snapshotPath)
            throws IOException {
        var records = WorldJoin.join(world, config.recentLimit());
        out.printf(
                "Training DMAFN (%s fusion, %s head) on %d transactions of %d customers of world"
                        + " %d (%d epochs) ...%n",
                config.mode().name().toLowerCase(java.util.Locale.ROOT),
                config.head().name().toLowerCase(java.util.Locale.ROOT),
                records.size(),
                world.config().customers(),
                world.config().seed(),
                config.epochs());
        FusionTrainingResult result;
        try (ProgressBarListener progress = new ProgressBarListener()) {
            result = new FusionTrainer(config).train(records, progress);
        }
        DetectorSnapshot snapshot = result.snapshot();
        saveAndReport(snapshot, records, result.heldOut(), result.duration(), snapshotPath);
        return result;
    }

    /**
     * Trains the combination of CMAD and DMAFN on {@code world}, sets its threshold on the normal
     * records of {@code calibrationWorld} when there is one, writes the snapshot to {@code
     * snapshotPath}.
     */
    TrainingResult trainCombined(
            World world,
            World calibrationWorld,
            TrainerConfig cmad,
            FusionConfig dmafn,
            Path snapshotPath)
            throws IOException {
        var records = WorldJoin.join(world, cmad.recentLimit());
        CombinedTrainer trainer = new CombinedTrainer(cmad, dmafn);
        out.printf(
                "Training the combination of CMAD (%d epochs) and DMAFN (%s fusion, %s head, %d"
                        + " epochs) on %d transactions of %d customers of world %d ...%n",
                cmad.epochs(),
                trainer.dmafnConfig().mode().name().toLowerCase(java.util.Locale.ROOT),
                trainer.dmafnConfig().head().name().toLowerCase(java.util.Locale.ROOT),
                trainer.dmafnConfig().epochs(),
                records.size(),
                world.config().customers(),
                world.config().seed());
        var calibration =
                calibrationWorld == null
                        ? List.<WorldJoin.LabelledRecord>of()
                        : WorldJoin.join(calibrationWorld, cmad.recentLimit());
        out.println(
                calibrationWorld == null
                        ? "Threshold from the training world's held-out customers (no independent"
                                + " calibration world)."
                        : String.format(
                                "Threshold from the normal transactions of world %d (%d customers"
                                        + " never trained on).",
                                calibrationWorld.config().seed(),
                                calibrationWorld.config().customers()));
        TrainingResult result;
        try (ProgressBarListener progress = new ProgressBarListener()) {
            result = trainer.train(records, calibration, progress);
        }
        saveAndReport(
                result.snapshot(), records, result.heldOut(), result.duration(), snapshotPath);
        return result;
    }

    /**
     * Saves {@code trained} with reference records taken from the training records (so that a job
     * loading it can check that it scores them as it did here) and prints what was trained.
     */
    private void saveAndReport(
            DetectorSnapshot trained,
            List<WorldJoin.LabelledRecord> records,
            EvaluationReport heldOut,
            Duration duration,
            Path snapshotPath)
            throws IOException {
        List<MultimodalRecord> reference =
                ReferenceRecords.evenlySpaced(
                        records.stream().map(WorldJoin.LabelledRecord::record).toList(),
                        ReferenceRecords.DEFAULT_COUNT);
        DetectorSnapshot snapshot = trained.withReferenceRecords(reference);
        save(snapshot, snapshotPath);
        out.printf(
                "Trained %s in %s; snapshot %s%nHeld-out evaluation at the calibrated threshold:%n%s%n",
                snapshot.modelInfo().version(),
                formatted(duration),
                snapshotPath.toAbsolutePath(),
                heldOut.summary());
    }

    /** Trains the autoencoder (plainly or by DUAD) on {@code world}, writes its snapshot. */
    AutoencoderTrainingResult trainAutoencoder(
            World world, AutoencoderDetectorConfig config, Path snapshotPath) throws IOException {
        var records = WorldJoin.join(world, config.recentLimit());
        out.printf(
                "Training the autoencoder (%s) on %d transactions of %d customers of world %d"
                        + " (%s) ...%n",
                config.duad() == null ? "plain, normal records" : "DUAD, all records, no labels",
                records.size(),
                world.config().customers(),
                world.config().seed(),
                config.duad() == null
                        ? config.epochs() + " epochs"
                        : "at most " + config.epochs() + " epochs");
        AutoencoderTrainingResult result;
        try (ProgressBarListener progress = new ProgressBarListener()) {
            result = new AutoencoderDetectorTrainer(config).train(records, progress);
        }
        if (result.duad() != null) {
            out.printf(
                    "DUAD: %d training rounds, %s; the last trained on %d of %d records; anomaly"
                            + " share of its selections (reported, never read): %s%n",
                    result.duad().rounds().size() - 1,
                    result.duad().converged() ? "converged" : "stopped at the epoch cap",
                    trainedOn(result.duad().trainedOn()),
                    result.trainingRecords(),
                    result.duad().rounds().stream()
                            .map(r -> String.format("%.2f %%", 100 * r.anomalyShare()))
                            .toList());
        }
        saveAndReport(
                result.snapshot(), records, result.heldOut(), result.duration(), snapshotPath);
        return result;
    }

    /**
     * Trains MMOC-GAN on the normal records of {@code world}, prints its loss curves, writes its
     * snapshot (whose training configuration keeps the curves too).
     */
    MmocTrainingResult trainMmoc(World world, MmocDetectorConfig config, Path snapshotPath)
            throws IOException {
        var records = WorldJoin.join(world, config.recentLimit());
        out.printf(
                "Training MMOC-GAN (normal records) on %d transactions of %d customers of world %d"
                        + " (%d epochs, target network %d epochs) ...%n",
                records.size(),
                world.config().customers(),
                world.config().seed(),
                config.gan().epochs(),
                config.gan().targetEpochs());
        MmocTrainingResult result;
        try (ProgressBarListener progress = new ProgressBarListener()) {
            result = new MmocDetectorTrainer(config).train(records, progress);
        }
        MmocTraining curves = result.training();
        out.printf(
                "MMOC-GAN losses per epoch (density epsilon %.3f):%n  D      %s%n  G      %s%n"
                        + "  target %s%n",
                curves.epsilon(),
                formatted(curves.discriminatorLosses()),
                formatted(curves.generatorLosses()),
                formatted(curves.targetLosses()));
        saveAndReport(
                result.snapshot(), records, result.heldOut(), result.duration(), snapshotPath);
        return result;
    }

    /**
     * Trains IGMM-BiGAN on the normal records of {@code world}, prints its loss curves and its kept
     * mixture clusters, writes its snapshot (whose training configuration keeps both too).
     */
    BiganTrainingResult trainBigan(World world, BiganDetectorConfig config, Path snapshotPath)
            throws IOException {
        var records = WorldJoin.join(world, config.recentLimit());
        out.printf(
                "Training IGMM-BiGAN (normal records) on %d transactions of %d customers of world"
                        + " %d (%d epochs) ...%n",
                records.size(),
                world.config().customers(),
                world.config().seed(),
                config.gan().epochs());
        BiganTrainingResult result;
        try (ProgressBarListener progress = new ProgressBarListener()) {
            result = new BiganDetectorTrainer(config).train(records, progress);
        }
        BiganTraining curves = result.training();
        int[] clusters = result.clusterSizes();
        out.printf(
                "IGMM-BiGAN losses per epoch:%n  D      %s%n  E+G    %s%n"
                        + "Latent mixture: %d kept clusters of %s training records%n",
                formatted(curves.discriminatorLosses()),
                formatted(curves.encoderGeneratorLosses()),
                clusters.length,
                Arrays.toString(clusters));
        saveAndReport(
                result.snapshot(), records, result.heldOut(), result.duration(), snapshotPath);
        return result;
    }

    private static String formatted(double[] losses) {
        StringBuilder line = new StringBuilder();
        for (double loss : losses) {
            line.append(line.length() == 0 ? "" : " ").append(String.format("%.3f", loss));
        }
        return line.toString();
    }

    private static int trainedOn(boolean[] selection) {
        int count = 0;
        for (boolean selected : selection) {
            count += selected ? 1 : 0;
        }
        return count;
    }

    private static void save(DetectorSnapshot snapshot, Path snapshotPath) throws IOException {
        Path parent = snapshotPath.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        snapshot.save(snapshotPath);
    }

    private static String formatted(Duration duration) {
        return String.format("%dm%02ds", duration.toMinutes(), duration.toSecondsPart());
    }
}
