package io.polygraph.deploy.bench;

import io.polygraph.data.MnistFiles;
import io.polygraph.data.MnistSet;
import io.polygraph.data.MnistTagProtocol;
import io.polygraph.train.FusionConfig;
import io.polygraph.train.FusionTrainer;
import io.polygraph.train.ImageTagConfig;
import io.polygraph.train.ImageTagTrainer;
import io.polygraph.train.TrainingListener;
import io.polygraph.train.TrainingProgress;
import io.polygraph.world.WorldConfig;
import io.polygraph.world.WorldGenerator;
import io.polygraph.world.WorldJoin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark 6: seconds per training epoch of CMAD on the MNIST image/tag protocol (the real digits
 * in ../shared/data) and of the fusion detector (DMAFN, default configuration) on a generated
 * world, each epoch timed from the end of the one before ({@link TrainingListener#onEpochEnd}).
 */
final class TrainingEpochs {

    /** One training run's epochs. */
    record Measurement(String training, int records, List<Double> epochSeconds) {

        /** The median epoch: the first includes compilation and warm-up. */
        double medianSeconds() {
            List<Double> sorted = epochSeconds.stream().sorted().toList();
            int middle = sorted.size() / 2;
            return sorted.size() % 2 == 1
                    ? sorted.get(middle)
                    : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        }
    }

    private static final long WORLD_SEED = 4444;

    private final BenchSettings settings;

    TrainingEpochs(BenchSettings settings) {
        this.settings = settings;
    }

    List<Measurement> measure() throws IOException {
        return List.of(cmadOnMnist(), fusionOnWorld());
    }

    private Measurement cmadOnMnist() throws IOException {
        MnistSet train =
                MnistFiles.readTraining(MnistFiles.locateFolder()).first(settings.mnistImages());
        List<float[]> images = new ArrayList<>(train.size());
        int[] digits = new int[train.size()];
        for (int i = 0; i < train.size(); i++) {
            images.add(train.image(i));
            digits[i] = train.digit(i);
        }
        EpochTimer timer = new EpochTimer();
        new ImageTagTrainer(ImageTagConfig.defaults().withEpochs(settings.trainingEpochs()))
                .train(images, digits, MnistTagProtocol.defaults(), timer);
        return new Measurement("cmad-image-tag on MNIST", train.size(), timer.epochSeconds);
    }

    private Measurement fusionOnWorld() {
        WorldConfig world =
                WorldConfig.defaults().withSeed(WORLD_SEED).withCustomers(settings.customers());
        FusionConfig config = FusionConfig.defaults().withEpochs(settings.trainingEpochs());
        var records = WorldJoin.join(WorldGenerator.generate(world), config.recentLimit());
        EpochTimer timer = new EpochTimer();
        new FusionTrainer(config).train(records, timer);
        return new Measurement("dmafn on a world", records.size(), timer.epochSeconds);
    }

    /** Notes the time between epoch ends (the first counted from the start of training). */
    private static final class EpochTimer implements TrainingListener {
        final List<Double> epochSeconds = new ArrayList<>();
        private long last = -1;

        @Override
        public void onStage(String stage) {
            if ("training".equals(stage) || last < 0) {
                last = System.nanoTime();
            }
        }

        @Override
        public void onEpochEnd(TrainingProgress progress) {
            long now = System.nanoTime();
            epochSeconds.add((now - last) / 1e9);
            last = now;
        }
    }
}
